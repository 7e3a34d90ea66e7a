"""Stripe Tax (``TAX_PROVIDER=stripe``) through the real ``stripe`` library against a local
double of its documented endpoints (localstripe has none): the calculation made before
checkout's locks is the one the order is charged, a tax transaction is recorded once the
order is paid, each refund reverses its share, and Stripe Tax being away is a 503 that
reserves nothing."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from core import faults
from models import Order, Variant, db, utcnow
from services import checkout
from services.payment_providers import StripeProvider
from services.tax_providers import StripeTax, TaxUnavailable, discounted_lines
from tests.factories import UserFactory, VariantFactory, fill_cart
from tests.harness import crash_at, run_sweeps
from tests.stripe_double import StripeDouble

ADDRESS = {"full_name": "Ada", "line1": "1 Main St", "city": "Berlin", "postal_code": "10115",
           "country": "DE"}


@pytest.fixture
def double():
    server = StripeDouble().start()
    yield server
    server.stop()


@pytest.fixture
def stripe_tax(app, double, monkeypatch):
    tax = StripeTax(StripeProvider("sk_test_tax", double.url), keep_seconds=600)
    monkeypatch.setitem(app.extensions, "stockroom.tax", tax)
    return tax


@pytest.fixture
def admin(auth_headers):
    return auth_headers(UserFactory(role="admin"))


def levels(variant_id):
    db.session.expire_all()
    variant = db.session.get(Variant, variant_id)
    return variant.on_hand, variant.reserved


def buy(client, headers, key="t1"):
    placed = client.post("/api/v1/checkout", json={"shipping_address": ADDRESS},
                         headers={**headers, "Idempotency-Key": key})
    assert placed.status_code == 201, placed.json
    return placed.json


def settle(client, headers, placed, run_consumers):
    intent = placed["payment"]["payment_intent_id"]
    assert client.post(f"/api/v1/payments/fake/{intent}/settle", json={"outcome": "succeeded"},
                       headers=headers).status_code == 202
    run_consumers()


def test_the_calculation_shown_is_the_one_charged_recorded_and_reversed(
        client, auth_headers, admin, stripe_tax, double, run_consumers, app, monkeypatch):
    monkeypatch.setitem(app.config, "FREE_SHIPPING_OVER_CENTS", None)
    tee, mug = VariantFactory(price=2999, on_hand=5), VariantFactory(price=1001, on_hand=5)
    user = UserFactory()
    fill_cart(user, {tee: 2, mug: 1})
    db.session.commit()
    headers = auth_headers(user)

    shown = client.get("/api/v1/cart/totals?country=DE&postal_code=10115", headers=headers)
    assert shown.status_code == 200, shown.json
    totals = shown.json
    # 19 % of the goods (6999) and of the flat shipping (500), each rounded half up.
    assert totals["tax_lines"] == [{"name": "VAT", "rate_bps": 1900, "amount": 1330 + 95}]
    assert totals["total"] == 6999 + 500 + 1425
    placed = buy(client, headers)
    order = placed["order"]
    for field in ("subtotal", "shipping_total", "tax_total", "total", "tax_lines"):
        assert order[field] == totals[field], field
    # One calculation: checkout's prefetch found the one the totals made, and the locked
    # part of checkout made no call at all.
    calculations = double.calls("POST", "/v1/tax/calculations")
    assert len(calculations) == 1
    assert calculations[0]["line_items"][0] == {"amount": "5998", "reference": tee.sku,
                                                "quantity": "2", "tax_behavior": "exclusive"}
    assert calculations[0]["customer_details"]["address"] == {"country": "DE",
                                                              "postal_code": "10115"}
    stored = db.session.get(Order, order["id"])
    assert stored.tax_calculation_id == next(iter(double.calculations))

    settle(client, headers, placed, run_consumers)
    db.session.expire_all()
    stored = db.session.get(Order, order["id"])
    assert stored.status == "paid"
    [transaction] = double.transactions.values()
    assert (transaction["reference"], transaction["calculation"]) == (
        stored.number, stored.tax_calculation_id)
    assert stored.tax_transaction_id == transaction["id"]

    for key, amount in (("r1", 1000), ("r2", None)):
        body = {"amount": amount} if amount else {}
        assert client.post(f"/api/v1/admin/orders/{order['id']}/refund", json=body,
                           headers={**admin, "Idempotency-Key": key}).status_code == 201
        run_consumers()
    reversals = [t for t in double.transactions.values() if t["type"] == "reversal"]
    assert sorted(-r["amount_total"] for r in reversals) == sorted([1000, order["total"] - 1000])
    assert all(r["reversal"]["original_transaction"] == transaction["id"] for r in reversals)
    # The tasks again: nothing more at Stripe.
    run_sweeps(client.application, run_consumers)
    assert len(double.transactions) == 3


def test_stripe_tax_away_is_a_503_that_reserves_nothing(client, auth_headers, stripe_tax,
                                                        double):
    variant = VariantFactory(price=2000, on_hand=3)
    user = UserFactory()
    fill_cart(user, {variant: 1})
    db.session.commit()
    headers = auth_headers(user)
    double.failures["/v1/tax/calculations"] = 500
    shown = client.get("/api/v1/cart/totals?country=DE", headers=headers)
    assert shown.status_code == 503 and shown.json["error_code"] == "tax_provider_unavailable"
    placed = client.post("/api/v1/checkout", json={"shipping_address": ADDRESS},
                         headers={**headers, "Idempotency-Key": "down"})
    assert placed.status_code == 503, placed.json
    assert placed.json["error_code"] == "tax_provider_unavailable"
    assert levels(variant.id) == (3, 0)
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Order)) == 0
    double.failures.clear()
    assert buy(client, headers, key="down")["order"]["tax_total"] == 380 + 95


def test_under_the_locks_no_calculation_means_no_order(app, stripe_tax, double):
    """A cart whose amounts changed after the prefetch finds no kept calculation: refused
    (503, retry), never charged a tax nobody calculated, never a call under the locks."""
    variant = VariantFactory(price=2000, on_hand=3)
    user = UserFactory()
    cart = fill_cart(user, {variant: 1})
    db.session.commit()
    with pytest.raises(TaxUnavailable):
        checkout.place_order(user, cart, address_id=None, shipping_address=ADDRESS,
                             provider_name="fake", now=utcnow())
    db.session.rollback()
    assert double.calls("POST", "/v1/tax") == []
    assert levels(variant.id) == (3, 0)


def test_tax_inclusive_prices_are_sent_as_inclusive_and_add_nothing(
        client, auth_headers, stripe_tax, double, app, monkeypatch):
    monkeypatch.setitem(app.config, "PRICES_INCLUDE_TAX", True)
    variant = VariantFactory(price=11_900, on_hand=3)
    user = UserFactory()
    fill_cart(user, {variant: 1})
    db.session.commit()
    totals = client.get("/api/v1/cart/totals?country=DE", headers=auth_headers(user)).json
    # 11,900 holds 1,900 of tax; free shipping over 50.00.
    assert (totals["tax_total"], totals["total"]) == (1900, 11_900)
    sent = double.calls("POST", "/v1/tax/calculations")[0]
    assert sent["line_items"][0]["tax_behavior"] == "inclusive"


def test_a_crash_after_recording_the_transaction_records_it_once(
        client, auth_headers, stripe_tax, double, run_consumers, app, enqueued):
    variant = VariantFactory(price=2000, on_hand=3)
    user = UserFactory()
    fill_cart(user, {variant: 1})
    db.session.commit()
    headers = auth_headers(user)
    placed = buy(client, headers)
    with crash_at("tax_transaction.sent"), pytest.raises(faults.Crashed):
        settle(client, headers, placed, run_consumers)
    db.session.rollback()
    assert db.session.get(Order, placed["order"]["id"]).tax_transaction_id is None
    enqueued.clear()
    run_sweeps(app, run_consumers)
    db.session.expire_all()
    stored = db.session.get(Order, placed["order"]["id"])
    assert len(double.transactions) == 1
    assert stored.tax_transaction_id == next(iter(double.transactions))


def test_a_refund_before_the_transaction_was_recorded_records_it_first(
        client, auth_headers, admin, stripe_tax, double, run_consumers, monkeypatch):
    from tasks.outbox import CONSUMERS

    variant = VariantFactory(price=2000, on_hand=3)
    user = UserFactory()
    fill_cart(user, {variant: 1})
    db.session.commit()
    headers = auth_headers(user)
    placed = buy(client, headers)
    # The transaction's task does not run yet (its event waits for the relay).
    monkeypatch.setitem(CONSUMERS, "tax.transaction_requested", ())
    settle(client, headers, placed, run_consumers)
    assert double.transactions == {}
    client.post(f"/api/v1/admin/orders/{placed['order']['id']}/refund", json={"amount": 500},
                headers={**admin, "Idempotency-Key": "early"})
    run_consumers()
    kinds = sorted(t["type"] for t in double.transactions.values())
    assert kinds == ["reversal", "transaction"]


def test_the_discount_is_shared_out_over_the_lines_exactly():
    lines = discounted_lines([("A", 5998, 2), ("B", 1001, 1), ("C", 1, 1)], 700)
    # 599.8, 100.1 and 0.1 round down to 599, 100 and 0; the cent left goes to the largest.
    assert [line.amount for line in lines] == [5998 - 600, 1001 - 100, 1]
