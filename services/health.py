"""Readiness: do the database and the broker answer? And is beat alive (its heartbeat)?"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

import sqlalchemy as sa
from flask import current_app

from core.errors import ServiceUnavailable
from models import Heartbeat, db

log = logging.getLogger(__name__)


class NotReady(ServiceUnavailable):
    error_code = "not_ready"


def _check_database() -> None:
    db.session.execute(sa.text("SELECT 1"))
    db.session.rollback()


def _check_broker(timeout: float) -> None:
    celery = current_app.extensions["celery"]
    with celery.connection_for_write() as connection:
        connection.ensure_connection(max_retries=1, interval_start=0, interval_step=0,
                                     timeout=timeout)


# Beat beats every 30 s; three missed beats and it is reported stale.
HEARTBEAT_STALE_AFTER = timedelta(seconds=90)


def beat(name: str, now: datetime) -> None:
    """Record that ``name`` (beat) is alive at ``now``."""
    heartbeat = db.session.get(Heartbeat, name)
    if heartbeat is None:
        db.session.add(Heartbeat(name=name, beat_at=now))
    else:
        heartbeat.beat_at = now
    db.session.flush()


def heartbeat_status(name: str, now: datetime) -> str:
    """"ok", "stale (last 2026-...)" or "never seen": reported by /readyz, which does not
    fail on it (the API serves without beat; only the schedule stops)."""
    heartbeat = db.session.get(Heartbeat, name)
    db.session.rollback()
    if heartbeat is None:
        return "never seen"
    if now - heartbeat.beat_at > HEARTBEAT_STALE_AFTER:
        return f"stale (last {heartbeat.beat_at.isoformat()})"
    return "ok"


def check_dependencies(timeout: float) -> dict[str, str]:
    checks = {}
    for name, check in (("database", _check_database),
                        ("broker", lambda: _check_broker(timeout))):
        try:
            check()
            checks[name] = "ok"
        except Exception as exc:
            log.warning("readiness: %s failed: %s", name, exc)
            checks[name] = f"error: {type(exc).__name__}"
    return checks


def assert_ready(timeout: float) -> dict[str, str]:
    """The outcome of every check; raises ``NotReady`` (503) naming the ones that failed."""
    checks = check_dependencies(timeout)
    failed = sorted(name for name, outcome in checks.items() if outcome != "ok")
    if failed:
        raise NotReady(f"Not ready: {', '.join(failed)} unavailable.",
                       errors={name: [checks[name]] for name in failed})
    return checks
