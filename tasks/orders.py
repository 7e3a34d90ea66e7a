"""Scheduled order housekeeping."""

from __future__ import annotations

from celery import shared_task

from core import idempotency
from models import db, utcnow
from services import orders


@shared_task(name="tasks.orders.expire_reservations_task")
def expire_reservations_task() -> int:
    """Cancel unpaid orders whose reservation lapsed, releasing their stock."""
    expired = orders.expire_reservations(utcnow())
    db.session.commit()
    return expired


@shared_task(name="tasks.orders.purge_idempotency_keys_task")
def purge_idempotency_keys_task() -> int:
    """Forget idempotency keys past their retention (48 h; the contract promises 24 h)."""
    removed = idempotency.purge(utcnow())
    db.session.commit()
    return removed
