"""Live carrier rates through the official EasyPost library, pointed at a local double of
EasyPost's documented Shipment shape: quoted methods are offered and charged; a carrier
that errs, answers garbage or times out leaves the table methods working, never a 500."""

from __future__ import annotations

import json

import pytest

from models import Order, db
from services import carrier_rates
from tests.factories import UserFactory, VariantFactory, fill_cart
from tests.helpers import Receiver

ADMIN = "/api/v1/admin"
ADDRESS = {"full_name": "Ada", "line1": "1 Main St", "city": "Berlin", "postal_code": "10115",
           "country": "DE"}


def shipment(*rates) -> bytes:
    return json.dumps({"id": "shp_test", "object": "Shipment", "mode": "test", "rates": [
        {"id": f"rate_{n}", "object": "Rate", "carrier": carrier, "service": service,
         "rate": rate, "currency": "USD", "delivery_days": days}
        for n, (carrier, service, rate, days) in enumerate(rates)]}).encode()


@pytest.fixture
def carrier(app, monkeypatch):
    """A local EasyPost double, and the app's rates provider pointed at it."""
    with Receiver() as double:
        monkeypatch.setitem(app.extensions, "stockroom.carrier_rates",
                            carrier_rates.EasyPostRates(
                                "EZTK_test", f"{double.url}/v2",
                                {"country": "US", "zip": "10001"}, timeout=1))
        monkeypatch.setitem(app.extensions, "stockroom.carrier_quotes",
                            carrier_rates.QuoteCache())
        yield double


@pytest.fixture
def store(client, auth_headers):
    admin = auth_headers(UserFactory(role="admin"))
    zone = client.post(f"{ADMIN}/shipping-zones", json={"name": "DE", "countries": ["DE"]},
                       headers=admin).json
    methods = {
        name: client.post(f"{ADMIN}/shipping-zones/{zone['id']}/methods", json=fields,
                          headers=admin).json
        for name, fields in {
            "flat": {"name": "Standard", "kind": "flat", "price": 490},
            "express": {"name": "DHL Express", "kind": "carrier", "carrier": "DHL",
                        "service": "Express"},
        }.items()}
    user = UserFactory()
    fill_cart(user, {VariantFactory(price=2000, weight_g=1000): 2})
    db.session.commit()
    return methods, auth_headers(user)


def test_a_quoted_carrier_method_is_offered_and_charged(client, carrier, store):
    methods, headers = store
    carrier.responses = [(200, {"Content-Type": "application/json"},
                          shipment(("DHL", "Express", "12.34", 2), ("UPS", "Ground", "8.00", 5)))]
    offered = client.get("/api/v1/cart/shipping-options?country=DE&postal_code=10115",
                         headers=headers).json
    assert [(o["name"], o["price"]) for o in offered] == [("Standard", 490),
                                                           ("DHL Express", 1234)]
    sent = carrier.json_bodies()[0]["shipment"]
    assert sent["to_address"]["country"] == "DE" and sent["to_address"]["zip"] == "10115"
    assert sent["parcel"]["weight"] == pytest.approx(70.5, abs=0.1)  # 2 kg in ounces
    assert carrier.requests[0]["path"] == "/v2/shipments"

    placed = client.post("/api/v1/checkout", json={
        "shipping_address": ADDRESS, "shipping_method_id": methods["express"]["id"]},
        headers={**headers, "Idempotency-Key": "carrier-1"})
    assert placed.status_code == 201, placed.json
    order = db.session.get(Order, placed.json["order"]["id"])
    assert order.shipping_total == 1234
    assert order.shipping_method == {"id": methods["express"]["id"], "name": "DHL Express",
                                     "price": 1234}
    # The quote was kept: one call to the carrier for the options and the checkout.
    assert len(carrier.requests) == 1


@pytest.mark.parametrize("answer", [
    (500, {"Content-Type": "application/json"},
     b'{"error": {"code": "INTERNAL", "message": "down"}}'),
    (200, {"Content-Type": "application/json"}, b"this is not json"),
    (200, {"Content-Type": "application/json"}, b'{"object": "Shipment", "rates": "none"}'),
    (200, {"Content-Type": "application/json"}, shipment(("DHL", "Express", "free!", 1))),
    (None, {}, b""),  # never answers: the client's 1 s timeout
], ids=["error", "not-json", "no-rates", "bad-amount", "timeout"])
def test_a_carrier_that_fails_leaves_the_table_methods(client, carrier, store, answer):
    methods, headers = store
    carrier.responses = [answer]
    offered = client.get("/api/v1/cart/shipping-options?country=DE", headers=headers)
    assert offered.status_code == 200
    assert [o["name"] for o in offered.json] == ["Standard"]
    refused = client.post("/api/v1/checkout", json={
        "shipping_address": ADDRESS, "shipping_method_id": methods["express"]["id"]},
        headers={**headers, "Idempotency-Key": "down-1"})
    assert refused.status_code == 422
    assert refused.json["error_code"] == "shipping_method_unavailable"
    placed = client.post("/api/v1/checkout", json={
        "shipping_address": ADDRESS, "shipping_method_id": methods["flat"]["id"]},
        headers={**headers, "Idempotency-Key": "down-2"})
    assert placed.status_code == 201, placed.json
    assert placed.json["order"]["shipping_total"] == 490


def test_amounts_are_taken_in_each_currencys_minor_unit():
    assert carrier_rates.minor_units("7.50", "usd") == 750
    assert carrier_rates.minor_units("750", "jpy") == 750
    with pytest.raises(ArithmeticError):
        carrier_rates.minor_units("-1", "usd")
