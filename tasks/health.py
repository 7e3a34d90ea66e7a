"""Beat's heartbeat, which /readyz reports."""

from __future__ import annotations

from celery import shared_task

from models import db, utcnow
from services import health


@shared_task(name="tasks.health.heartbeat_task")
def heartbeat_task() -> str:
    """Record that beat is alive (every 30 s)."""
    health.beat("beat", utcnow())
    db.session.commit()
    return "ok"
