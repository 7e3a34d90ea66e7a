"""Balance payments: what a paid order still owes after an edit raised its total, paid
through a PaymentIntent of its own, and what an edit that lowered it gives back.

The rules:

- A change of a paid order's total is settled under the order's row lock
  (``settle_difference``): a fall is refunded through the ledger; a rise becomes one
  pending ``BalancePayment``. A later edit replaces the pending one by one for the whole
  amount then owed (or a refund, if the order now owes less than nothing).
- The PaymentIntent is created after the commit by a task (or by the customer's request
  for it, whichever comes first), with the row's idempotency key: one per row at the
  provider, however often either runs.
- A balance moves only from its payment as the provider holds it now (the inbox reads it
  back, ``services.payments`` routes it here). A balance paid after it was replaced, or
  after its order was cancelled, is refunded in full from that payment.
"""

from __future__ import annotations

import logging
from datetime import datetime

import sqlalchemy as sa

from core import faults
from core.errors import Conflict
from models import (
    BalancePayment,
    BalanceStatus,
    Order,
    OrderEvent,
    OrderStatus,
    Refund,
    db,
)
from services import outbox, refunds
from services.payment_providers import (
    PaymentIntent,
    PaymentProvider,
    PaymentState,
    ProviderRefused,
)

log = logging.getLogger(__name__)

S = OrderStatus
# Paid, and its money not all given back: a balance can still be owed or settled.
OWING_STATUSES = frozenset({S.PAID, S.PROCESSING, S.PARTIALLY_SHIPPED, S.SHIPPED,
                            S.DELIVERED})


class NoBalanceDue(Conflict):
    error_code = "no_balance_due"


def pending_balance(order_id: int, lock: bool = False) -> BalancePayment | None:
    query = sa.select(BalancePayment).where(BalancePayment.order_id == order_id,
                                            BalancePayment.status == BalanceStatus.PENDING)
    if lock:
        query = query.with_for_update().execution_options(populate_existing=True)
    return db.session.scalar(query)


def balances_of(order_id: int) -> list[BalancePayment]:
    return list(db.session.scalars(sa.select(BalancePayment)
                                   .where(BalancePayment.order_id == order_id)
                                   .order_by(BalancePayment.id)))


def cancel_pending(order: Order, now: datetime) -> BalancePayment | None:
    """Cancel the locked order's pending balance, if any: its payment is cancelled at the
    provider after the commit (a payment that succeeds meanwhile is refunded)."""
    balance = pending_balance(order.id, lock=True)
    if balance is None:
        return None
    balance.status, balance.updated_at = BalanceStatus.CANCELLED.value, now
    order.balance_due = 0
    db.session.flush()
    if balance.payment_intent_id is not None:
        outbox.record_event("balance_payment.cancel_requested", "order", order.id,
                            {"order_id": order.id, "balance_payment_id": balance.id})
    return balance


def settle_difference(order: Order, change: int, now: datetime, reason: str,
                      requested_by_id: int | None = None
                      ) -> tuple[Refund | None, BalancePayment | None]:
    """Settle a move of ``change`` in a paid, locked order's total: together with the
    pending balance (replaced), what is owed is asked as a new balance payment, or what is
    owed back is refunded (at most what is left to refund). Returns the refund or the
    balance made."""
    replaced = cancel_pending(order, now)
    owed = change + (replaced.amount if replaced is not None else 0)
    if owed > 0:
        balance = BalancePayment(order_id=order.id, amount=owed, currency=order.currency,
                                 status=BalanceStatus.PENDING.value, created_at=now,
                                 updated_at=now)
        db.session.add(balance)
        db.session.flush()
        order.balance_due = owed
        outbox.record_event("balance_payment.requested", "order", order.id,
                            {"order_id": order.id, "balance_payment_id": balance.id,
                             "amount": owed, "currency": order.currency})
        return None, balance
    back = min(-owed, refunds.refundable(order))
    if back > 0:
        return refunds.request_refund(order, back, reason[:200], requested_by_id, now), None
    return None, None


# The balance's PaymentIntent ----------------------------------------------------------------

def ensure_payment(balance_id: int, provider: PaymentProvider) -> PaymentIntent | None:
    """Create (or find again) the balance's PaymentIntent and record its id; None when the
    balance is no longer pending and never got one. Commits before the provider call."""
    balance = db.session.get(BalancePayment, balance_id)
    if balance is None:
        return None
    known = balance.payment_intent_id
    if known is None and balance.status != BalanceStatus.PENDING:
        return None
    order = db.session.get(Order, balance.order_id)
    args = {"order_id": order.id, "order_number": order.number, "amount": balance.amount,
            "currency": balance.currency, "idempotency_key": balance.idempotency_key,
            "balance_payment_id": balance.id}
    db.session.commit()
    if known is not None:
        state = provider.retrieve_payment(known)
        return PaymentIntent(provider.name, known, state.client_secret or "")
    payment = provider.create_payment(**args)
    faults.step("balance_payment.created")
    balance = db.session.scalar(sa.select(BalancePayment).where(BalancePayment.id == balance_id)
                                .with_for_update().execution_options(populate_existing=True))
    if balance.payment_intent_id is None:
        balance.payment_intent_id = payment.payment_intent_id
        if balance.status == BalanceStatus.CANCELLED:
            # Replaced while its payment was being made: close that payment too.
            outbox.record_event("balance_payment.cancel_requested", "order", order.id,
                                {"order_id": order.id, "balance_payment_id": balance.id})
        db.session.flush()
    return payment


def payment_for_customer(order: Order, provider: PaymentProvider) -> tuple[BalancePayment,
                                                                           PaymentIntent]:
    """The pending balance of the caller's order and its payment, for the storefront to
    confirm (409 ``no_balance_due`` when nothing is owed)."""
    balance = pending_balance(order.id)
    if balance is None:
        raise NoBalanceDue("This order owes nothing.")
    payment = ensure_payment(balance.id, provider)
    if payment is None:
        raise NoBalanceDue("This order owes nothing.")
    return db.session.get(BalancePayment, balance.id), payment


def cancel_payment(balance_id: int, provider: PaymentProvider) -> str | None:
    """Cancel a replaced balance's payment at the provider; returns the payment to read
    back (a payment that succeeded meanwhile is then refunded), or None."""
    balance = db.session.get(BalancePayment, balance_id)
    if balance is None or balance.payment_intent_id is None \
            or balance.status != BalanceStatus.CANCELLED:
        return None
    intent_id = balance.payment_intent_id
    db.session.commit()
    try:
        provider.cancel_payment(intent_id, f"stockroom-balance-{balance_id}-cancel")
    except ProviderRefused as refused:
        log.info("balance payment %s not cancelled: %s", intent_id, refused)
    return intent_id


# Moving balances from the provider's state ----------------------------------------------------

def balance_of(state: PaymentState) -> BalancePayment | None:
    """The balance a payment is for, by the balance id its metadata carries (every balance
    PaymentIntent is made with it); None for an order's first payment, at no query."""
    if state.balance_payment_id is None:
        return None
    return db.session.get(BalancePayment, state.balance_payment_id)


def sync_balance(balance_id: int, state: PaymentState, now: datetime,
                 lock_order) -> tuple[Order, list[str]]:
    """Move a balance (and its order, locked by ``lock_order``: the order's lock first,
    as every payment path takes it) forward to agree with ``state``; never backward."""
    order = lock_order(balance_id)
    balance = db.session.scalar(sa.select(BalancePayment).where(BalancePayment.id == balance_id)
                                .with_for_update().execution_options(populate_existing=True))
    if balance.payment_intent_id is None:
        balance.payment_intent_id = state.payment_intent_id
    changes: list[str] = []
    if state.status == "succeeded" and balance.paid_at is None:
        if state.amount != balance.amount or state.currency != balance.currency:
            log.error("payment %s is for %s %s, balance %s for %s %s: not applied",
                      state.payment_intent_id, state.amount, state.currency, balance.id,
                      balance.amount, balance.currency)
            return order, ["amount_mismatch"]
        balance.paid_at, balance.updated_at = now, now
        order.amount_paid += balance.amount
        if balance.status == BalanceStatus.PENDING and order.status in OWING_STATUSES:
            balance.status = BalanceStatus.SUCCEEDED.value
            order.balance_due = 0
            order.timeline.append(OrderEvent(status=order.status, at=now,
                                             note=f"balance of {balance.amount} paid"))
            outbox.record_event("order.balance_paid", "order", order.id, {
                "order_id": order.id, "user_id": order.user_id,
                "balance_payment_id": balance.id, "amount": balance.amount,
                "currency": balance.currency})
            refunds.derive_payment_status(order)
            changes.append("balance_paid")
        else:
            why = ("balance paid after the order was cancelled"
                   if order.status in (S.CANCELLED, S.REFUNDED)
                   else "balance paid after a later edit replaced it")
            if balance.status == BalanceStatus.PENDING:
                balance.status = BalanceStatus.CANCELLED.value
                order.balance_due = 0
            refunds.request_refund(order, balance.amount, why, None, now,
                                   payment_intent_id=balance.payment_intent_id)
            order.timeline.append(OrderEvent(status=order.status, at=now,
                                             note=f"{why}; {balance.amount} refunded"))
            changes.append("late_balance_refunded")
    elif state.status == "canceled" and balance.status == BalanceStatus.PENDING:
        # Cancelled at the provider, not by us: an operator's decision that it is no
        # longer asked for.
        balance.status, balance.updated_at = BalanceStatus.CANCELLED.value, now
        order.balance_due = 0
        order.timeline.append(OrderEvent(
            status=order.status, at=now,
            note=f"balance payment of {balance.amount} cancelled at the provider"))
        changes.append("balance_cancelled")
    db.session.flush()
    return order, changes
