"""Stripe Tax's records of a sale (``TAX_PROVIDER=stripe``): a tax transaction made from
the order's calculation once it is paid, and a reversal of it for each refund, so that
Stripe's tax reports hold what was sold and what came back.

Each is asked for through the outbox after the commit that makes it due
(``tax.transaction_requested``, ``tax.reversal_requested``) and done by a task that
reloads, checks whether it is done, calls Stripe with an idempotency key derived from the
order or the refund, and stores the id. A reversal due before its transaction was recorded
records the transaction first.
"""

from __future__ import annotations

import logging

import sqlalchemy as sa

from core import faults
from models import Order, Refund, RefundStatus, db
from services import outbox
from services.payment_providers import ProviderRefused
from services.tax_providers import StripeTax

log = logging.getLogger(__name__)


def request_transaction(order: Order) -> None:
    """The order was paid: its tax transaction is due (nothing without a calculation)."""
    if order.tax_calculation_id is not None:
        outbox.record_event("tax.transaction_requested", "order", order.id,
                            {"order_id": order.id})


def request_reversal(order: Order, refund: Refund) -> None:
    """A refund of the order was confirmed: its reversal is due."""
    if order.tax_calculation_id is not None:
        outbox.record_event("tax.reversal_requested", "refund", refund.id,
                            {"order_id": order.id, "refund_id": refund.id})


def record_transaction(order_id: int, tax: StripeTax) -> str | None:
    """Record the paid order's tax transaction once; returns its id (None: none due)."""
    order = db.session.get(Order, order_id)
    if order is None or order.tax_calculation_id is None or order.paid_at is None:
        return None
    if order.tax_transaction_id is not None:
        return order.tax_transaction_id
    calculation, number = order.tax_calculation_id, order.number
    db.session.commit()  # no transaction open across the call
    transaction = tax.provider.call(
        tax.provider.client.v1.tax.transactions.create_from_calculation,
        params={"calculation": calculation, "reference": number,
                "metadata": {"order_id": str(order_id)}},
        options={"idempotency_key": f"stockroom-order-{order_id}-tax-transaction"})
    faults.step("tax_transaction.sent")
    db.session.execute(sa.update(Order).where(Order.id == order_id,
                                              Order.tax_transaction_id.is_(None))
                       .values(tax_transaction_id=transaction.id)
                       .execution_options(synchronize_session=False))
    return transaction.id


def reverse_for_refund(refund_id: int, tax: StripeTax) -> str | None:
    """Reverse the refunded amount (tax included, in proportion) of the order's tax
    transaction, once per refund; returns the reversal's id (None: none due)."""
    refund = db.session.get(Refund, refund_id)
    if refund is None or refund.status != RefundStatus.SUCCEEDED:
        return None
    if refund.tax_reversal_id is not None:
        return refund.tax_reversal_id
    order = db.session.get(Order, refund.order_id)
    if order is None or order.tax_calculation_id is None:
        return None
    number, amount = order.number, refund.amount
    original = order.tax_transaction_id or record_transaction(order.id, tax)
    if original is None:
        return None
    db.session.commit()
    try:
        reversal = tax.provider.call(
            tax.provider.client.v1.tax.transactions.create_reversal,
            params={"mode": "partial", "original_transaction": original,
                    "reference": f"{number}-refund-{refund_id}", "flat_amount": -amount,
                    "metadata": {"order_id": str(order.id), "refund_id": str(refund_id)}},
            options={"idempotency_key": f"stockroom-refund-{refund_id}-tax-reversal"})
    except ProviderRefused as refused:
        log.error("tax reversal of refund %s refused: %s", refund_id, refused)
        raise
    faults.step("tax_reversal.sent")
    db.session.execute(sa.update(Refund).where(Refund.id == refund_id,
                                               Refund.tax_reversal_id.is_(None))
                       .values(tax_reversal_id=reversal.id)
                       .execution_options(synchronize_session=False))
    return reversal.id
