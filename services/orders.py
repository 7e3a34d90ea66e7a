"""Orders and their state machine. Every status change goes through ``transition``, which
refuses an illegal move (409), records the timeline and the ``order.status_changed`` event.
"""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import selectinload

from core.errors import Conflict, NotFound
from models import Order, OrderEvent, OrderStatus, PaymentStatus, db
from services import inventory, outbox
from services.payments import PaymentProvider

S = OrderStatus
TRANSITIONS: dict[str, frozenset[str]] = {
    S.PENDING_PAYMENT: frozenset({S.PAID, S.CANCELLED}),
    S.PAID: frozenset({S.PROCESSING, S.CANCELLED, S.REFUNDED}),
    S.PROCESSING: frozenset({S.SHIPPED, S.REFUNDED}),
    S.SHIPPED: frozenset({S.DELIVERED, S.REFUNDED}),
    S.DELIVERED: frozenset({S.REFUNDED}),
    S.CANCELLED: frozenset(),
    S.REFUNDED: frozenset(),
}


class OrderNotFound(NotFound):
    error_code = "order_not_found"


class InvalidTransition(Conflict):
    error_code = "invalid_order_transition"


def status_event(order: Order, old: str | None, new: str) -> None:
    outbox.record_event("order.status_changed", "order", order.id, {
        "order_id": order.id, "number": order.number, "user_id": order.user_id,
        "old_status": old, "new_status": new, "payment_status": order.payment_status,
        "total": order.total, "currency": order.currency})


def transition(order: Order, new: str, now: datetime, note: str | None = None) -> None:
    """Move ``order`` to ``new``; raises ``InvalidTransition`` (409) for any other move."""
    old = order.status
    if new not in TRANSITIONS[old]:
        raise InvalidTransition(f"An order cannot go from {old} to {new}.")
    order.status = new
    order.timeline.append(OrderEvent(status=new, note=note, at=now))
    db.session.flush()
    status_event(order, old, new)


def customer_order(user_id: int, order_id: int, *, lock: bool = False) -> Order:
    """The customer's own order; another customer's is "not found", like a missing one."""
    query = (sa.select(Order).where(Order.id == order_id, Order.user_id == user_id)
             .options(selectinload(Order.items), selectinload(Order.timeline)))
    if lock:
        query = query.with_for_update(of=Order).execution_options(populate_existing=True)
    order = db.session.scalar(query)
    if order is None:
        raise OrderNotFound("Order not found.")
    return order


def customer_orders(user_id: int) -> sa.Select:
    return (sa.select(Order).where(Order.user_id == user_id)
            .options(selectinload(Order.items), selectinload(Order.timeline))
            .order_by(Order.created_at.desc(), Order.id.desc()))


def cancel_order(user_id: int, order_id: int, provider: PaymentProvider, now: datetime) -> Order:
    """Cancel at once: an unpaid order releases its reservation and its payment; a paid one
    puts its stock back on hand and is refunded in full (``refund_pending`` until the
    provider confirms). 409 from ``processing`` on."""
    order = customer_order(user_id, order_id, lock=True)
    if order.status == S.PENDING_PAYMENT:
        transition(order, S.CANCELLED, now, "cancelled by the customer")
        inventory.release_stock(order.stock_lines())
        order.payment_status = PaymentStatus.CANCELLED
        provider.cancel_payment(order.payment_intent_id, f"order-{order.id}-cancel")
    elif order.status == S.PAID:
        transition(order, S.CANCELLED, now, "cancelled by the customer; full refund")
        inventory.restock(order.stock_lines())
        order.payment_status = PaymentStatus.REFUND_PENDING
        provider.refund(order.payment_intent_id, order.total, f"order-{order.id}-cancel-refund")
    else:
        raise InvalidTransition(f"An order that is {order.status} can no longer be cancelled.")
    db.session.flush()
    return order


def expire_reservations(provider: PaymentProvider, now: datetime, limit: int = 200) -> int:
    """Cancel unpaid orders whose hold lapsed and release their stock; returns how many.

    Rows are claimed with ``FOR UPDATE SKIP LOCKED`` and re-checked under the lock, so two
    sweeps that overlap, or a sweep racing a late payment or a cancel, act once.
    """
    orders = db.session.scalars(
        sa.select(Order)
        .where(Order.status == S.PENDING_PAYMENT, Order.reservation_expires_at <= now)
        .order_by(Order.id).limit(limit)
        .with_for_update(skip_locked=True)
        .execution_options(populate_existing=True)
    ).all()
    expired = 0
    for order in orders:
        if order.status != S.PENDING_PAYMENT:
            continue
        transition(order, S.CANCELLED, now, "reservation expired")
        inventory.release_stock(order.stock_lines())
        order.payment_status = PaymentStatus.CANCELLED
        provider.cancel_payment(order.payment_intent_id, f"order-{order.id}-expire")
        expired += 1
    db.session.flush()
    return expired


def apply_payment_succeeded(payment_intent_id: str, now: datetime) -> Order | None:
    """A payment succeeded: the order is paid and its reserved stock is sold. Applying it
    twice, or to an order no longer awaiting payment, changes nothing (the reconciliation
    of late payments comes with the Stripe provider)."""
    order = db.session.scalar(
        sa.select(Order).where(Order.payment_intent_id == payment_intent_id)
        .with_for_update().execution_options(populate_existing=True))
    if order is None or order.status != S.PENDING_PAYMENT:
        return order
    order.payment_status = PaymentStatus.SUCCEEDED
    transition(order, S.PAID, now, "payment succeeded")
    inventory.commit_stock(order.stock_lines())
    order.reservation_expires_at = None
    db.session.flush()
    return order


def apply_payment_failed(payment_intent_id: str, now: datetime) -> Order | None:
    """A payment attempt failed: the order stays ``pending_payment`` so that the customer
    can retry until the reservation lapses."""
    order = db.session.scalar(
        sa.select(Order).where(Order.payment_intent_id == payment_intent_id)
        .with_for_update().execution_options(populate_existing=True))
    if order is not None and order.status == S.PENDING_PAYMENT:
        order.payment_status = PaymentStatus.FAILED
        order.timeline.append(OrderEvent(status=order.status, note="payment failed", at=now))
        db.session.flush()
    return order


def settle_fake_payment(user_id: int, payment_intent_id: str, outcome: str,
                        now: datetime) -> Order:
    """The ``fake`` provider's stand-in for a customer paying: the customer's own payment
    succeeds or fails, applied as a real provider's event would be."""
    order = db.session.scalar(sa.select(Order).where(
        Order.payment_intent_id == payment_intent_id, Order.user_id == user_id,
        Order.payment_provider == "fake"))
    if order is None:
        raise OrderNotFound("Payment not found.")
    apply = apply_payment_succeeded if outcome == "succeeded" else apply_payment_failed
    return apply(payment_intent_id, now)
