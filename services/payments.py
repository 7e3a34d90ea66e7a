"""Payments: starting one for an order, and moving orders from what the provider says (the
inbox of provider events: ``services.payment_inbox``; refunds: ``services.refunds``; hosted
Checkout Sessions: ``services.checkout_sessions``; the repairs beat runs:
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

import logging
from datetime import datetime

import sqlalchemy as sa

from core import faults
from core.errors import Conflict
from models import (
    BalancePayment,
    CancelledBy,
    Order,
    OrderAllocation,
    OrderEdit,
    OrderEvent,
    OrderStatus,
    PaymentStatus,
    Product,
    Refund,
    db,
)
from services import (
    balance_payments,
    discounts,
    inventory,
    orders,
    outbox,
    refunds,
    returns,
    tax_transactions,
    transactions,
)
from services.payment_providers import (
    PaymentIntent,
    PaymentProvider,
    PaymentState,
    ProviderRefused,
)

log = logging.getLogger(__name__)

S = OrderStatus
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


# Moving orders from the provider's state ------------------------------------------------------

def sync_payment(payment_intent_id: str, provider: PaymentProvider, now: datetime) -> list[str]:
    """Read the payment back from the provider and bring its order up to date; returns what
    changed (empty when nothing did). Ends the current transaction first."""
    end_transaction()
    state = provider.retrieve_payment(payment_intent_id)
    faults.step("payment.read_back")
    return sync_state(state, now)


def sync_state(state: PaymentState, now: datetime) -> list[str]:
    """Bring the order of a payment read back (its first payment, or the balance payment
    of an edit) up to date with it; returns what changed."""
    balance = balance_payments.balance_of(state)
    if balance is None:
        order = order_of(state)
        return sync_order(order, state, now) if order is not None else []
    order, changes = balance_payments.sync_balance(balance.id, state, now, _balance_order)
    if db.session.get(BalancePayment, balance.id).paid_at is not None:
        confirmed = refunds.apply_provider_refunds(order, state.refunds, now,
                                                   state.payment_intent_id)
        if confirmed:
            _refunds_confirmed(order, confirmed, now)
            changes.append("refunded")
    db.session.flush()
    return changes


def _balance_order(balance_id: int) -> Order:
    order_id = db.session.scalar(sa.select(BalancePayment.order_id)
                                 .where(BalancePayment.id == balance_id))
    return orders.find_order(Order.id == order_id, lock=True)


def _edited(order: Order) -> bool:
    return db.session.scalar(sa.select(sa.exists().where(OrderEdit.order_id == order.id)))


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
        # An edit changes an unpaid order's total, and its payment's amount after the
        # commit: a payment made in between is for the total before. It is taken, and the
        # difference settled as an edit of a paid order settles it.
        if state.currency != order.currency or (state.amount != order.total
                                                and not _edited(order)):
            log.error("payment %s is for %s %s, order %s for %s %s: not applied",
                      state.payment_intent_id, state.amount, state.currency, order.number,
                      order.total, order.currency)
            return ["amount_mismatch"]
        if order.status == S.PENDING_PAYMENT:
            _mark_paid(order, now, "payment succeeded", state.amount)
            changes.append("paid")
        elif order.status == S.CANCELLED:
            changes.append(_late_payment(order, now, state.amount))
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
        tax_transactions.request_reversal(order, refund)
    returns.refunds_confirmed(order, confirmed, now)
    if order.amount_refunded >= order.amount_paid and order.status in orders.PAID_STATUSES:
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


def _mark_paid(order: Order, now: datetime, note: str, amount: int) -> None:
    order.payment_status = PaymentStatus.SUCCEEDED
    order.paid_at, order.amount_paid = now, amount
    order.reservation_expires_at = None
    inventory.commit_stock(inventory.order_allocations(order))
    _count_sales(order)
    orders.transition(order, S.PAID, now, note)
    orders.notify(order, "order_confirmed")
    tax_transactions.request_transaction(order)
    _settle_edited_total(order, now)


def _settle_edited_total(order: Order, now: datetime) -> None:
    """A payment for an edited order's total before the edit: the rest is asked as a
    balance, or the excess refunded."""
    if order.amount_paid != order.total:
        balance_payments.settle_difference(
            order, order.total - order.amount_paid, now,
            "the payment was for the total before an edit")
        order.timeline.append(OrderEvent(
            status=order.status, at=now,
            note=f"paid {order.amount_paid} for a total of {order.total} (edited meanwhile)"))


def _late_payment(order: Order, now: datetime, amount: int) -> str:
    """A payment that succeeded after its order was cancelled. A person cancelled it (the
    customer, an admin): it stays cancelled and the payment is refunded in full. It expired,
    or the provider cancelled it: sell the stock again if there is enough, else refund in
    full."""
    why = None
    if order.cancelled_by in (CancelledBy.CUSTOMER, CancelledBy.ADMIN):
        why = f"payment arrived after the order was cancelled by the {order.cancelled_by}"
    else:
        try:
            held = inventory.reserve_stock(order.stock_lines())
        except inventory.OutOfStock as short:
            why = ("payment arrived after the order was cancelled and the stock was gone "
                   f"({short.errors['lines']})")
    if why is not None:
        order.paid_at, order.amount_paid = now, amount
        order.payment_status = PaymentStatus.SUCCEEDED
        refunds.request_refund(order, None, why[:200], None, now)
        order.timeline.append(OrderEvent(status=order.status, at=now,
                                         note=f"{why}; refunded in full"[:500]))
        return "late_payment_refunded"
    order.payment_status = PaymentStatus.SUCCEEDED
    order.paid_at, order.amount_paid = now, amount
    # Taken again, maybe from other locations than the first time (the old rows go first:
    # the new may repeat their keys).
    order.allocations.clear()
    db.session.flush()
    order.allocations.extend(OrderAllocation(variant_id=a.variant_id, location_id=a.location_id,
                                             quantity=a.quantity) for a in held)
    db.session.flush()
    inventory.commit_stock(held)
    discounts.take_use_again(order.id, order.discount_id, order.user_id, now)
    _count_sales(order)
    orders.transition(order, S.PAID, now,
                      "payment arrived after cancellation; stock taken again",
                      system=True)
    orders.notify(order, "order_confirmed")
    tax_transactions.request_transaction(order)
    _settle_edited_total(order, now)
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
