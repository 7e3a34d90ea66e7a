"""Payment tasks, on the ``payments`` queue: applying provider events, submitting refunds,
cancelling payments, and the reconciliation beat runs.

Each takes an outbox event id (or nothing), reloads what it needs, and checks whether its
work is done before doing it: safe to run twice (``acks_late``). A provider that is away
raises ``ProviderUnavailable``, retried with backoff.
"""

from __future__ import annotations

from celery import shared_task

from core.database import DATABASE_ERRORS
from models import OutboxEvent, db, utcnow
from services import (
    balance_payments,
    checkout_sessions,
    order_edits,
    outbox,
    payment_inbox,
    payments,
    reconciliation,
    refunds,
    tax_transactions,
)
from services.payment_providers import ProviderUnavailable, payment_provider
from services.tax_providers import StripeTax, tax_provider

# A provider that is away and a database that failed are retried with backoff; past the
# last retry, the outbox's redo sweep (and the reconciliation) run the work again.
RETRY = {"autoretry_for": (ProviderUnavailable, *DATABASE_ERRORS), "retry_backoff": 5,
         "retry_backoff_max": 600, "retry_jitter": True, "max_retries": 10}


def _event_data(event_id: int) -> dict | None:
    event = db.session.get(OutboxEvent, event_id)
    return event.data if event is not None else None


@shared_task(name="tasks.payments.apply_payment_event_task", **RETRY)
def apply_payment_event_task(event_id: int) -> str:
    """Apply a stored provider event (Stripe's or the fake's) to its order."""
    data = _event_data(event_id)
    if data is None:
        return "no such event"
    outcome = payment_inbox.apply_payment_event(data["payment_event_id"], payment_provider(),
                                           utcnow())
    outbox.mark_done(event_id, apply_payment_event_task.name)
    db.session.commit()
    return outcome


@shared_task(name="tasks.payments.submit_refund_task", **RETRY)
def submit_refund_task(event_id: int) -> str:
    """Send a recorded refund to the provider, then read the payment back."""
    data = _event_data(event_id)
    if data is None:
        return "no such event"
    provider, now = payment_provider(), utcnow()
    intent_id = refunds.submit_refund(data["refund_id"], provider, now)
    db.session.commit()
    if intent_id is None:
        outbox.mark_done(event_id, submit_refund_task.name)
        db.session.commit()
        return "nothing to submit"
    # A read-back that fails is retried: ``submit_refund`` hands the payment back again
    # while the refund is sent but not confirmed.
    changes = payments.sync_payment(intent_id, provider, now)
    outbox.mark_done(event_id, submit_refund_task.name)
    db.session.commit()
    return ",".join(changes) or "submitted"


@shared_task(name="tasks.payments.cancel_payment_task", **RETRY)
def cancel_payment_task(event_id: int) -> str:
    """Cancel a cancelled order's payment (or expire its Checkout Session) at the
    provider."""
    data = _event_data(event_id)
    if data is None:
        return "no such event"
    changes = checkout_sessions.cancel_order_payment(data["order_id"], payment_provider(),
                                                     utcnow())
    outbox.mark_done(event_id, cancel_payment_task.name)
    db.session.commit()
    return ",".join(changes) or "cancelled"


@shared_task(name="tasks.payments.update_payment_amount_task", **RETRY)
def update_payment_amount_task(event_id: int) -> str:
    """Ask an edited, unpaid order's payment for its new total."""
    data = _event_data(event_id)
    if data is None:
        return "no such event"
    outcome = order_edits.update_payment_amount(data["order_id"], payment_provider(), utcnow())
    outbox.mark_done(event_id, update_payment_amount_task.name)
    db.session.commit()
    return outcome


@shared_task(name="tasks.payments.create_balance_payment_task", **RETRY)
def create_balance_payment_task(event_id: int) -> str:
    """Create the PaymentIntent of an edit's balance."""
    data = _event_data(event_id)
    if data is None:
        return "no such event"
    payment = balance_payments.ensure_payment(data["balance_payment_id"], payment_provider())
    db.session.commit()
    outbox.mark_done(event_id, create_balance_payment_task.name)
    db.session.commit()
    return payment.payment_intent_id if payment else "no longer due"


@shared_task(name="tasks.payments.cancel_balance_payment_task", **RETRY)
def cancel_balance_payment_task(event_id: int) -> str:
    """Cancel a replaced balance's payment at the provider, then read it back (paid
    meanwhile: refunded)."""
    data = _event_data(event_id)
    if data is None:
        return "no such event"
    provider, now = payment_provider(), utcnow()
    intent_id = balance_payments.cancel_payment(data["balance_payment_id"], provider)
    changes = payments.sync_payment(intent_id, provider, now) if intent_id else []
    outbox.mark_done(event_id, cancel_balance_payment_task.name)
    db.session.commit()
    return ",".join(changes) or "cancelled"


@shared_task(name="tasks.payments.record_tax_transaction_task", **RETRY)
def record_tax_transaction_task(event_id: int) -> str:
    """Record a paid order's Stripe Tax transaction."""
    data = _event_data(event_id)
    if data is None:
        return "no such event"
    tax = tax_provider()
    found = (tax_transactions.record_transaction(data["order_id"], tax)
             if isinstance(tax, StripeTax) else None)
    outbox.mark_done(event_id, record_tax_transaction_task.name)
    db.session.commit()
    return found or "nothing due"


@shared_task(name="tasks.payments.reverse_tax_task", **RETRY)
def reverse_tax_task(event_id: int) -> str:
    """Reverse a refund's share of its order's Stripe Tax transaction."""
    data = _event_data(event_id)
    if data is None:
        return "no such event"
    tax = tax_provider()
    found = (tax_transactions.reverse_for_refund(data["refund_id"], tax)
             if isinstance(tax, StripeTax) else None)
    outbox.mark_done(event_id, reverse_tax_task.name)
    db.session.commit()
    return found or "nothing due"


@shared_task(name="tasks.payments.reconcile_payments_task")
def reconcile_payments_task() -> dict[str, int]:
    """Repair orders whose payment events were missed (beat, every 15 minutes)."""
    repaired = reconciliation.reconcile(payment_provider(), utcnow())
    db.session.commit()
    return repaired
