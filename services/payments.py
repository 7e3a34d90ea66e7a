"""Payments: starting one for an order, the inbox of provider events, and moving orders
from what the provider says (refunds: ``services.refunds``; the repairs beat runs:
``services.reconciliation``).

The rule everything here follows: an order moves only from the payment's state as the
provider holds it *now* (``sync_payment`` reads it back), and only forward. An event is a
reason to look, never the truth itself, so a duplicate, a replay or an event that arrives
out of order cannot act twice or undo anything.

Provider calls are network calls: none runs inside a transaction that holds row locks (or,
on SQLite, the write lock). Functions that call the provider end the current transaction
before the call; their callers (the edge, a task) commit what follows.
"""

from __future__ import annotations

import json
import logging
import secrets
from datetime import datetime

import sqlalchemy as sa
import stripe

from core import faults
from core.errors import Conflict, DomainError
from models import (
    CancelledBy,
    Order,
    OrderEvent,
    OrderStatus,
    PaymentEvent,
    PaymentStatus,
    Product,
    Refund,
    db,
    insert_ignoring_conflict,
)
from services import discounts, guest_orders, inventory, orders, outbox, refunds, transactions
from services.payment_providers import (
    FakeProvider,
    PaymentIntent,
    PaymentProvider,
    PaymentState,
    ProviderRefused,
)

log = logging.getLogger(__name__)

S = OrderStatus
STRIPE_SIGNATURE_TOLERANCE_S = 300
HANDLED_EVENT_TYPES = frozenset({
    "payment_intent.succeeded", "payment_intent.payment_failed", "payment_intent.canceled",
    "charge.refunded",
})


class BadWebhook(DomainError):
    http_status = 400
    error_code = "bad_webhook_signature"


class PaymentNotStarted(Conflict):
    error_code = "payment_not_started"


def end_transaction() -> None:
    """Commit before a provider call: a transaction left open across the network would hold
    its row locks (on SQLite, the database's write lock) for as long as the call takes."""
    db.session.commit()


# Starting a payment ------------------------------------------------------------------------

def start_payment(order: Order, provider: PaymentProvider) -> PaymentIntent:
    """Create (or find again) the order's one payment at the provider and record its id.

    Commits the current transaction first (the order and its reservation, at checkout),
    keeping ``order`` loaded as committed: the answer is built from it without reading it
    back. The provider's idempotency key is derived from the order, so calling this again
    after a failure, for the same order, never creates a second payment. Raises
    ``ProviderUnavailable`` (503); the order keeps its reservation until it lapses.
    """
    known = order.payment_intent_id
    if known is None and order.status != S.PENDING_PAYMENT:
        # A retry that comes after the reservation lapsed: there is nothing left to pay.
        raise PaymentNotStarted(f"This order is {order.status}; it can no longer be paid.")
    args = {"order_id": order.id, "order_number": order.number, "amount": order.total,
            "currency": order.currency, "idempotency_key": f"stockroom-order-{order.id}-payment"}
    transactions.commit_keeping_loaded()
    if known is not None:
        state = provider.retrieve_payment(known)
        return PaymentIntent(provider.name, known, state.client_secret or "")
    payment = provider.create_payment(**args)
    # Only the request holding the order's idempotency key gets here, and a request that
    # takes an abandoned key over gets the same payment from the provider: a plain write.
    order.payment_intent_id = payment.payment_intent_id
    db.session.flush()
    return payment


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
    try:
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


# Moving orders from the provider's state ------------------------------------------------------

def sync_payment(payment_intent_id: str, provider: PaymentProvider, now: datetime) -> list[str]:
    """Read the payment back from the provider and bring its order up to date; returns what
    changed (empty when nothing did). Ends the current transaction first."""
    end_transaction()
    state = provider.retrieve_payment(payment_intent_id)
    faults.step("payment.read_back")
    order = order_of(state)
    return sync_order(order, state, now) if order is not None else []


def order_of(state: PaymentState) -> Order | None:
    """The payment's order, locked."""
    order = orders.find_order(Order.payment_intent_id == state.payment_intent_id, lock=True)
    if order is None and state.order_id is not None:
        # The payment was created but its id never reached the order (the request died in
        # between): the order id in the payment's metadata finds it.
        order = orders.find_order(Order.id == state.order_id, Order.payment_intent_id.is_(None),
                                  lock=True)
        if order is not None:
            order.payment_intent_id = state.payment_intent_id
    if order is None:
        log.warning("payment %s belongs to no order here", state.payment_intent_id)
    return order


def sync_order(order: Order, state: PaymentState, now: datetime) -> list[str]:
    """Move a locked ``order`` forward to agree with ``state``; never backward."""
    changes: list[str] = []
    if state.status == "succeeded" and order.paid_at is None:
        if state.amount != order.total or state.currency != order.currency:
            log.error("payment %s is for %s %s, order %s for %s %s: not applied",
                      state.payment_intent_id, state.amount, state.currency, order.number,
                      order.total, order.currency)
            return ["amount_mismatch"]
        if order.status == S.PENDING_PAYMENT:
            _mark_paid(order, now, "payment succeeded")
            changes.append("paid")
        elif order.status == S.CANCELLED:
            changes.append(_late_payment(order, now))
    elif state.status == "canceled" and order.status == S.PENDING_PAYMENT:
        orders.cancel_unpaid(order, now, "payment cancelled at the provider",
                             CancelledBy.PROVIDER)
        changes.append("cancelled")
    elif (state.status == "requires_payment_method" and state.failure_message
          and order.status == S.PENDING_PAYMENT and order.payment_status != PaymentStatus.FAILED):
        order.payment_status = PaymentStatus.FAILED
        order.timeline.append(OrderEvent(status=order.status, at=now,
                                         note=f"payment failed: {state.failure_message}"[:500]))
        outbox.record_event("order.payment_failed", "order", order.id,
                            {"order_id": order.id, "user_id": order.user_id,
                             "reason": state.failure_message})
        changes.append("payment_failed")
    if order.paid_at is not None:
        confirmed = refunds.apply_provider_refunds(order, state.refunds, now)
        if confirmed:
            _refunds_confirmed(order, confirmed, now)
            changes.append("refunded")
    db.session.flush()
    return changes


def _refunds_confirmed(order: Order, confirmed: list[Refund], now: datetime) -> None:
    """The customer's email (one per refund), and the timeline: ``refunded`` once everything
    paid came back on an order that was paid, else a note per refund."""
    for refund in confirmed:
        orders.notify(order, "order_refunded", refund_id=refund.id, amount=refund.amount,
                      amount_refunded=order.amount_refunded)
    if order.amount_refunded >= order.total and order.status in orders.PAID_STATUSES:
        orders.transition(order, S.REFUNDED, now, "refunded in full")
        return
    for refund in confirmed:
        order.timeline.append(OrderEvent(status=order.status, at=now,
                                         note=f"refund of {refund.amount} confirmed"))


def _count_sales(order: Order) -> None:
    """Add the order's units to its products' ``units_sold`` (the "popular" sort), in
    product id order like every other multi-row update."""
    units: dict[int, int] = {}
    for item in order.items:
        if item.product_id is not None:
            units[item.product_id] = units.get(item.product_id, 0) + item.quantity
    for product_id in sorted(units):
        db.session.execute(
            sa.update(Product).where(Product.id == product_id)
            .values(units_sold=Product.units_sold + units[product_id])
            .execution_options(synchronize_session=False))


def _mark_paid(order: Order, now: datetime, note: str) -> None:
    order.payment_status = PaymentStatus.SUCCEEDED
    order.paid_at = now
    order.reservation_expires_at = None
    inventory.commit_stock(order.stock_lines())
    _count_sales(order)
    orders.transition(order, S.PAID, now, note)
    orders.notify(order, "order_confirmed")


def _late_payment(order: Order, now: datetime) -> str:
    """A payment that succeeded after its order was cancelled. A person cancelled it (the
    customer, an admin): it stays cancelled and the payment is refunded in full. It expired,
    or the provider cancelled it: sell the stock again if there is enough, else refund in
    full."""
    why = None
    if order.cancelled_by in (CancelledBy.CUSTOMER, CancelledBy.ADMIN):
        why = f"payment arrived after the order was cancelled by the {order.cancelled_by}"
    else:
        try:
            inventory.reserve_stock(order.stock_lines())
        except inventory.OutOfStock as short:
            why = ("payment arrived after the order was cancelled and the stock was gone "
                   f"({short.errors['lines']})")
    if why is not None:
        order.paid_at = now
        order.payment_status = PaymentStatus.SUCCEEDED
        refunds.request_refund(order, None, why[:200], None, now)
        order.timeline.append(OrderEvent(status=order.status, at=now,
                                         note=f"{why}; refunded in full"[:500]))
        return "late_payment_refunded"
    order.payment_status = PaymentStatus.SUCCEEDED
    order.paid_at = now
    inventory.commit_stock(order.stock_lines())
    discounts.take_use_again(order.id, order.discount_id, order.user_id, now)
    _count_sales(order)
    orders.transition(order, S.PAID, now,
                      "payment arrived after cancellation; stock taken again",
                      system=True)
    orders.notify(order, "order_confirmed")
    return "late_payment_paid"


# Cancelling ---------------------------------------------------------------------------------

def cancel_payment(order_id: int, provider: PaymentProvider, now: datetime) -> list[str]:
    """Cancel a cancelled order's payment at the provider. If the payment succeeded
    meanwhile, reading it back applies it as a late payment."""
    order = db.session.get(Order, order_id)
    if order is None or order.payment_intent_id is None or order.status != S.CANCELLED:
        return []
    intent_id = order.payment_intent_id
    end_transaction()
    try:
        provider.cancel_payment(intent_id, f"stockroom-order-{order_id}-cancel-payment")
    except ProviderRefused as refused:
        log.info("payment %s of order %s not cancelled: %s", intent_id, order_id, refused)
    faults.step("payment_cancel.sent")
    return sync_payment(intent_id, provider, now)


# The fake provider ---------------------------------------------------------------------------

def settle_fake_payment(user_id: int | None, payment_intent_id: str, outcome: str,
                        provider: PaymentProvider, now: datetime,
                        order_token: str | None = None) -> int:
    """The ``fake`` provider's stand-in for the customer paying (``succeeded``) or being
    declined (``failed``): the fake payment changes, and an event goes into the inbox to be
    applied by the same task, through the same read-back, as a Stripe event. Returns the
    stored event's id. The payer is the order's customer (``user_id``) or, for a guest's
    order, whoever holds its ``order_token``."""
    order = db.session.scalar(sa.select(Order).where(
        Order.payment_intent_id == payment_intent_id,
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
