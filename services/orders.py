"""Orders and their state machine. Every status change goes through ``transition``, which
refuses an illegal move (409), records the timeline and the ``order.status_changed`` event.
"""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import selectinload

from core import faults
from core.errors import Conflict, NotFound
from models import CancelledBy, Order, OrderEvent, OrderStatus, PaymentStatus, db
from services import balance_payments, discounts, inventory, outbox, refunds

S = OrderStatus
TRANSITIONS: dict[str, frozenset[str]] = {
    S.PENDING_PAYMENT: frozenset({S.PAID, S.CANCELLED}),
    S.PAID: frozenset({S.PROCESSING, S.PARTIALLY_SHIPPED, S.SHIPPED, S.CANCELLED,
                       S.REFUNDED}),
    S.PROCESSING: frozenset({S.PARTIALLY_SHIPPED, S.SHIPPED, S.REFUNDED}),
    # Shipments move these (services.shipments): the order is shipped once nothing is left.
    S.PARTIALLY_SHIPPED: frozenset({S.SHIPPED, S.REFUNDED}),
    S.SHIPPED: frozenset({S.DELIVERED, S.REFUNDED}),
    S.DELIVERED: frozenset({S.REFUNDED}),
    S.CANCELLED: frozenset(),
    S.REFUNDED: frozenset(),
}
# Moves only the payment's own state may cause, never a person: a payment that succeeded
# after its order was cancelled revives it when the stock is still there.
SYSTEM_TRANSITIONS: dict[str, frozenset[str]] = {S.CANCELLED: frozenset({S.PAID})}
# The statuses of an order whose payment was taken and not given back.
PAID_STATUSES = frozenset({S.PAID, S.PROCESSING, S.PARTIALLY_SHIPPED, S.SHIPPED,
                           S.DELIVERED})


class OrderNotFound(NotFound):
    error_code = "order_not_found"


class InvalidTransition(Conflict):
    error_code = "invalid_order_transition"


def status_event(order: Order, old: str | None, new: str) -> None:
    outbox.record_event("order.status_changed", "order", order.id, {
        "order_id": order.id, "number": order.number, "user_id": order.user_id,
        "old_status": old, "new_status": new, "payment_status": order.payment_status,
        "total": order.total, "currency": order.currency})


def notify(order: Order, kind: str, **extra) -> None:
    """``user.notification`` for the customer (``notify_user``, and the matching email):
    order_confirmed, order_shipped, order_delivered, order_refunded, order_edited."""
    outbox.record_event("user.notification", "order", order.id, {
        "kind": kind, "user_id": order.user_id, "order_id": order.id, "number": order.number,
        "status": order.status, "total": order.total, "currency": order.currency, **extra})


def transition(order: Order, new: str, now: datetime, note: str | None = None, *,
               system: bool = False) -> None:
    """Move ``order`` to ``new``; raises ``InvalidTransition`` (409) for any other move."""
    old = order.status
    allowed = TRANSITIONS[old] | (SYSTEM_TRANSITIONS.get(old, frozenset()) if system
                                  else frozenset())
    if new not in allowed:
        raise InvalidTransition(f"An order cannot go from {old} to {new}.")
    order.status = new
    order.timeline.append(OrderEvent(status=new, note=note, at=now))
    db.session.flush()
    status_event(order, old, new)
    # Shipping emails are the shipments' own (services.shipments), one per parcel.
    if new == S.DELIVERED:
        notify(order, "order_delivered")


def find_order(*where, lock: bool = False) -> Order | None:
    """The order matching ``where`` with its lines and timeline, locked if asked; or None."""
    query = (sa.select(Order).where(*where)
             .options(selectinload(Order.items), selectinload(Order.timeline),
                      selectinload(Order.shipments), selectinload(Order.balance_payments)))
    if lock:
        query = query.with_for_update(of=Order).execution_options(populate_existing=True)
    return db.session.scalar(query)


def _one_order(*where, lock: bool) -> Order:
    order = find_order(*where, lock=lock)
    if order is None:
        raise OrderNotFound("Order not found.")
    return order


def customer_order(user_id: int, order_id: int, *, lock: bool = False) -> Order:
    """The customer's own order; another customer's is "not found", like a missing one."""
    return _one_order(Order.id == order_id, Order.user_id == user_id, lock=lock)


def get_order(order_id: int, *, lock: bool = False) -> Order:
    """Any order, for the back office."""
    return _one_order(Order.id == order_id, lock=lock)


def customer_orders(user_id: int) -> sa.Select:
    return (sa.select(Order).where(Order.user_id == user_id)
            .options(selectinload(Order.items), selectinload(Order.timeline),
                     selectinload(Order.balance_payments))
            .order_by(Order.created_at.desc(), Order.id.desc()))


def request_payment_cancel(order: Order) -> None:
    """After the commit, a task cancels the order's payment at the provider (never inside
    this transaction: it is a network call)."""
    if order.payment_intent_id is not None or order.checkout_session_id is not None:
        outbox.record_event("payment.cancel_requested", "order", order.id,
                            {"order_id": order.id, "payment_intent_id": order.payment_intent_id,
                             "checkout_session_id": order.checkout_session_id})


def cancel_order(user_id: int, order_id: int, now: datetime) -> Order:
    """Cancel the customer's order at once (``cancel_by_customer``)."""
    return cancel_by_customer(customer_order(user_id, order_id, lock=True), now)


def cancel_by_customer(order: Order, now: datetime) -> Order:
    """Cancel a locked order at its customer's (or guest's) request, at once: an unpaid
    order releases its reservation and its payment is cancelled; a paid one puts its stock
    back on hand and is refunded in full (``refund_pending`` until the provider confirms).
    409 from ``processing`` on."""
    cancel(order, now, "cancelled by the customer", CancelledBy.CUSTOMER)
    db.session.flush()
    return order


def cancel_unpaid(order: Order, now: datetime, why: str, by: CancelledBy) -> None:
    """Cancel a locked, unpaid order: its reservation and its discount use come back, and
    (unless the provider cancelled it) its payment is cancelled at the provider."""
    transition(order, S.CANCELLED, now, why)
    inventory.release_stock(inventory.order_allocations(order))
    discounts.give_back_use(order.id)
    order.payment_status = PaymentStatus.CANCELLED
    order.reservation_expires_at = None
    order.cancelled_by = by.value
    if by != CancelledBy.PROVIDER:
        request_payment_cancel(order)


def cancel(order: Order, now: datetime, why: str, by: CancelledBy) -> None:
    if order.status == S.PENDING_PAYMENT:
        cancel_unpaid(order, now, why, by)
    elif order.status == S.PAID:
        transition(order, S.CANCELLED, now, f"{why}; full refund")
        order.cancelled_by = by.value
        inventory.restock(inventory.order_allocations(order))
        # What an edit still asked for is no longer owed; what was paid comes back.
        balance_payments.cancel_pending(order, now)
        refunds.request_refund(order, None, why, None, now)
    else:
        raise InvalidTransition(f"An order that is {order.status} can no longer be cancelled.")


def expire_reservations(now: datetime, limit: int = 200) -> int:
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
    faults.step("expiry.orders_locked")
    expired = 0
    for order in orders:
        if order.status != S.PENDING_PAYMENT:
            continue
        cancel_unpaid(order, now, "reservation expired", CancelledBy.EXPIRY)
        expired += 1
    db.session.flush()
    return expired


# The back office ------------------------------------------------------------------------------

class StatusSetByPayments(Conflict):
    error_code = "status_set_by_payments"


def admin_order_listing(status: str | None, created_from: datetime | None,
                        created_to: datetime | None, q: str | None,
                        user_id: int | None = None) -> sa.Select:
    """Every order, newest first, filtered: ``created_to`` is exclusive (the caller turns an
    inclusive date into the next day's start); ``q`` matches the number or the email;
    ``user_id`` keeps one customer's."""
    query = (sa.select(Order).options(selectinload(Order.items), selectinload(Order.timeline),
                                      selectinload(Order.balance_payments))
             .order_by(Order.created_at.desc(), Order.id.desc()))
    if user_id is not None:
        query = query.where(Order.user_id == user_id)
    if status:
        query = query.where(Order.status == status)
    if created_from is not None:
        query = query.where(Order.created_at >= created_from)
    if created_to is not None:
        query = query.where(Order.created_at < created_to)
    if q:
        needle = q.strip().lower()
        query = query.where(sa.or_(sa.func.lower(Order.number) == needle,
                                   sa.func.lower(Order.number).startswith(needle,
                                                                          autoescape=True),
                                   Order.email.contains(needle, autoescape=True)))
    return query


def seller_order_lines(seller_id: int) -> sa.Select:
    """The order lines of a seller's own products, newest first, with their order."""
    from models import OrderItem, Product

    return (sa.select(OrderItem, Order)
            .join(Order, Order.id == OrderItem.order_id)
            .join(Product, Product.id == OrderItem.product_id)
            .where(Product.seller_id == seller_id)
            .order_by(Order.created_at.desc(), OrderItem.id.desc()))


def paid_totals(*conditions) -> list[dict]:
    """What the paid orders matching ``conditions`` brought in, per currency (an order is
    in one): how many, their totals less what was refunded, and their discounts."""
    rows = db.session.execute(
        sa.select(Order.currency, sa.func.count(),
                  sa.func.coalesce(sa.func.sum(Order.amount_paid - Order.amount_refunded), 0),
                  sa.func.coalesce(sa.func.sum(Order.discount_total), 0))
        .where(Order.paid_at.is_not(None), *conditions)
        .group_by(Order.currency).order_by(Order.currency))
    return [{"currency": currency, "orders": int(count), "amount": int(amount),
             "discounted": int(discounted)} for currency, count, amount, discounted in rows]


def customer_summary(user_id: int, last: int = 5) -> dict:
    """A customer seen from the back office: how many orders, what they spent (per
    currency, refunds taken off), and their ``last`` orders."""
    count = db.session.scalar(sa.select(sa.func.count()).select_from(Order)
                              .where(Order.user_id == user_id))
    latest = db.session.scalars(sa.select(Order).where(Order.user_id == user_id)
                                .order_by(Order.created_at.desc(), Order.id.desc()).limit(last))
    return {"order_count": count,
            "total_spent": [{"currency": row["currency"], "amount": row["amount"]}
                            for row in paid_totals(Order.user_id == user_id)],
            "last_orders": list(latest)}


def discount_figures(discount_id: int) -> dict:
    """A discount code seen from the back office: the paid orders that used it, their
    revenue and what the code took off them, per currency."""
    totals = paid_totals(Order.discount_id == discount_id)
    return {"paid_orders": sum(row["orders"] for row in totals),
            "revenue": [{"currency": row["currency"], "amount": row["amount"]}
                        for row in totals],
            "discounted": [{"currency": row["currency"], "amount": row["discounted"]}
                           for row in totals]}
