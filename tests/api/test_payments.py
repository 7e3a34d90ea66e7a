"""Payments with the ``fake`` provider as the source of truth: the settle endpoint, Stripe's
webhook (hand-signed events), applying events once, refunds, late payments, and a provider
that is away. The same paths against a real Stripe double are in
``tests/integration/test_stripe.py``."""

from __future__ import annotations

import json
import time
from datetime import timedelta

import pytest
import sqlalchemy as sa

from models import (
    EmailMessage,
    FakePayment,
    IdempotencyKey,
    Order,
    OutboxEvent,
    PaymentEvent,
    Refund,
    db,
    utcnow,
)
from services import inventory, orders, reconciliation
from services.payment_providers import FakeProvider, ProviderUnavailable, payment_provider
from tests.factories import UserFactory, VariantFactory, fill_cart
from tests.helpers import stripe_event, stripe_signature

WEBHOOK = "/api/v1/webhooks/stripe"
SECRET = "whsec_test_secret"
ADDRESS = {"full_name": "Ada Lovelace", "line1": "1 Main St", "city": "London",
           "postal_code": "N1 1AA", "country": "GB"}


@pytest.fixture(autouse=True)
def webhook_secret(app, monkeypatch):
    monkeypatch.setitem(app.config, "STRIPE_WEBHOOK_SECRET", SECRET)


@pytest.fixture
def shopper(auth_headers):
    user = UserFactory()
    return user, auth_headers(user)


@pytest.fixture
def admin(auth_headers):
    return auth_headers(UserFactory(role="admin"))


def place(client, shopper, variant, quantity=2, key="k1"):
    user, headers = shopper
    fill_cart(user, {variant: quantity})
    response = client.post("/api/v1/checkout", json={"shipping_address": ADDRESS},
                           headers={**headers, "Idempotency-Key": key})
    assert response.status_code == 201, response.json
    return response.json


def levels(variant):
    db.session.refresh(variant)
    return variant.on_hand, variant.reserved


def order_of(placed) -> Order:
    order = db.session.get(Order, placed["order"]["id"])
    db.session.refresh(order)
    return order


def post_event(client, body: bytes, secret=SECRET, timestamp=None, header=None):
    signature = header if header is not None else stripe_signature(body, secret, timestamp)
    return client.post(WEBHOOK, data=body, content_type="application/json",
                       headers={"Stripe-Signature": signature})


def fake_pay(intent_id: str, outcome="succeeded"):
    FakeProvider().settle(intent_id, outcome)


def emails(kind: str) -> int:
    return db.session.scalar(sa.select(sa.func.count()).select_from(EmailMessage)
                             .where(EmailMessage.kind == kind, EmailMessage.status == "sent"))


# The fake provider's settle endpoint ---------------------------------------------------------

def test_settling_pays_through_the_event_path(client, shopper, run_consumers, mail):
    variant = VariantFactory(on_hand=5)
    placed = place(client, shopper, variant)
    intent = placed["payment"]["payment_intent_id"]
    settled = client.post(f"/api/v1/payments/fake/{intent}/settle",
                          json={"outcome": "succeeded"}, headers=shopper[1])
    assert settled.status_code == 202
    # Stored in the inbox, not yet applied: the task does that.
    assert order_of(placed).status == "pending_payment" and levels(variant) == (5, 2)
    run_consumers()
    order = order_of(placed)
    assert (order.status, order.payment_status) == ("paid", "succeeded")
    assert order.paid_at is not None and order.reservation_expires_at is None
    assert levels(variant) == (3, 0)
    assert [m.subject for m in mail] == [f"Your Stockroom order {order.number} is confirmed"]
    types = db.session.scalars(sa.select(OutboxEvent.type).where(
        OutboxEvent.aggregate_type == "order", OutboxEvent.aggregate_id == str(order.id))).all()
    assert types.count("order.status_changed") == 2 and "user.notification" in types
    again = client.post(f"/api/v1/payments/fake/{intent}/settle",
                        json={"outcome": "succeeded"}, headers=shopper[1])
    assert again.status_code == 409 and again.json["error_code"] == "payment_provider_refused"


def test_a_declined_payment_keeps_the_order_and_its_stock(client, shopper, run_consumers, mail):
    variant = VariantFactory(on_hand=5)
    placed = place(client, shopper, variant)
    intent = placed["payment"]["payment_intent_id"]
    client.post(f"/api/v1/payments/fake/{intent}/settle", json={"outcome": "failed"},
                headers=shopper[1])
    run_consumers()
    order = order_of(placed)
    assert (order.status, order.payment_status) == ("pending_payment", "failed")
    assert levels(variant) == (5, 2)
    assert order.timeline[-1].note == "payment failed: card declined"
    assert [m.subject for m in mail] == [
        f"The payment for your Stockroom order {order.number} failed"]
    # The customer retries, and this time it works.
    client.post(f"/api/v1/payments/fake/{intent}/settle", json={"outcome": "succeeded"},
                headers=shopper[1])
    run_consumers()
    assert order_of(placed).status == "paid" and levels(variant) == (3, 0)


def test_only_the_owner_settles_a_fake_payment(client, shopper, auth_headers):
    placed = place(client, shopper, VariantFactory(on_hand=5))
    intent = placed["payment"]["payment_intent_id"]
    other = client.post(f"/api/v1/payments/fake/{intent}/settle", json={"outcome": "succeeded"},
                        headers=auth_headers(UserFactory()))
    assert other.status_code == 404


# Stripe's webhook: signatures ----------------------------------------------------------------

BAD_SIGNATURES = {
    "bad signature": lambda body: f"t={int(time.time())},v1={'0' * 64}",
    "wrong secret": lambda body: stripe_signature(body, "whsec_other"),
    "301 s old": lambda body: stripe_signature(body, SECRET, int(time.time()) - 301),
    "no header": lambda body: "",
    "v0 scheme only": lambda body: stripe_signature(body, SECRET).replace("v1=", "v0="),
}


@pytest.mark.parametrize("case", sorted(BAD_SIGNATURES))
def test_a_bad_signature_is_400_and_stores_nothing(client, case):
    body = stripe_event("evt_1", "payment_intent.succeeded", "pi_1")
    response = post_event(client, body, header=BAD_SIGNATURES[case](body))
    assert response.status_code == 400 and response.json["error_code"] == (
        "bad_webhook_signature")
    assert db.session.scalar(sa.select(sa.func.count()).select_from(PaymentEvent)) == 0


def test_one_changed_byte_or_malformed_json_is_400(client):
    body = stripe_event("evt_1", "payment_intent.succeeded", "pi_1")
    signature = stripe_signature(body, SECRET)
    changed = body.replace(b"pi_1", b"pi_2")
    assert post_event(client, changed, header=signature).status_code == 400
    malformed = b'{"id": "evt_1", "type": '
    assert post_event(client, malformed).status_code == 400
    not_an_event = b'["evt_1"]'
    assert post_event(client, not_an_event).status_code == 400
    assert db.session.scalar(sa.select(sa.func.count()).select_from(PaymentEvent)) == 0


def test_two_v1_signatures_of_which_one_is_valid_are_accepted(client):
    body = stripe_event("evt_1", "payment_intent.succeeded", "pi_1")
    valid = stripe_signature(body, SECRET)
    timestamp, good = valid.split(",")
    header = f"{timestamp},v1={'f' * 64},{good}"
    response = post_event(client, body, header=header)
    assert response.status_code == 200 and response.json == {"received": True,
                                                             "duplicate": False}


def test_an_unconfigured_secret_refuses_everything(client, app, monkeypatch):
    monkeypatch.setitem(app.config, "STRIPE_WEBHOOK_SECRET", None)
    body = stripe_event("evt_1", "payment_intent.succeeded", "pi_1")
    assert post_event(client, body).status_code == 400


# Stripe's webhook: applying events once -----------------------------------------------------

def test_one_event_sent_five_times_acts_once(client, shopper, run_consumers, mail):
    variant = VariantFactory(on_hand=5)
    placed = place(client, shopper, variant)
    intent = placed["payment"]["payment_intent_id"]
    fake_pay(intent)
    body = stripe_event("evt_paid", "payment_intent.succeeded", intent)
    answers = [post_event(client, body).json["duplicate"] for _ in range(5)]
    assert answers == [False, True, True, True, True]
    run_consumers()
    assert db.session.scalar(sa.select(sa.func.count()).select_from(PaymentEvent)) == 1
    assert levels(variant) == (3, 0) and order_of(placed).status == "paid"
    assert len(mail) == 1
    statuses = [e.status for e in order_of(placed).timeline]
    assert statuses == ["pending_payment", "paid"]


def test_a_replayed_event_with_a_new_id_changes_nothing_twice(client, shopper, run_consumers):
    variant = VariantFactory(on_hand=5)
    placed = place(client, shopper, variant)
    intent = placed["payment"]["payment_intent_id"]
    fake_pay(intent)
    for number in range(3):
        post_event(client, stripe_event(f"evt_{number}", "payment_intent.succeeded", intent))
    run_consumers()
    outcomes = db.session.scalars(sa.select(PaymentEvent.outcome).order_by(PaymentEvent.id))
    assert list(outcomes) == ["applied", "no_change", "no_change"]
    assert levels(variant) == (3, 0)


def test_a_refund_event_before_the_payment_event_still_ends_refunded(client, shopper,
                                                                      run_consumers, mail):
    variant = VariantFactory(on_hand=5)
    placed = place(client, shopper, variant)
    intent = placed["payment"]["payment_intent_id"]
    fake_pay(intent)
    total = placed["order"]["total"]
    FakeProvider().refund(intent, total, "dashboard-refund", {})
    post_event(client, stripe_event("evt_refund", "charge.refunded", intent,
                                    amount_refunded=total))
    post_event(client, stripe_event("evt_paid", "payment_intent.succeeded", intent))
    run_consumers()
    order = order_of(placed)
    assert (order.status, order.payment_status) == ("refunded", "refunded")
    assert order.amount_refunded == total
    assert [e.status for e in order.timeline] == ["pending_payment", "paid", "refunded"]
    # A refund made outside Stockroom is recorded, so that the books add up.
    refunds = db.session.scalars(sa.select(Refund).where(Refund.order_id == order.id)).all()
    assert [(r.amount, r.status) for r in refunds] == [(total, "succeeded")]
    assert levels(variant) == (3, 0)


def test_a_failed_event_after_success_does_not_undo_it(client, shopper, run_consumers):
    variant = VariantFactory(on_hand=5)
    placed = place(client, shopper, variant)
    intent = placed["payment"]["payment_intent_id"]
    fake_pay(intent)
    post_event(client, stripe_event("evt_paid", "payment_intent.succeeded", intent))
    post_event(client, stripe_event("evt_failed", "payment_intent.payment_failed", intent))
    post_event(client, stripe_event("evt_cancel", "payment_intent.canceled", intent))
    run_consumers()
    order = order_of(placed)
    assert (order.status, order.payment_status) == ("paid", "succeeded")


def test_a_cancelled_payment_cancels_the_order(client, shopper, run_consumers):
    variant = VariantFactory(on_hand=5)
    placed = place(client, shopper, variant)
    intent = placed["payment"]["payment_intent_id"]
    FakeProvider().cancel_payment(intent, "k")
    post_event(client, stripe_event("evt_cancel", "payment_intent.canceled", intent))
    run_consumers()
    assert order_of(placed).status == "cancelled" and levels(variant) == (5, 0)


def test_unhandled_types_are_kept_but_not_applied(client, enqueued):
    post_event(client, stripe_event("evt_x", "customer.created", "pi_1"))
    event = db.session.scalar(sa.select(PaymentEvent))
    assert (event.type, event.outcome) == ("customer.created", "ignored")
    assert event.processed_at is not None and enqueued == []


def test_a_failed_apply_is_recorded_and_retried_by_reconciliation(client, shopper, monkeypatch,
                                                                  run_consumers):
    variant = VariantFactory(on_hand=5)
    placed = place(client, shopper, variant)
    intent = placed["payment"]["payment_intent_id"]
    fake_pay(intent)
    post_event(client, stripe_event("evt_paid", "payment_intent.succeeded", intent))

    def away(self, payment_intent_id):
        raise ProviderUnavailable("the provider is away")

    with monkeypatch.context() as patch:
        patch.setattr(FakeProvider, "retrieve_payment", away)
        with pytest.raises(ProviderUnavailable):
            run_consumers()
    event = db.session.scalar(sa.select(PaymentEvent))
    db.session.refresh(event)
    assert event.processed_at is None and event.attempts == 1
    assert event.last_error == "the provider is away"
    assert order_of(placed).status == "pending_payment"
    repaired = reconciliation.reconcile(payment_provider(), utcnow() + timedelta(minutes=3))
    assert order_of(placed).status == "paid" and levels(variant) == (3, 0)
    assert repaired == {"paid": 1}
    db.session.refresh(event)
    assert event.outcome == "no_change" and event.processed_at is not None


# Starting the payment -------------------------------------------------------------------------

def test_a_provider_away_at_checkout_is_503_and_the_same_key_resumes(client, shopper,
                                                                     monkeypatch):
    variant = VariantFactory(on_hand=5)
    user, headers = shopper
    fill_cart(user, {variant: 2})
    request = {"json": {"shipping_address": ADDRESS},
               "headers": {**headers, "Idempotency-Key": "resume-me"}}

    def away(self, **kwargs):
        raise ProviderUnavailable("the provider is away")

    with monkeypatch.context() as patch:
        patch.setattr(FakeProvider, "create_payment", away)
        first = client.post("/api/v1/checkout", **request)
    assert first.status_code == 503 and first.json["error_code"] == (
        "payment_provider_unavailable")
    # The order is placed and holds its stock; the key remembers it.
    order = db.session.scalar(sa.select(Order).where(Order.user_id == user.id))
    assert order.payment_intent_id is None and levels(variant) == (5, 2)
    key = db.session.scalar(sa.select(IdempotencyKey))
    assert key.resource_id == order.id and key.response_status is None
    second = client.post("/api/v1/checkout", **request)
    assert second.status_code == 201 and second.json["order"]["id"] == order.id
    assert second.json["payment"]["payment_intent_id"].startswith("fake_pi_")
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Order)) == 1
    assert db.session.scalar(sa.select(sa.func.count()).select_from(FakePayment)) == 1
    assert levels(variant) == (5, 2)
    third = client.post("/api/v1/checkout", **request)
    assert third.status_code == 200 and third.json == second.json


# Refunds --------------------------------------------------------------------------------------

def paid_order(client, shopper, run_consumers, on_hand=5):
    variant = VariantFactory(on_hand=on_hand, price=2500)
    placed = place(client, shopper, variant)
    client.post(f"/api/v1/payments/fake/{placed['payment']['payment_intent_id']}/settle",
                json={"outcome": "succeeded"}, headers=shopper[1])
    run_consumers()
    return placed, variant


def refund(client, admin, order_id, key, body=None):
    return client.post(f"/api/v1/admin/orders/{order_id}/refund", json=body or {},
                       headers={**admin, "Idempotency-Key": key})


def test_partial_then_full_refund(client, shopper, admin, run_consumers, mail):
    placed, variant = paid_order(client, shopper, run_consumers)
    order_id, total = placed["order"]["id"], placed["order"]["total"]
    first = refund(client, admin, order_id, "r1", {"amount": 1000, "reason": "damaged"})
    assert first.status_code == 201
    assert first.json["refund"]["status"] == "pending"
    assert first.json["order"]["payment_status"] == "refund_pending"
    replay = refund(client, admin, order_id, "r1", {"amount": 1000, "reason": "damaged"})
    assert replay.status_code == 200 and replay.headers["Idempotent-Replayed"] == "true"
    run_consumers()
    order = order_of(placed)
    assert (order.status, order.payment_status, order.amount_refunded) == (
        "paid", "partially_refunded", 1000)
    too_much = refund(client, admin, order_id, "r2", {"amount": total})
    assert too_much.status_code == 409 and too_much.json["error_code"] == (
        "refund_exceeds_payment")
    rest = refund(client, admin, order_id, "r3")
    assert rest.status_code == 201 and rest.json["refund"]["amount"] == total - 1000
    run_consumers()
    order = order_of(placed)
    assert (order.status, order.payment_status, order.amount_refunded) == (
        "refunded", "refunded", total)
    assert db.session.get(FakePayment, order.payment_intent_id).amount_refunded == total
    statuses = db.session.scalars(sa.select(Refund.status).where(Refund.order_id == order_id))
    assert list(statuses) == ["succeeded", "succeeded"]
    assert refund(client, admin, order_id, "r4").status_code == 409
    # One email per refunded total: the partial refund's and the final one's.
    assert emails("order_refunded") == 2
    # A refund does not put stock back by itself: the goods may be with the customer.
    assert levels(variant) == (3, 0)


def test_a_refund_task_that_runs_twice_refunds_once(client, shopper, admin, run_consumers,
                                                    enqueued, app):
    placed, _ = paid_order(client, shopper, run_consumers)
    refund(client, admin, placed["order"]["id"], "r1", {"amount": 500})
    event_id = next(e for e, kind in enqueued if kind == "refund.requested")
    task = app.extensions["celery"].tasks["tasks.payments.submit_refund_task"]
    task(event_id)
    task(event_id)
    payment = db.session.get(FakePayment, placed["payment"]["payment_intent_id"])
    assert payment.amount_refunded == 500 and order_of(placed).amount_refunded == 500


def test_refunds_need_a_paid_order_an_admin_and_a_key(client, shopper, admin, auth_headers):
    placed = place(client, shopper, VariantFactory(on_hand=5))
    order_id = placed["order"]["id"]
    unpaid = refund(client, admin, order_id, "r1")
    assert unpaid.status_code == 409 and unpaid.json["error_code"] == "order_not_paid"
    assert refund(client, shopper[1], order_id, "r2").status_code == 403
    assert client.post(f"/api/v1/admin/orders/{order_id}/refund", json={}).status_code == 401
    assert client.post(f"/api/v1/admin/orders/{order_id}/refund", json={},
                       headers=admin).status_code == 400
    assert refund(client, admin, 999999, "r3").status_code == 404
    assert refund(client, admin, order_id, "r4", {"amount": 0}).status_code == 422
    assert refund(client, admin, order_id, "r5", {"amount": "10"}).status_code == 422


# Late payments ----------------------------------------------------------------------------------

def expire(app, placed):
    later = utcnow() + timedelta(seconds=app.config["RESERVATION_TTL_SECONDS"] + 1)
    assert orders.expire_reservations(later) == 1
    db.session.commit()


def test_a_late_payment_takes_the_stock_again_when_it_is_there(client, shopper, app,
                                                               run_consumers, enqueued):
    variant = VariantFactory(on_hand=5)
    placed = place(client, shopper, variant)
    intent = placed["payment"]["payment_intent_id"]
    expire(app, placed)
    # The customer paid just before the cancellation reached the provider.
    fake_pay(intent)
    run_consumers()
    order = order_of(placed)
    assert (order.status, order.payment_status) == ("paid", "succeeded")
    assert order.timeline[-1].note == "payment arrived after cancellation; stock taken again"
    assert levels(variant) == (3, 0)


def test_a_late_payment_without_stock_is_refunded_in_full(client, shopper, app, run_consumers):
    variant = VariantFactory(on_hand=2)
    placed = place(client, shopper, variant)
    intent = placed["payment"]["payment_intent_id"]
    expire(app, placed)
    inventory.set_stock(variant, 0)
    db.session.flush()
    fake_pay(intent)
    run_consumers()
    order = order_of(placed)
    assert order.status == "cancelled" and order.payment_status == "refunded"
    assert order.amount_refunded == order.total
    assert db.session.get(FakePayment, intent).amount_refunded == order.total
    assert "refunded in full" in " ".join(e.note or "" for e in order.timeline)
    assert levels(variant) == (0, 0)


def test_an_expired_orders_payment_is_cancelled_at_the_provider(client, shopper, app,
                                                                run_consumers):
    placed = place(client, shopper, VariantFactory(on_hand=5))
    expire(app, placed)
    run_consumers()
    assert db.session.get(FakePayment, placed["payment"]["payment_intent_id"]).status == (
        "canceled")


def test_the_webhook_is_in_the_openapi_document(client):
    spec = client.get("/api/openapi.json").json
    assert "post" in spec["paths"]["/api/v1/webhooks/stripe"]
    assert "post" in spec["paths"]["/api/v1/admin/orders/{order_id}/refund"]
    assert json.dumps(spec).count("Stripe-Signature") >= 1
