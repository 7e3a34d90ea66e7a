"""Housekeeping of carts."""

from __future__ import annotations

from celery import shared_task

from models import db, utcnow
from services import guest_carts


@shared_task(name="tasks.carts.purge_guest_carts_task")
def purge_guest_carts_task() -> int:
    """Delete guest carts nobody has touched for 30 days."""
    removed = guest_carts.purge_abandoned_guest_carts(utcnow())
    db.session.commit()
    return removed
