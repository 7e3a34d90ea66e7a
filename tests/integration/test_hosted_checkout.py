"""Hosted Stripe Checkout through the real ``stripe`` library against a local double of
Stripe's Checkout Session endpoints (localstripe has none): the session carries the order's
lines and totals and expires with its reservation; ``checkout.session.*`` events, signed
here with the v1 scheme, go through the inbox's read-back and forward-only rules, duplicated
and out of order; a crash between the session and its id; expiry, cancel and late payment;
reconciliation after dropped events."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
import requests
import sqlalchemy as sa

from core import faults
from models import Discount, Order, PaymentEvent, Refund, Variant, db, utcnow
from services import orders, reconciliation
from services.payment_providers import FakeProvider, StripeProvider
from tests.factories import UserFactory, VariantFactory, fill_cart
from tests.harness import crash_at, run_sweeps
from tests.helpers import stripe_signature
from tests.stripe_double import StripeDouble

SECRET = "whsec_hosted_test"
SHOP = "https://shop.example"
ADDRESS = {"full_name": "Ada", "line1": "1 Main St", "city": "Berlin", "postal_code": "10115",
           "country": "DE"}
HOSTED = {"payment_flow": "checkout_session",
          "success_url": f"{SHOP}/thanks?s={{CHECKOUT_SESSION_ID}}", "cancel_url": f"{SHOP}/cart"}


@pytest.fixture
def double():
    server = StripeDouble().start()
    yield server
    server.stop()


@pytest.fixture
def stripe_checkout(app, double, monkeypatch):
    provider = StripeProvider("sk_test_hosted", double.url)
    monkeypatch.setitem(app.extensions, "stockroom.payments", provider)
    monkeypatch.setitem(app.config, "STRIPE_WEBHOOK_SECRET", SECRET)
    monkeypatch.setitem(app.config, "CHECKOUT_REDIRECT_ORIGINS", [SHOP])
    monkeypatch.setitem(app.config, "RESERVATION_TTL_SECONDS", 900)
    return provider


@pytest.fixture
def admin(auth_headers):
    return auth_headers(UserFactory(role="admin"))


def deliver(client, event_type: str, session: dict, event_id: str) -> None:
    """Stripe's webhook for a session, as Stripe sends it (its copy of the session)."""
    body = json.dumps({"id": event_id, "object": "event", "type": event_type,
                       "api_version": "2026-10-28.endive", "created": 1_700_000_000,
                       "data": {"object": session}}).encode()
    answer = client.post("/api/v1/webhooks/stripe", data=body, content_type="application/json",
                         headers={"Stripe-Signature": stripe_signature(body, SECRET)})
    assert answer.status_code == 200, answer.json


def levels(variant_id):
    db.session.expire_all()
    variant = db.session.get(Variant, variant_id)
    return variant.on_hand, variant.reserved


def order(order_id) -> Order:
    db.session.expire_all()
    return db.session.get(Order, order_id)


def place_hosted(client, headers, key="hosted-1", **extra):
    answer = client.post("/api/v1/checkout", json={"shipping_address": ADDRESS, **HOSTED,
                                                   **extra},
                         headers={**headers, "Idempotency-Key": key})
    assert answer.status_code == 201, answer.json
    return answer.json


def shopper(auth_headers, lines, discount=None):
    user = UserFactory()
    fill_cart(user, lines, discount=discount)
    db.session.commit()
    return auth_headers(user)


def test_the_session_carries_the_order_and_its_payment_goes_through_the_inbox(
        client, admin, auth_headers, stripe_checkout, double, run_consumers, monkeypatch, app):
    zone = client.post("/api/v1/admin/shipping-zones", headers=admin,
                       json={"name": "DE", "countries": ["DE"]}).json
    method = client.post(f"/api/v1/admin/shipping-zones/{zone['id']}/methods", headers=admin,
                         json={"name": "DHL Paket", "kind": "flat", "price": 490}).json
    client.post("/api/v1/admin/tax-rates", headers=admin,
                json={"country": "DE", "name": "MwSt", "rate_bps": 1900})
    discount = Discount(code="TEN", kind="percent", value=10, currency="usd")
    db.session.add(discount)
    db.session.flush()
    tee, mug = VariantFactory(price=2999, on_hand=5), VariantFactory(price=1250, on_hand=5)
    headers = shopper(auth_headers, {tee: 2, mug: 1}, discount=discount)

    before = utcnow()
    placed = place_hosted(client, headers, shipping_method_id=method["id"])
    payment, placed_order = placed["payment"], placed["order"]
    assert payment["client_secret"] is None and payment["payment_intent_id"] is None
    session = double.sessions[payment["session_id"]]
    assert payment["checkout_url"] == session["url"]
    # The session's total is the order's, built from its lines, tax, shipping and discount.
    assert session["amount_total"] == placed_order["total"]
    assert session["total_details"] == {"amount_discount": placed_order["discount_total"],
                                        "amount_shipping": 490, "amount_tax": 0}
    sent = [(int(item["price_data"]["unit_amount"]), int(item["quantity"]))
            for item in session["line_items_sent"]]
    assert sent == [(2999, 2), (1250, 1), (placed_order["tax_total"], 1)]
    assert session["metadata"]["order_id"] == str(placed_order["id"])
    assert session["success_url"] == HOSTED["success_url"]
    # A session order holds its stock at least Stripe's 30 minutes (the store's is 15),
    # and the session expires with that hold.
    stored = order(placed_order["id"])
    assert stored.reservation_expires_at - before >= timedelta(minutes=32)
    assert session["expires_at"] == int(stored.reservation_expires_at.timestamp())
    assert levels(tee.id) == (5, 2)

    paid = double.pay(payment["session_id"])
    deliver(client, "checkout.session.completed", paid, "evt_done")
    deliver(client, "checkout.session.completed", paid, "evt_done")  # a duplicate
    run_consumers()
    done = order(placed_order["id"])
    assert (done.status, done.payment_status) == ("paid", "succeeded")
    assert done.payment_intent_id == paid["payment_intent"]
    assert levels(tee.id) == (3, 0)
    # Out of order: an "expired" copy of the session arrives after it was paid. The session
    # read back is complete: nothing moves.
    deliver(client, "checkout.session.expired", {**paid, "status": "expired"}, "evt_stale")
    run_consumers()
    assert order(placed_order["id"]).status == "paid"
    assert db.session.scalars(sa.select(PaymentEvent.outcome).order_by(PaymentEvent.id)).all() \
        == ["applied", "no_change"]

    # Refunds work as for any PaymentIntent order, at the session's payment.
    refund = client.post(f"/api/v1/admin/orders/{done.id}/refund", json={"amount": 1000},
                         headers={**admin, "Idempotency-Key": "r1"})
    assert refund.status_code == 201, refund.json
    run_consumers()
    assert order(done.id).amount_refunded == 1000
    assert double.intents[done.payment_intent_id]["latest_charge"]["amount_refunded"] == 1000


def test_a_session_that_lapses_at_stripe_cancels_the_order_and_releases_its_stock(
        client, auth_headers, stripe_checkout, double, run_consumers):
    variant = VariantFactory(price=1500, on_hand=3)
    placed = place_hosted(client, shopper(auth_headers, {variant: 2}))
    lapsed = double.lapse(placed["payment"]["session_id"])
    deliver(client, "checkout.session.expired", lapsed, "evt_lapsed")
    run_consumers()
    cancelled = order(placed["order"]["id"])
    assert (cancelled.status, cancelled.cancelled_by) == ("cancelled", "provider")
    assert levels(variant.id) == (3, 0)
    # The provider ended it: nothing is sent back to Stripe.
    assert double.calls("POST", "/v1/checkout/sessions/") == []


def test_the_reservation_sweep_expires_the_session_at_stripe(
        client, auth_headers, stripe_checkout, double, run_consumers):
    variant = VariantFactory(price=1500, on_hand=3)
    placed = place_hosted(client, shopper(auth_headers, {variant: 1}))
    session_id = placed["payment"]["session_id"]
    assert orders.expire_reservations(utcnow() + timedelta(minutes=40)) == 1
    db.session.commit()
    run_consumers()
    assert double.sessions[session_id]["status"] == "expired"
    assert levels(variant.id) == (3, 0)
    # Stripe's own event about it changes nothing more.
    deliver(client, "checkout.session.expired", double.sessions[session_id], "evt_after")
    run_consumers()
    assert order(placed["order"]["id"]).cancelled_by == "expiry"


def test_a_customer_who_pays_while_cancelling_is_refunded_in_full(
        client, auth_headers, stripe_checkout, double, run_consumers):
    variant = VariantFactory(price=2500, on_hand=3)
    headers = shopper(auth_headers, {variant: 1})
    placed = place_hosted(client, headers)
    order_id, session_id = placed["order"]["id"], placed["payment"]["session_id"]
    # The worst interleaving: the page takes the payment just before the cancel reaches
    # Stripe, and the completed event is lost.
    double.pay(session_id)
    assert client.post(f"/api/v1/orders/{order_id}/cancel", headers=headers).status_code == 200
    run_consumers()
    late = order(order_id)
    assert (late.status, late.payment_status) == ("cancelled", "refunded")
    refunds = db.session.scalars(sa.select(Refund).where(Refund.order_id == order_id)).all()
    assert [(r.amount, r.status) for r in refunds] == [(placed["order"]["total"], "succeeded")]
    assert len(double.refunds) == 1
    assert levels(variant.id) == (3, 0)


def test_hosted_checkout_returns_only_to_the_stores_origins(client, auth_headers, app,
                                                            stripe_checkout, monkeypatch):
    variant = VariantFactory(on_hand=2)
    headers = shopper(auth_headers, {variant: 1})
    for body, field in (({**HOSTED, "success_url": "https://evil.example/x"}, "success_url"),
                        ({**HOSTED, "cancel_url": "javascript:alert(1)"}, "cancel_url"),
                        ({"payment_flow": "checkout_session"}, "success_url")):
        answer = client.post("/api/v1/checkout", json={"shipping_address": ADDRESS, **body},
                             headers={**headers, "Idempotency-Key": f"bad-{field}-{len(body)}"})
        assert answer.status_code == 422, answer.json
        assert answer.json["error_code"] == "redirect_not_allowed"
        assert field in answer.json["errors"]
    monkeypatch.setitem(app.extensions, "stockroom.payments", FakeProvider())
    fake = client.post("/api/v1/checkout", json={"shipping_address": ADDRESS, **HOSTED},
                       headers={**headers, "Idempotency-Key": "fake"})
    assert fake.status_code == 422 and fake.json["error_code"] == "payment_flow_unavailable"
    assert levels(variant.id) == (2, 0)
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Order)) == 0


def test_a_crash_between_the_session_and_its_id_makes_one_session(
        client, auth_headers, stripe_checkout, double, run_consumers, app):
    variant = VariantFactory(price=1500, on_hand=3)
    headers = shopper(auth_headers, {variant: 1})
    body = {"shipping_address": ADDRESS, **HOSTED}
    with crash_at("checkout_session.created"), pytest.raises(faults.Crashed):
        client.post("/api/v1/checkout", json=body, headers={**headers, "Idempotency-Key": "c"})
    db.session.rollback()
    stored = db.session.scalar(sa.select(Order))
    assert stored.checkout_session_id is None and len(double.sessions) == 1
    # The storefront retries with its key: the same session (Stripe's idempotency key is
    # the order's), now recorded.
    again = client.post("/api/v1/checkout", json=body, headers={**headers,
                                                                "Idempotency-Key": "c"})
    assert again.status_code in (200, 201), again.json
    assert len(double.sessions) == 1
    assert again.json["payment"]["session_id"] == next(iter(double.sessions))
    # Had nobody retried, the payment would still be found: the session names the order.
    paid = double.pay(again.json["payment"]["session_id"])
    db.session.execute(sa.update(Order).values(checkout_session_id=None))
    db.session.commit()
    deliver(client, "checkout.session.completed", paid, "evt_found")
    run_consumers()
    assert order(stored.id).status == "paid"


def test_a_crash_after_the_read_back_is_redone_by_the_sweeps_once(
        client, auth_headers, stripe_checkout, double, run_consumers, app, enqueued):
    variant = VariantFactory(price=1500, on_hand=3)
    placed = place_hosted(client, shopper(auth_headers, {variant: 1}))
    paid = double.pay(placed["payment"]["session_id"])
    deliver(client, "checkout.session.completed", paid, "evt_crash")
    with crash_at("checkout_session.read_back"), pytest.raises(faults.Crashed):
        run_consumers()
    db.session.rollback()
    assert order(placed["order"]["id"]).status == "pending_payment"
    enqueued.clear()
    run_sweeps(app, run_consumers)
    assert order(placed["order"]["id"]).status == "paid"
    assert levels(variant.id) == (2, 0)
    run_sweeps(app, run_consumers)
    assert levels(variant.id) == (2, 0)


def test_reconciliation_applies_dropped_session_events_and_closes_forgotten_sessions(
        client, auth_headers, stripe_checkout, double, run_consumers, enqueued):
    variant = VariantFactory(price=1000, on_hand=10)
    first = place_hosted(client, shopper(auth_headers, {variant: 1}), key="a")
    second = place_hosted(client, shopper(auth_headers, {variant: 1}), key="b")
    headers = shopper(auth_headers, {variant: 1})
    third = place_hosted(client, headers, key="c")
    double.pay(first["payment"]["session_id"])          # its event is dropped
    double.lapse(second["payment"]["session_id"])       # and this one's
    assert client.post(f"/api/v1/orders/{third['order']['id']}/cancel",
                       headers=headers).status_code == 200
    enqueued.clear()                                    # the cancel task is lost
    assert double.sessions[third["payment"]["session_id"]]["status"] == "open"

    repaired = reconciliation.reconcile(stripe_checkout, utcnow())
    db.session.commit()
    assert repaired == {"payment_linked": 1, "paid": 1, "cancelled": 1, "session_expired": 1}
    assert [order(p["order"]["id"]).status for p in (first, second, third)] == [
        "paid", "cancelled", "cancelled"]
    assert double.sessions[third["payment"]["session_id"]]["status"] == "expired"
    assert levels(variant.id) == (9, 0)
    assert reconciliation.reconcile(stripe_checkout, utcnow()) == {}


def test_stripe_down_at_session_creation_is_a_503_and_a_retry_resumes(
        client, auth_headers, stripe_checkout, double):
    variant = VariantFactory(price=1000, on_hand=2)
    headers = shopper(auth_headers, {variant: 1})
    double.failures["/v1/checkout/sessions"] = 500
    body = {"shipping_address": ADDRESS, **HOSTED}
    down = client.post("/api/v1/checkout", json=body, headers={**headers,
                                                               "Idempotency-Key": "d"})
    assert down.status_code == 503 and down.json["error_code"] == "payment_provider_unavailable"
    assert levels(variant.id) == (2, 1)  # the order and its hold stand
    double.failures.clear()
    again = client.post("/api/v1/checkout", json=body, headers={**headers,
                                                                "Idempotency-Key": "d"})
    assert again.status_code == 201, again.json
    assert len(double.sessions) == 1 and levels(variant.id) == (2, 1)
    assert requests.get(f"{double.url}/v1/checkout/sessions/"
                        f"{again.json['payment']['session_id']}", timeout=5).status_code == 200


@pytest.mark.parametrize(("url", "allowed"), [
    ("https://shop.example/thanks", True), ("https://SHOP.example:443/x?y=1", True),
    ("https://shop.example:8443/x", False), ("http://shop.example/x", False),
    ("https://shop.example.evil.test/x", False), ("https://evil.test/?https://shop.example",
                                                  False),
    ("//shop.example/x", False), ("https://shop.example:99999/x", False)])
def test_redirect_origins_are_compared_whole(app, monkeypatch, url, allowed):
    from services import checkout_sessions

    monkeypatch.setitem(app.config, "CHECKOUT_REDIRECT_ORIGINS", ["https://shop.example:443/"])
    provider = StripeProvider("sk_test_x", "http://127.0.0.1:9")
    if allowed:
        checkout_sessions.check_flow(provider, url, url)
    else:
        with pytest.raises(checkout_sessions.RedirectNotAllowed):
            checkout_sessions.check_flow(provider, url, url)
