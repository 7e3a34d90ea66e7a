"""Reconciliation: what beat repairs every 15 minutes, from the provider's state, that missed
webhooks and failed tasks left behind (``reconcile_payments_task``)."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

import sqlalchemy as sa

from core.errors import DomainError
from core.metrics import PAYMENT_RECONCILIATION_REPAIRS
from models import (
    BalancePayment,
    BalanceStatus,
    Order,
    OrderStatus,
    PaymentEvent,
    Refund,
    RefundStatus,
    db,
)
from services import balance_payments, checkout_sessions, payment_inbox, payments, refunds
from services.payment_providers import PaymentProvider, ProviderRefused

log = logging.getLogger(__name__)

S = OrderStatus
RECONCILE_WINDOW = timedelta(hours=72)
# How long a pending refund is followed, counted from the refund (Stripe settles most in
# days; some payment methods take weeks).
REFUND_FOLLOW_WINDOW = timedelta(days=120)
# An event or refund this old and still not through is taken as failed, not in flight.
RETRY_GRACE = timedelta(minutes=2)
# Stripe's PaymentIntent statuses from which a payment can still be cancelled.
CANCELLABLE = frozenset({"requires_payment_method", "requires_confirmation", "requires_action",
                         "requires_capture"})


def reconcile(provider: PaymentProvider, now: datetime) -> dict[str, int]:
    """Repair what missed webhooks and failed tasks left behind: read back every payment
    whose order may disagree with it (orders of the last 72 hours awaiting payment or
    cancelled unpaid, and any order with a refund still pending, however old the order:
    a refund is followed by its own age, ``REFUND_FOLLOW_WINDOW``), cancel payments of
    cancelled orders that are still open, apply stored events that failed, and submit
    refunds that never reached the provider. Returns (and logs, and counts) what it
    repaired."""
    since = now - RECONCILE_WINDOW
    refunding = (sa.select(Refund.order_id)
                 .where(Refund.status == RefundStatus.PENDING,
                        Refund.created_at >= now - REFUND_FOLLOW_WINDOW))
    intent_ids = list(db.session.scalars(
        sa.select(Order.payment_intent_id)
        .where(Order.payment_provider == provider.name,
               Order.payment_intent_id.is_not(None),
               sa.or_(sa.and_(Order.created_at >= since,
                              sa.or_(Order.status == S.PENDING_PAYMENT,
                                     sa.and_(Order.status == S.CANCELLED,
                                             Order.paid_at.is_(None)))),
                      Order.id.in_(refunding)))
        .order_by(Order.id)).all())
    # Balance payments of edits: pending ones (a missed webhook), replaced ones not paid
    # (their cancel may not have reached the provider), and any with a refund pending.
    intent_ids += db.session.scalars(
        sa.select(BalancePayment.payment_intent_id)
        .join(Order, Order.id == BalancePayment.order_id)
        .where(Order.payment_provider == provider.name,
               BalancePayment.payment_intent_id.is_not(None),
               sa.or_(sa.and_(BalancePayment.created_at >= since,
                              BalancePayment.paid_at.is_(None)),
                      BalancePayment.payment_intent_id.in_(
                          sa.select(Refund.payment_intent_id).where(
                              Refund.status == RefundStatus.PENDING,
                              Refund.created_at >= now - REFUND_FOLLOW_WINDOW))))
        .order_by(BalancePayment.id)).all()
    # Hosted Checkout orders whose session has not (yet, here) made a payment.
    session_ids = db.session.scalars(
        sa.select(Order.checkout_session_id)
        .where(Order.payment_provider == provider.name,
               Order.checkout_session_id.is_not(None), Order.payment_intent_id.is_(None),
               Order.created_at >= since,
               sa.or_(Order.status == S.PENDING_PAYMENT,
                      sa.and_(Order.status == S.CANCELLED, Order.paid_at.is_(None))))
        .order_by(Order.id)).all()
    failed_events = db.session.scalars(
        sa.select(PaymentEvent.id)
        .where(PaymentEvent.processed_at.is_(None), PaymentEvent.received_at < now - RETRY_GRACE)
        .order_by(PaymentEvent.id)).all()
    stuck_refunds = db.session.scalars(
        sa.select(Refund.id)
        .where(Refund.status == RefundStatus.PENDING, Refund.provider_refund_id.is_(None),
               Refund.created_at < now - RETRY_GRACE)
        .order_by(Refund.id)).all()
    repaired: dict[str, int] = {}

    def count(kinds) -> None:
        for kind in kinds:
            repaired[kind] = repaired.get(kind, 0) + 1

    unreachable = 0
    for intent_id in intent_ids:
        try:
            count(_reconcile_payment(intent_id, provider, now))
            db.session.commit()
        except DomainError as error:
            db.session.rollback()
            log.warning("reconciliation could not check payment %s: %s", intent_id, error)
            unreachable += 1
    for session_id in session_ids:
        try:
            count(checkout_sessions.reconcile_session(session_id, provider, now))
            db.session.commit()
        except DomainError as error:
            db.session.rollback()
            log.warning("reconciliation could not check session %s: %s", session_id, error)
            unreachable += 1
    for event_id in failed_events:
        try:
            if payment_inbox.apply_payment_event(event_id, provider, now) == "applied":
                count(["event_retried"])
            db.session.commit()
        except Exception as error:  # recorded on the event by apply_payment_event
            log.warning("reconciliation could not apply payment event %s: %s", event_id, error)
    for refund_id in stuck_refunds:
        try:
            intent_id = refunds.submit_refund(refund_id, provider, now)
            db.session.commit()
            if intent_id is not None:
                count(["refund_submitted"])
                count(payments.sync_payment(intent_id, provider, now))
                db.session.commit()
        except DomainError as error:
            db.session.rollback()
            log.warning("reconciliation could not submit refund %s: %s", refund_id, error)
    for kind, number in repaired.items():
        PAYMENT_RECONCILIATION_REPAIRS.labels(kind=kind).inc(number)
    log.info("payment reconciliation: %d payments and %d sessions checked (%d unreachable), "
             "repaired %s", len(intent_ids), len(session_ids), unreachable,
             repaired or "nothing")
    return repaired


def _reconcile_payment(intent_id: str, provider: PaymentProvider, now: datetime) -> list[str]:
    payments.end_transaction()
    state = provider.retrieve_payment(intent_id)
    balance = balance_payments.balance_of(state)
    if balance is not None:
        changes = payments.sync_state(state, now)
        if balance.status == BalanceStatus.CANCELLED and balance.paid_at is None \
                and state.status in CANCELLABLE:
            payments.end_transaction()
            balance_payments.cancel_payment(balance.id, provider)
            changes.append("balance_payment_cancelled")
        return changes
    order = payments.order_of(state)
    if order is None:
        return []
    changes = payments.sync_order(order, state, now)
    if order.status == S.CANCELLED and order.paid_at is None and state.status in CANCELLABLE:
        # The order was cancelled but its cancellation never reached the provider: the
        # customer could still pay. Close the payment.
        key = f"stockroom-order-{order.id}-cancel-payment"
        payments.end_transaction()
        try:
            provider.cancel_payment(intent_id, key)
            changes.append("payment_cancelled")
        except ProviderRefused:
            # It succeeded meanwhile: the next look applies it as a late payment.
            changes += payments.sync_payment(intent_id, provider, now)
    return changes
