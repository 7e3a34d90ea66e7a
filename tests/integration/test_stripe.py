"""Payments against localstripe, a stateful Stripe double, through the real ``stripe``
library: checkout creates a real PaymentIntent, the customer confirms it, localstripe sends
its signed webhook to the app served over HTTP, and the task applies it. Refund events,
which localstripe never sends, are signed here with the v1 scheme. Also: the webhook under
1,000 concurrent deliveries, and reconciliation after dropped webhooks.

These tests commit for real (a live server answers in other threads); consumers run in
this process (``run_consumers``), as in the rest of the suite.
"""

from __future__ import annotations

import random
from concurrent.futures import ThreadPoolExecutor

import pytest
import requests
import sqlalchemy as sa
import stripe

from models import (
    EmailMessage,
    FakePayment,
    Order,
    PaymentEvent,
    Variant,
    db,
    utcnow,
)
from services import checkout, reconciliation
from services.payment_providers import payment_provider
from tests.factories import UserFactory, VariantFactory, fill_cart
from tests.helpers import stripe_event, stripe_signature
from tests.integration.conftest import STRIPE_SECRET as SECRET

pytestmark = pytest.mark.committed

ADDRESS = {"full_name": "Ada Lovelace", "line1": "1 Main St", "city": "London",
           "postal_code": "N1 1AA", "country": "GB"}


def register_webhook(localstripe, url: str | None, events: list[str] | None = None):
    """Point localstripe's webhooks at ``url``; None drops them (no event type matches)."""
    data = {"url": url or "http://127.0.0.1:9/unused", "secret": SECRET}
    if url is None:
        events = ["stockroom.dropped"]
    if events:
        data["events"] = events
    response = requests.post(f"{localstripe}/_config/webhooks/stockroom", json=data, timeout=5)
    assert response.status_code == 200


def shopper_with_cart(variant, quantity=2):
    user = UserFactory()
    fill_cart(user, {variant: quantity})
    db.session.commit()
    return user


def place(client, auth_headers, user, key="k1"):
    response = client.post("/api/v1/checkout", json={"shipping_address": ADDRESS},
                           headers={**auth_headers(user), "Idempotency-Key": key})
    assert response.status_code == 201, response.json
    return response.json


def levels(variant_id):
    db.session.expire_all()
    variant = db.session.get(Variant, variant_id)
    found = variant.on_hand, variant.reserved
    # End the read: on SQLite every transaction holds the write lock, and the live
    # server's threads need it.
    db.session.commit()
    return found


def order(order_id) -> Order:
    db.session.expire_all()
    return db.session.get(Order, order_id)


def confirm(customer_stripe, intent_id, payment_method):
    customer_stripe.v1.payment_intents.update(intent_id,
                                              params={"payment_method": payment_method})
    return customer_stripe.v1.payment_intents.confirm(intent_id)


def test_paid_with_a_card_through_localstripes_webhook(client, auth_headers, stripe_provider,
                                                       customer_stripe, localstripe,
                                                       live_server, published, run_consumers,
                                                       mail):
    register_webhook(localstripe, f"{live_server.url}/api/v1/webhooks/stripe")
    variant = VariantFactory(on_hand=5, price=2500)
    user = shopper_with_cart(variant)
    placed = place(client, auth_headers, user)
    payment = placed["payment"]
    assert payment["provider"] == "stripe" and payment["payment_intent_id"].startswith("pi_")
    assert payment["client_secret"].startswith(payment["payment_intent_id"] + "_secret_")
    intent = customer_stripe.v1.payment_intents.retrieve(payment["payment_intent_id"])
    assert (intent.amount, intent.currency) == (placed["order"]["total"], "usd")
    assert intent.metadata["order_id"] == str(placed["order"]["id"])

    assert confirm(customer_stripe, intent.id, "pm_card_visa").status == "succeeded"
    published("payment.event_received")
    run_consumers()
    paid = order(placed["order"]["id"])
    assert (paid.status, paid.payment_status) == ("paid", "succeeded")
    assert levels(variant.id) == (3, 0)
    assert [m.subject for m in mail] == [f"Your Stockroom order {paid.number} is confirmed"]
    stored = db.session.scalars(sa.select(PaymentEvent)).all()
    assert [(e.type, e.outcome) for e in stored] == [("payment_intent.succeeded", "applied")]


def test_a_declined_card_marks_the_payment_failed_and_keeps_the_stock(
        client, auth_headers, stripe_provider, customer_stripe, localstripe, live_server,
        published, run_consumers):
    register_webhook(localstripe, f"{live_server.url}/api/v1/webhooks/stripe")
    variant = VariantFactory(on_hand=5)
    placed = place(client, auth_headers, shopper_with_cart(variant))
    with pytest.raises(stripe.CardError):
        confirm(customer_stripe, placed["payment"]["payment_intent_id"],
                "pm_card_chargeCustomerFail")
    published("payment.event_received")
    run_consumers()
    failed = order(placed["order"]["id"])
    assert (failed.status, failed.payment_status) == ("pending_payment", "failed")
    assert failed.reservation_expires_at is not None
    assert levels(variant.id) == (5, 2)


def test_refunds_in_part_then_in_full_and_signed_refund_events_change_nothing(
        client, auth_headers, stripe_provider, customer_stripe, localstripe, run_consumers):
    register_webhook(localstripe, None)
    variant = VariantFactory(on_hand=5, price=3000)
    placed = place(client, auth_headers, shopper_with_cart(variant))
    order_id, intent_id = placed["order"]["id"], placed["payment"]["payment_intent_id"]
    confirm(customer_stripe, intent_id, "pm_card_visa")
    assert reconciliation.reconcile(stripe_provider, utcnow()) == {"paid": 1}
    admin = auth_headers(UserFactory(role="admin"))
    db.session.commit()

    partial = client.post(f"/api/v1/admin/orders/{order_id}/refund", json={"amount": 1000},
                          headers={**admin, "Idempotency-Key": "refund-1"})
    assert partial.status_code == 201
    run_consumers()
    assert (order(order_id).payment_status, order(order_id).amount_refunded) == (
        "partially_refunded", 1000)
    # Stripe would now send charge.refunded: the order already agrees with it.
    body = stripe_event("evt_refund_1", "charge.refunded", intent_id, amount_refunded=1000)
    answer = client.post("/api/v1/webhooks/stripe", data=body, content_type="application/json",
                         headers={"Stripe-Signature": stripe_signature(body, SECRET)})
    assert answer.status_code == 200
    run_consumers()
    assert db.session.scalar(sa.select(PaymentEvent.outcome)) == "no_change"

    rest = client.post(f"/api/v1/admin/orders/{order_id}/refund", json={},
                       headers={**admin, "Idempotency-Key": "refund-2"})
    assert rest.json["refund"]["amount"] == placed["order"]["total"] - 1000
    run_consumers()
    refunded = order(order_id)
    assert (refunded.status, refunded.payment_status) == ("refunded", "refunded")
    charge = customer_stripe.v1.payment_intents.retrieve(
        intent_id, params={"expand": ["latest_charge"]}).latest_charge
    assert charge.amount_refunded == refunded.total == refunded.amount_refunded


def test_reconciliation_repairs_dropped_webhooks_once(client, auth_headers, stripe_provider,
                                                      customer_stripe, localstripe,
                                                      run_consumers):
    register_webhook(localstripe, None)
    variant = VariantFactory(on_hand=100)
    user = shopper_with_cart(variant, quantity=1)
    placed = []
    for number in range(25):
        if number:
            fill_cart(user, {variant: 1})
            db.session.commit()
        placed.append(place(client, auth_headers, user, key=f"order-{number}"))
    intents = [p["payment"]["payment_intent_id"] for p in placed]
    for intent_id in intents[:20]:
        confirm(customer_stripe, intent_id, "pm_card_visa")
    for intent_id in intents[20:]:
        with pytest.raises(stripe.CardError):
            confirm(customer_stripe, intent_id, "pm_card_chargeCustomerFail")
    assert levels(variant.id) == (100, 25)

    assert reconciliation.reconcile(stripe_provider, utcnow()) == {"paid": 20, "payment_failed": 5}
    statuses = db.session.execute(sa.select(Order.status, Order.payment_status)
                                  .order_by(Order.id)).all()
    assert statuses == [("paid", "succeeded")] * 20 + [("pending_payment", "failed")] * 5
    assert levels(variant.id) == (80, 5)
    assert reconciliation.reconcile(stripe_provider, utcnow()) == {}

    # The dropped webhooks arrive late: each is stored and applied, and changes nothing.
    for number, intent_id in enumerate(intents):
        kind = "payment_intent.succeeded" if number < 20 else "payment_intent.payment_failed"
        body = stripe_event(f"evt_late_{number}", kind, intent_id)
        response = client.post("/api/v1/webhooks/stripe", data=body,
                               content_type="application/json",
                               headers={"Stripe-Signature": stripe_signature(body, SECRET)})
        assert response.status_code == 200
    run_consumers()
    outcomes = db.session.scalars(sa.select(PaymentEvent.outcome)).all()
    assert outcomes == ["no_change"] * 25
    assert levels(variant.id) == (80, 5)
    assert db.session.scalar(sa.select(sa.func.count()).select_from(EmailMessage).where(
        EmailMessage.kind == "order_confirmation")) == 20


def test_a_thousand_concurrent_deliveries_of_500_events_act_once_each(app, live_server,
                                                                      published, run_consumers,
                                                                      monkeypatch):
    """500 paid orders, each event delivered twice, shuffled, 50 requests at a time."""
    monkeypatch.setitem(app.config, "STRIPE_WEBHOOK_SECRET", SECRET)
    variant = VariantFactory(on_hand=1000)
    user = UserFactory()
    db.session.commit()
    intents = []
    for number in range(500):
        placed = checkout_without_http(user, variant, number)
        intents.append(placed)
    db.session.commit()
    assert levels(variant.id) == (1000, 500)
    bodies = [stripe_event(f"evt_{number}", "payment_intent.succeeded", intent_id)
              for number, intent_id in enumerate(intents)] * 2
    random.Random(5).shuffle(bodies)

    def deliver(body: bytes) -> int:
        return requests.post(f"{live_server.url}/api/v1/webhooks/stripe", data=body,
                             headers={"Content-Type": "application/json",
                                      "Stripe-Signature": stripe_signature(body, SECRET)},
                             timeout=60).status_code

    with ThreadPoolExecutor(max_workers=50) as pool:
        statuses = list(pool.map(deliver, bodies))
    assert statuses == [200] * 1000
    published("payment.event_received", times=500)
    assert db.session.scalar(sa.select(sa.func.count()).select_from(PaymentEvent)) == 500
    db.session.commit()
    run_consumers()
    assert levels(variant.id) == (500, 0)
    paid = db.session.scalar(sa.select(sa.func.count()).select_from(Order)
                             .where(Order.status == "paid"))
    assert paid == 500
    assert db.session.scalar(sa.select(sa.func.count()).select_from(EmailMessage)) == 500


def checkout_without_http(user, variant, number) -> str:
    """A placed order with a fake payment that succeeded; returns the payment's id."""
    cart = fill_cart(user, {variant: 1})
    placed = checkout.place_order(user, cart, address_id=None, shipping_address=ADDRESS,
                                  provider_name="fake", now=utcnow())
    intent = payment_provider().create_payment(
        order_id=placed.id, order_number=placed.number, amount=placed.total,
        currency=placed.currency, idempotency_key=f"stockroom-order-{placed.id}-payment")
    placed.payment_intent_id = intent.payment_intent_id
    db.session.get(FakePayment, intent.payment_intent_id).status = "succeeded"
    db.session.flush()
    return intent.payment_intent_id

