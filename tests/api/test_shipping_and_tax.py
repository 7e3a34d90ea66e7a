"""Shipping zones and methods, tax rates, and the totals: what GET /cart/totals shows is
what checkout charges, the order keeps and the payment asks for, case by case."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from models import Discount, FakePayment, Order, VariantPrice, db
from tests.factories import UserFactory, VariantFactory, fill_cart

ADMIN = "/api/v1/admin"


@pytest.fixture
def admin(client, auth_headers):
    return auth_headers(UserFactory(role="admin"))


def _zone(client, admin, name, countries):
    answer = client.post(f"{ADMIN}/shipping-zones", json={"name": name, "countries": countries},
                         headers=admin)
    assert answer.status_code == 201, answer.json
    return answer.json


def _method(client, admin, zone_id, **fields):
    answer = client.post(f"{ADMIN}/shipping-zones/{zone_id}/methods", json=fields,
                         headers=admin)
    assert answer.status_code == 201, answer.json
    return answer.json


def test_zones_methods_and_rates_are_managed_by_admins(client, admin, auth_headers):
    europe = _zone(client, admin, "Europe", ["DE", "FR"])
    assert europe["countries"] == ["DE", "FR"]
    clash = client.post(f"{ADMIN}/shipping-zones", json={"name": "X", "countries": ["FR", "US"]},
                        headers=admin)
    assert clash.status_code == 409 and clash.json["error_code"] == "country_in_another_zone"
    north_america = _zone(client, admin, "North America", ["US"])
    moved = client.patch(f"{ADMIN}/shipping-zones/{europe['id']}", json={"countries": ["DE"]},
                         headers=admin)
    assert moved.json["countries"] == ["DE"]
    assert client.patch(f"{ADMIN}/shipping-zones/{north_america['id']}",
                        json={"countries": ["US", "FR"]}, headers=admin).status_code == 200

    heavy = client.post(f"{ADMIN}/shipping-zones/{europe['id']}/methods",
                        json={"name": "By weight", "kind": "weight"}, headers=admin)
    assert heavy.status_code == 422 and "rates" in heavy.json["errors"]
    method = _method(client, admin, europe["id"], name="Parcel", kind="weight", rates=[
        {"max_weight_g": 5000, "price": 900}, {"max_weight_g": 1000, "price": 300}])
    assert [r["max_weight_g"] for r in method["rates"]] == [1000, 5000]
    half_tier = client.patch(f"/api/v1/admin/shipping-methods/{method['id']}",
                             json={"rates": [{"max_weight_g": 10}]}, headers=admin)
    assert half_tier.status_code == 422  # a tier is given whole (found by schemathesis)
    changed = client.patch(f"/api/v1/admin/shipping-methods/{method['id']}",
                           json={"active": False}, headers=admin)
    assert changed.json["active"] is False
    assert client.get(f"{ADMIN}/shipping-zones/{europe['id']}/methods",
                      headers=admin).json[0]["id"] == method["id"]

    rate = client.post(f"{ADMIN}/tax-rates", json={"country": "DE", "name": "MwSt",
                                                   "rate_bps": 1900}, headers=admin)
    assert rate.status_code == 201 and rate.json["region"] is None
    again = client.post(f"{ADMIN}/tax-rates", json={"country": "DE", "name": "x",
                                                    "rate_bps": 1}, headers=admin)
    assert again.status_code == 409
    assert client.post(f"{ADMIN}/tax-rates", json={"country": "DE", "region": "BY",
                                                   "name": "x", "rate_bps": 1},
                       headers=admin).status_code == 201
    assert len(client.get(f"{ADMIN}/tax-rates", headers=admin).json) == 2
    customer = auth_headers(UserFactory())
    assert client.get(f"{ADMIN}/tax-rates", headers=customer).status_code == 403
    assert client.delete(f"{ADMIN}/shipping-zones/{europe['id']}",
                         headers=admin).status_code == 204
    assert client.get(f"/api/v1/admin/shipping-methods/{method['id']}",
                      headers=admin).status_code in (404, 405)


def test_shipping_options_follow_the_zone_weight_value_and_currency(client, admin,
                                                                   auth_headers):
    zone = _zone(client, admin, "Germany", ["DE"])
    standard = _method(client, admin, zone["id"], name="Standard", kind="flat", price=490,
                       free_over=10_000, estimated_days=3)
    parcel = _method(client, admin, zone["id"], name="Parcel", kind="weight",
                     rates=[{"max_weight_g": 1000, "price": 300}])
    _method(client, admin, zone["id"], name="Euro", kind="flat", price=100, currency="eur")
    _method(client, admin, zone["id"], name="Off", kind="flat", price=1, active=False)
    _method(client, admin, zone["id"], name="DHL", kind="carrier", carrier="dhl")
    user = UserFactory()
    headers = auth_headers(user)
    fill_cart(user, {VariantFactory(price=2000, weight_g=400): 2})

    offered = client.get("/api/v1/cart/shipping-options?country=DE", headers=headers).json
    assert [(o["id"], o["price"]) for o in offered] == [(parcel["id"], 300),
                                                        (standard["id"], 490)]
    assert offered[1]["estimated_days"] == 3
    # Heavier than the parcel's last tier: only the flat method.
    fill_cart(user, {VariantFactory(price=3000, weight_g=500): 1})
    offered = client.get("/api/v1/cart/shipping-options?country=DE", headers=headers).json
    assert [o["name"] for o in offered] == ["Standard"]
    # Outside every zone: none (the flat rate applies).
    assert client.get("/api/v1/cart/shipping-options?country=FR", headers=headers).json == []
    bad = client.get("/api/v1/cart/shipping-options?country=XX", headers=headers)
    assert bad.status_code == 422


ADDRESS = {"full_name": "Ada", "line1": "1 Main St", "city": "Berlin", "postal_code": "10115"}
CASES = [
    # (name, country, region, method, currency, discount %, prices include tax, priced by)
    # "own": the variants' own currency; "list": their price list in another (the variants
    # are in USD and the cart is put in the currency).
    ("flat rate outside zones, fallback tax", "FR", None, None, "usd", 0, False, "own"),
    ("zone flat method, country tax", "DE", None, "standard", "usd", 0, False, "own"),
    ("zone weight method, regional tax", "DE", "BY", "parcel", "usd", 0, False, "own"),
    ("free over, with a discount", "DE", None, "standard", "usd", 10, False, "own"),
    ("tax-inclusive catalog", "DE", None, "parcel", "usd", 0, True, "own"),
    ("tax-inclusive with a discount and regional rate", "DE", "BY", "standard", "usd", 25,
     True, "own"),
    ("second currency", "DE", None, "euro", "eur", 0, False, "own"),
    ("second currency, inclusive", "DE", "BY", "euro", "eur", 10, True, "own"),
    ("second currency from the price list", "DE", None, "euro", "eur", 10, False, "list"),
    ("zero-decimal currency from the price list", "DE", "BY", "yen", "jpy", 10, True, "list"),
]


@pytest.mark.parametrize(("name", "country", "region", "method", "currency", "percent",
                          "inclusive", "priced_by"), CASES, ids=[case[0] for case in CASES])
def test_cart_totals_equal_the_checkout_charge_the_order_and_the_payment(
        client, admin, auth_headers, app, monkeypatch, name, country, region, method, currency,
        percent, inclusive, priced_by):
    monkeypatch.setitem(app.config, "PRICES_INCLUDE_TAX", inclusive)
    monkeypatch.setitem(app.config, "TAX_RATE_BPS", 700)
    zone = _zone(client, admin, "Germany", ["DE"])
    methods = {
        "standard": _method(client, admin, zone["id"], name="Standard", kind="flat",
                            price=490, free_over=15_000),
        "parcel": _method(client, admin, zone["id"], name="Parcel", kind="weight",
                          rates=[{"max_weight_g": 2000, "price": 350},
                                 {"max_weight_g": 9000, "price": 1250}]),
        "euro": _method(client, admin, zone["id"], name="Euro", kind="flat", price=399,
                        currency="eur"),
        "yen": _method(client, admin, zone["id"], name="Yen", kind="flat", price=800,
                       currency="jpy"),
    }
    client.post(f"{ADMIN}/tax-rates", headers=admin, json={
        "country": "DE", "name": "MwSt", "rate_bps": 1900})
    client.post(f"{ADMIN}/tax-rates", headers=admin, json={
        "country": "DE", "region": "BY", "name": "Bavaria", "rate_bps": 1650,
        "applies_to_shipping": False})
    user = UserFactory()
    headers = auth_headers(user)
    discount = None
    if percent:
        discount = Discount(code=f"P{percent}", kind="percent", value=percent, currency=currency)
        db.session.add(discount)
        db.session.flush()
    if priced_by == "own":
        lines = {VariantFactory(price=4999, weight_g=700, currency=currency): 3,
                 VariantFactory(price=1333, weight_g=250, currency=currency): 1}
    else:
        lines = {VariantFactory(price=5999, weight_g=700, currency="usd", prices=[
                     VariantPrice(currency=currency, amount=4999)]): 3,
                 VariantFactory(price=1599, weight_g=250, currency="usd", prices=[
                     VariantPrice(currency=currency, amount=1333)]): 1}
    fill_cart(user, lines, discount=discount,
              currency=currency if priced_by == "list" else None)
    method_id = methods[method]["id"] if method else None
    query = f"country={country}" + (f"&region={region}" if region else "") + (
        f"&shipping_method_id={method_id}" if method_id else "")
    shown = client.get(f"/api/v1/cart/totals?{query}", headers=headers)
    assert shown.status_code == 200, shown.json
    totals = shown.json
    assert totals["currency"] == currency
    assert totals["total"] == (totals["subtotal"] - totals["discount_total"]
                               + totals["shipping_total"]
                               + (0 if inclusive else totals["tax_total"]))
    assert totals["tax_total"] == sum(line["amount"] for line in totals["tax_lines"])

    body = {"shipping_address": {**ADDRESS, "country": country,
                                 **({"region": region} if region else {})}}
    if method_id:
        body["shipping_method_id"] = method_id
    placed = client.post("/api/v1/checkout", json=body,
                         headers={**headers, "Idempotency-Key": f"t-{name}"})
    assert placed.status_code == 201, placed.json
    order = placed.json["order"]
    for field in ("subtotal", "discount_total", "shipping_total", "tax_total", "total",
                  "currency", "tax_lines"):
        assert order[field] == totals[field], field
    stored = db.session.get(Order, order["id"])
    assert (stored.total, stored.tax_lines) == (totals["total"], totals["tax_lines"])
    assert order["shipping_method"] == ({"id": method_id, "name": methods[method]["name"],
                                         "price": totals["shipping_total"]}
                                        if method else None)
    payment = db.session.scalar(sa.select(FakePayment).where(FakePayment.order_id == order["id"]))
    assert (payment.amount, payment.currency) == (totals["total"], currency)


def test_a_zone_destination_needs_a_method_it_is_offered(client, admin, auth_headers):
    zone = _zone(client, admin, "Germany", ["DE"])
    euro = _method(client, admin, zone["id"], name="Euro", kind="flat", price=1, currency="eur")
    user = UserFactory()
    headers = auth_headers(user)
    fill_cart(user, {VariantFactory(): 1})
    db.session.commit()  # a refused checkout rolls its transaction back
    address = {**ADDRESS, "country": "DE"}
    for extra in ({}, {"shipping_method_id": euro["id"]}, {"shipping_method_id": 99999}):
        refused = client.post("/api/v1/checkout", json={"shipping_address": address, **extra},
                              headers={**headers, "Idempotency-Key": f"m{extra}"})
        assert refused.status_code == 422, (extra, refused.json)
        assert refused.json["error_code"] == "shipping_method_unavailable"
    outside = client.post("/api/v1/checkout", json={
        "shipping_address": {**ADDRESS, "country": "FR"}, "shipping_method_id": euro["id"]},
        headers={**headers, "Idempotency-Key": "outside"})
    assert outside.status_code == 422
    # Nothing was reserved or ordered by the refusals.
    assert db.session.scalar(sa.select(sa.func.count(Order.id))) == 0
    totals = client.get("/api/v1/cart/totals?country=DE", headers=headers)
    assert totals.status_code == 422


def test_tax_is_rounded_half_up_once_on_the_order(client, admin, auth_headers):
    """Three lines of 333 cents at 5 %: 999 x 5 % = 49.95, so 50. Rounding each line (16.65
    to 17) would charge 51."""
    client.post(f"{ADMIN}/tax-rates", headers=admin, json={
        "country": "FR", "name": "TVA", "rate_bps": 500, "applies_to_shipping": False})
    user = UserFactory()
    fill_cart(user, {VariantFactory(price=333): 1, VariantFactory(price=333): 1,
                     VariantFactory(price=333): 1})
    totals = client.get("/api/v1/cart/totals?country=FR", headers=auth_headers(user)).json
    assert totals["tax_lines"] == [{"name": "TVA", "rate_bps": 500, "amount": 50}]


def test_a_tax_inclusive_price_holds_its_tax_and_adds_none(client, admin, auth_headers, app,
                                                           monkeypatch):
    monkeypatch.setitem(app.config, "PRICES_INCLUDE_TAX", True)
    monkeypatch.setitem(app.config, "FREE_SHIPPING_OVER_CENTS", 0)
    client.post(f"{ADMIN}/tax-rates", headers=admin, json={
        "country": "FR", "name": "TVA", "rate_bps": 1900})
    user = UserFactory()
    fill_cart(user, {VariantFactory(price=1190): 1})
    totals = client.get("/api/v1/cart/totals?country=FR", headers=auth_headers(user)).json
    # 1,190 holds 1,000 of goods and 190 of tax; shipping is free here.
    assert (totals["tax_total"], totals["shipping_total"], totals["total"]) == (190, 0, 1190)
