"""Side effects outside the database that must follow the transaction's outcome.

A file written for a row that rolls back must go; a file of a row deleted must go only once
the deletion has committed. Callbacks registered here run after the commit (or after the
rollback) of the current transaction, never inside it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from sqlalchemy import event as sa_event
from sqlalchemy.orm import Session

from models import db

log = logging.getLogger(__name__)

ON_COMMIT = "stockroom.on_commit"
ON_ROLLBACK = "stockroom.on_rollback"


def commit_keeping_loaded() -> None:
    """Commit, keeping the session's objects as they were committed instead of expiring
    them. For work that goes on after a commit (a provider call) and answers with the rows
    it wrote: nothing else changes them meanwhile, and reading them back would cost a round
    trip per table for what the session already holds."""
    session = db.session()
    session.expire_on_commit = False
    try:
        session.commit()
    finally:
        session.expire_on_commit = True


def on_commit(callback: Callable[[], None]) -> None:
    db.session.info.setdefault(ON_COMMIT, []).append(callback)


def on_rollback(callback: Callable[[], None]) -> None:
    db.session.info.setdefault(ON_ROLLBACK, []).append(callback)


def _run(callbacks) -> None:
    for callback in callbacks or ():
        try:
            callback()
        except Exception:
            log.exception("after-transaction callback failed")


def _after_commit(session: Session) -> None:
    # SQLAlchemy also calls this when a SAVEPOINT is released; the transaction goes on, and
    # may still roll back.
    if session.in_nested_transaction():
        return
    session.info.pop(ON_ROLLBACK, None)
    _run(session.info.pop(ON_COMMIT, None))


def _after_rollback(session: Session) -> None:
    session.info.pop(ON_COMMIT, None)
    _run(session.info.pop(ON_ROLLBACK, None))


def install_session_hooks() -> None:
    if not sa_event.contains(Session, "after_commit", _after_commit):
        sa_event.listen(Session, "after_commit", _after_commit)
        sa_event.listen(Session, "after_rollback", _after_rollback)
