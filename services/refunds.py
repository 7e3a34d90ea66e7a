"""Refunds: a ledger of money given back on an order, one row per provider refund.

The rules (the contract's "Refunds are a ledger"):

- A row is asked for under the order's row lock (``request_refund``), so concurrent
  requests on one order take turns, and only while succeeded plus pending rows leave room
  within what was captured (``orders.amount_paid``: an edit may lower the total below
  it). The database holds the same line (a trigger on ``refunds``, migrations 0008 and
  0023), so no path that forgets the lock can break it.
- An edited order may hold several payments (its first, and balance payments): each row
  gives back from one of them, never more than it captured.
- A row is confirmed only by its own refund at the provider: the one created with the row's
  idempotency key, found again by its id (``provider_refund_id``) or, when the answer to
  the create was lost, by the row id in its metadata. A running total is never shared out.
- A refund made outside Stockroom (Stripe's dashboard) becomes a row of its own.
- The order's ``amount_refunded`` and ``payment_status`` are derived from the rows.

This module does not move the order's status and sends nothing itself: ``services.payments``
reads the provider, calls ``apply_provider_refunds`` under the order's lock, and moves and
notifies from what it returns.
"""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa

from core import faults
from core.errors import Conflict
from models import BalancePayment, Order, OrderEvent, PaymentStatus, Refund, RefundStatus, db
from services import outbox
from services.payment_providers import PaymentProvider, ProviderRefund, ProviderRefused

OUTSIDE_REASON = "refunded at the provider"
# Stripe's refund statuses, as the ledger keeps them.
PROVIDER_STATUS = {"pending": RefundStatus.PENDING, "requires_action": RefundStatus.PENDING,
                   "succeeded": RefundStatus.SUCCEEDED, "failed": RefundStatus.FAILED,
                   "canceled": RefundStatus.FAILED}


class NotPaid(Conflict):
    error_code = "order_not_paid"


class RefundExceedsPayment(Conflict):
    error_code = "refund_exceeds_payment"


def _rows(order_id: int, lock: bool = False) -> list[Refund]:
    query = sa.select(Refund).where(Refund.order_id == order_id).order_by(Refund.id)
    if lock:
        query = query.with_for_update().execution_options(populate_existing=True)
    return list(db.session.scalars(query))


def _held(rows: list[Refund]) -> int:
    """What the ledger holds against the payments: succeeded and pending rows."""
    return sum(row.amount for row in rows if row.status != RefundStatus.FAILED)


def payment_of(row: Refund, order: Order) -> str | None:
    """The payment a row gives back from (rows from before edits name none: the first)."""
    return row.payment_intent_id or order.payment_intent_id


def captured(order: Order) -> dict[str | None, int]:
    """{payment_intent_id: amount captured} of each payment of a paid order: its first
    payment, then the balance payments of its edits that were paid, oldest first."""
    balances = db.session.execute(
        sa.select(BalancePayment.payment_intent_id, BalancePayment.amount)
        .where(BalancePayment.order_id == order.id, BalancePayment.paid_at.is_not(None))
        .order_by(BalancePayment.id)).all()
    payments = {order.payment_intent_id: order.amount_paid - sum(b.amount for b in balances)}
    payments.update({b.payment_intent_id: b.amount for b in balances})
    return payments


def refundable(order: Order) -> int:
    """What is left to refund: what was paid less every refund not failed."""
    return order.amount_paid - _held(_rows(order.id))


def request_refund(order: Order, amount: int | None, reason: str, requested_by_id: int | None,
                   now: datetime, payment_intent_id: str | None = None) -> Refund:
    """Record a refund of ``amount`` (default: all that is left) on a paid order, which the
    caller has locked; a task submits it to the provider after the commit. 409 when the
    order was not paid or the amount is more than is left. Returns the ledger's row.

    An edited order may hold several payments (its first and its balance payments): the
    amount is given back from the newest first, one row per payment, the later rows
    ``part_of`` the one returned. ``payment_intent_id`` takes it from that payment only
    (a balance paid after it was replaced)."""
    faults.step("refund.order_locked")
    if order.paid_at is None:
        raise NotPaid("This order has no payment to refund.")
    rows = _rows(order.id, lock=True)
    left = order.amount_paid - _held(rows)
    rooms = {intent: paid - _held([row for row in rows if payment_of(row, order) == intent])
             for intent, paid in captured(order).items()}
    if payment_intent_id is not None:
        left = min(left, rooms.get(payment_intent_id, 0))
        rooms = {payment_intent_id: left}
    amount = left if amount is None else amount
    if left <= 0:
        raise RefundExceedsPayment("This order is already refunded in full.")
    if amount > left:
        raise RefundExceedsPayment(f"At most {left} can still be refunded.",
                                   errors={"amount": [f"Must be at most {left}."]})
    head: Refund | None = None
    taken = 0
    for intent, room in reversed(rooms.items()):
        part = min(room, amount - taken)
        if part <= 0:
            continue
        taken += part
        refund = Refund(order_id=order.id, amount=part, currency=order.currency, reason=reason,
                        requested_by_id=requested_by_id, created_at=now, updated_at=now,
                        status=RefundStatus.PENDING.value, payment_intent_id=intent,
                        part_of_id=head.id if head else None)
        db.session.add(refund)
        db.session.flush()
        head = head or refund
        outbox.record_event("refund.requested", "order", order.id,
                            {"refund_id": refund.id, "order_id": order.id, "amount": part})
    order.payment_status = PaymentStatus.REFUND_PENDING
    db.session.flush()
    return head


def request_settled(head_id: int) -> bool:
    """Whether every row of a request (the row and its parts) has succeeded."""
    statuses = db.session.scalars(sa.select(Refund.status).where(
        sa.or_(Refund.id == head_id, Refund.part_of_id == head_id))).all()
    return bool(statuses) and all(status == RefundStatus.SUCCEEDED for status in statuses)


def submit_refund(refund_id: int, provider: PaymentProvider, now: datetime) -> str | None:
    """Send a pending refund to the provider (its idempotency key is the row's, so a second
    send is the same refund). Returns the payment to read back afterwards: also when the
    refund was sent before but is not confirmed yet, so that a task retried after a failed
    read-back reads back again. None when there is nothing to do. A refusal marks the row
    failed; ``ProviderUnavailable`` propagates (the task retries)."""
    refund = db.session.get(Refund, refund_id)
    if refund is None or refund.status != RefundStatus.PENDING:
        return None
    order = db.session.get(Order, refund.order_id)
    intent_id = payment_of(refund, order)
    if refund.provider_refund_id is not None:
        return intent_id
    amount, key = refund.amount, refund.refund_key
    metadata = {"order_id": str(order.id), "refund_id": str(refund.id)}
    # Commit before the call: no row lock is held across the network.
    db.session.commit()
    faults.step("refund.sending")
    try:
        result = provider.refund(intent_id, amount, key, metadata)
    except ProviderRefused as refused:
        order = db.session.scalar(sa.select(Order).where(Order.id == refund.order_id)
                                  .with_for_update().execution_options(populate_existing=True))
        refund = db.session.scalar(sa.select(Refund).where(Refund.id == refund_id)
                                   .with_for_update().execution_options(populate_existing=True))
        if refund.status == RefundStatus.PENDING and refund.provider_refund_id is None:
            refund.status, refund.failure_reason = RefundStatus.FAILED, str(refused)[:500]
            refund.updated_at = now
            db.session.flush()
            derive_payment_status(order)
            order.timeline.append(OrderEvent(status=order.status, at=now,
                                             note=f"refund of {amount} failed: {refused}"[:500]))
            db.session.flush()
        return None
    faults.step("refund.sent")
    refund = db.session.scalar(sa.select(Refund).where(Refund.id == refund_id)
                               .with_for_update().execution_options(populate_existing=True))
    if refund.provider_refund_id is None:
        refund.provider_refund_id = result.refund_id
        refund.updated_at = now
        db.session.flush()
    return intent_id


def apply_provider_refunds(order: Order, refunds: tuple[ProviderRefund, ...], now: datetime,
                           payment_intent_id: str | None = None) -> list[Refund]:
    """Bring the ledger of a locked ``order`` up to the provider's refunds of one of its
    payments (its first unless ``payment_intent_id`` names a balance payment); returns the
    rows confirmed by this call (for the timeline and the customer's email).

    Each provider refund confirms (or fails) only its own row; one with no row here was made
    outside Stockroom and gets one. Unsent pending rows that no longer fit beside what the
    provider refunded (the dashboard refunded the rest meanwhile) can never succeed there,
    and are marked failed. Then ``amount_refunded`` and ``payment_status`` are derived.
    """
    payment_intent_id = payment_intent_id or order.payment_intent_id
    rows = _rows(order.id, lock=True)
    by_provider_id = {row.provider_refund_id: row for row in rows if row.provider_refund_id}
    by_id = {row.id: row for row in rows}
    outside: list[ProviderRefund] = []
    confirmed: list[Refund] = []
    for refund in refunds:
        row = by_provider_id.get(refund.refund_id)
        if row is None and refund.ours in by_id and by_id[refund.ours].provider_refund_id is None:
            # The create answered, but the answer never reached the row.
            row = by_id[refund.ours]
            row.provider_refund_id = refund.refund_id
            by_provider_id[refund.refund_id] = row
        if row is None:
            outside.append(refund)
        elif _follow(row, refund, now):
            confirmed.append(row)
    if outside:
        at_provider = sum(r.amount for r in refunds
                          if PROVIDER_STATUS.get(r.status) != RefundStatus.FAILED)
        paid = captured(order).get(payment_intent_id, 0)
        _fail_unsent_beyond([row for row in rows if payment_of(row, order) == payment_intent_id],
                            paid - at_provider, now)
        for refund in outside:
            status = PROVIDER_STATUS.get(refund.status, RefundStatus.PENDING)
            row = Refund(order_id=order.id, amount=refund.amount, currency=order.currency,
                         reason=OUTSIDE_REASON, status=status.value,
                         payment_intent_id=payment_intent_id,
                         provider_refund_id=refund.refund_id, created_at=now, updated_at=now)
            db.session.add(row)
            db.session.flush()
            rows.append(row)
            if status == RefundStatus.SUCCEEDED:
                confirmed.append(row)
    db.session.flush()
    derive_payment_status(order, rows)
    return confirmed


def _follow(row: Refund, refund: ProviderRefund, now: datetime) -> bool:
    """Move ``row`` to its provider refund's status; True when that confirms it."""
    status = PROVIDER_STATUS.get(refund.status, RefundStatus.PENDING)
    if status == row.status or status == RefundStatus.PENDING:
        return False
    confirmed = status == RefundStatus.SUCCEEDED
    row.status = status.value
    if status == RefundStatus.FAILED:
        row.failure_reason = refund.failure_reason or "failed at the provider"
    row.updated_at = now
    return confirmed


def _fail_unsent_beyond(rows: list[Refund], room: int, now: datetime) -> None:
    """Mark failed, newest first, the rows never sent to the provider that do not fit in
    ``room`` (what the provider has not refunded)."""
    unsent = [row for row in rows
              if row.status == RefundStatus.PENDING and row.provider_refund_id is None]
    held = sum(row.amount for row in unsent)
    for row in reversed(unsent):
        if held <= room:
            break
        row.status = RefundStatus.FAILED.value
        row.failure_reason = "the payment was refunded at the provider meanwhile"
        row.updated_at = now
        held -= row.amount


def derive_payment_status(order: Order, rows: list[Refund] | None = None) -> None:
    """Set the order's ``amount_refunded`` and ``payment_status`` from its ledger."""
    rows = _rows(order.id) if rows is None else rows
    order.amount_refunded = sum(row.amount for row in rows
                                if row.status == RefundStatus.SUCCEEDED)
    if order.paid_at is None:
        return
    if any(row.status == RefundStatus.PENDING for row in rows):
        order.payment_status = PaymentStatus.REFUND_PENDING
    elif order.amount_refunded >= order.amount_paid:
        order.payment_status = PaymentStatus.REFUNDED
    elif order.amount_refunded > 0:
        order.payment_status = PaymentStatus.PARTIALLY_REFUNDED
    else:
        order.payment_status = PaymentStatus.SUCCEEDED
