"""Housekeeping of auth rows."""

from __future__ import annotations

from celery import shared_task

from models import db, utcnow
from services import auth, oidc


@shared_task(name="tasks.auth.purge_expired_auth_rows_task")
def purge_expired_auth_rows_task() -> int:
    """Delete expired refresh tokens, revocations, resets, old login failures and
    sign-ins with an OpenID provider that were never finished."""
    now = utcnow()
    removed = auth.purge_expired(now) + oidc.purge_expired_states(now)
    db.session.commit()
    return removed
