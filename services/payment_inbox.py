"""The inbox of payment provider events: Stripe's webhook verified and stored once by event
id, then applied by a task that reads the payment (or the Checkout Session) back and moves
the order (``services.payments``), never from the event's own copy. The ``fake``
provider's settle goes through the same inbox.
"""

from __future__ import annotations

import json
import secrets
from datetime import datetime

import sqlalchemy as sa
import stripe

from core.errors import DomainError
from models import BalancePayment, Order, PaymentEvent, db, insert_ignoring_conflict
from services import checkout_sessions, guest_orders, orders, outbox
from services.payment_providers import FakeProvider, PaymentProvider
from services.payments import sync_payment

STRIPE_SIGNATURE_TOLERANCE_S = 300
HANDLED_EVENT_TYPES = frozenset({
    "payment_intent.succeeded", "payment_intent.payment_failed", "payment_intent.canceled",
    "charge.refunded", *checkout_sessions.SESSION_EVENT_TYPES,
})


class BadWebhook(DomainError):
    http_status = 400
    error_code = "bad_webhook_signature"


# The inbox --------------------------------------------------------------------------------

def _intent_id_of(payload: dict) -> str | None:
    obj = (payload.get("data") or {}).get("object") or {}
    if not isinstance(obj, dict):
        return None
    if obj.get("object") == "payment_intent":
        return obj.get("id")
    intent = obj.get("payment_intent")
    if isinstance(intent, dict):
        intent = intent.get("id")
    return intent if isinstance(intent, str) else None


def verify_stripe_event(payload: bytes, signature: str | None, secret: str | None) -> dict:
    """The event, if ``Stripe-Signature`` signs ``payload`` with ``secret`` within the
    tolerance; else ``BadWebhook`` (400)."""
    if not secret:
        raise BadWebhook("Stripe webhooks are not configured (STRIPE_WEBHOOK_SECRET).")
    try:
        stripe.WebhookSignature.verify_header(payload, signature, secret,
                                              tolerance=STRIPE_SIGNATURE_TOLERANCE_S)
        event = json.loads(payload)
    except stripe.SignatureVerificationError as error:
        raise BadWebhook(f"Bad Stripe-Signature: {error.user_message or error}") from error
    except ValueError as error:
        raise BadWebhook("The body is not a JSON object.") from error
    if not (isinstance(event, dict) and isinstance(event.get("id"), str)
            and isinstance(event.get("type"), str)):
        raise BadWebhook("The body is not a Stripe event.")
    return event


def record_payment_event(provider: str, event: dict, now: datetime) -> int | None:
    """Store ``event`` once by its id (insert-or-ignore); returns the new row's id, or None
    for an event stored before. A handled event is handed to the apply task through the
    outbox; any other type is kept, marked ignored."""
    handled = event["type"] in HANDLED_EVENT_TYPES
    values = {"provider": provider, "event_id": event["id"][:255], "type": event["type"][:64],
              "payment_intent_id": _intent_id_of(event), "payload": event, "received_at": now,
              "attempts": 0,
              "processed_at": None if handled else now,
              "outcome": None if handled else "ignored"}
    new_id = db.session.execute(
        insert_ignoring_conflict(PaymentEvent, ["provider", "event_id"]).values(**values)
        .returning(PaymentEvent.id)).scalar()
    if new_id is not None and handled:
        outbox.record_event("payment.event_received", "payment_event", new_id,
                            {"payment_event_id": new_id})
    return new_id


def apply_payment_event(payment_event_id: int, provider: PaymentProvider,
                        now: datetime) -> str:
    """Apply a stored event: read its payment back and move the order (``sync_payment``).

    The event is marked processed in the transaction that moves the order. On failure the
    error is recorded on the row (committed) and re-raised; the task retries, and the
    reconciliation retries whatever is left.
    """
    event = db.session.get(PaymentEvent, payment_event_id)
    if event is None or event.processed_at is not None:
        return "already processed"
    intent_id = event.payment_intent_id
    session_id = checkout_sessions.session_id_of(event.payload)
    try:
        if session_id is not None:
            changes = checkout_sessions.sync_session(session_id, provider, now)
        else:
            changes = sync_payment(intent_id, provider, now) if intent_id else []
    except Exception as error:
        db.session.rollback()
        db.session.execute(
            sa.update(PaymentEvent).where(PaymentEvent.id == payment_event_id)
            .values(attempts=PaymentEvent.attempts + 1, last_error=str(error)[:1000]))
        db.session.commit()
        raise
    outcome = "applied" if changes else "no_change"
    db.session.execute(
        sa.update(PaymentEvent)
        .where(PaymentEvent.id == payment_event_id, PaymentEvent.processed_at.is_(None))
        .values(processed_at=now, outcome=outcome, attempts=PaymentEvent.attempts + 1,
                last_error=None))
    return outcome


# The fake provider

def settle_fake_payment(user_id: int | None, payment_intent_id: str, outcome: str,
                        provider: PaymentProvider, now: datetime,
                        order_token: str | None = None) -> int:
    """The ``fake`` provider's stand-in for the customer paying (``succeeded``) or being
    declined (``failed``): the fake payment changes, and an event goes into the inbox to be
    applied by the same task, through the same read-back, as a Stripe event. Returns the
    stored event's id. The payer is the order's customer (``user_id``) or, for a guest's
    order, whoever holds its ``order_token``."""
    order = db.session.scalar(sa.select(Order).where(
        sa.or_(Order.payment_intent_id == payment_intent_id,
               Order.id.in_(sa.select(BalancePayment.order_id).where(
                   BalancePayment.payment_intent_id == payment_intent_id))),
        Order.payment_provider == FakeProvider.name))
    if order is not None and user_id is not None and order.user_id != user_id:
        order = None
    if order is not None and user_id is None:
        order = guest_orders.order_for_token(order.id, order_token)
    if order is None or not isinstance(provider, FakeProvider):
        raise orders.OrderNotFound("Payment not found.")
    provider.settle(payment_intent_id, outcome)
    event_type = ("payment_intent.succeeded" if outcome == "succeeded"
                  else "payment_intent.payment_failed")
    return record_payment_event(FakeProvider.name, {
        "id": f"fake_evt_{secrets.token_hex(12)}", "object": "event", "type": event_type,
        "created": int(now.timestamp()),
        "data": {"object": {"object": "payment_intent", "id": payment_intent_id}},
    }, now)
