"""Housekeeping of auth rows."""

from __future__ import annotations

from celery import shared_task

from models import db, utcnow
from services import auth


@shared_task(name="tasks.auth.purge_expired_auth_rows_task")
def purge_expired_auth_rows_task() -> int:
    """Delete expired refresh tokens, revocations, resets and old login failures."""
    removed = auth.purge_expired(utcnow())
    db.session.commit()
    return removed
