"""Side effects outside the database that must follow the transaction's outcome.

A file written for a row that rolls back must go; a file of a row deleted must go only once
the deletion has committed; an outbox event is published only once its row has committed.
Work registered here runs after the commit (or after the rollback) of the transaction that
registered it, never inside it.

Savepoints: work registered inside a SAVEPOINT belongs to it. Rolling the savepoint back
drops its after-commit work (and runs its after-rollback work) while the outer transaction's
work stays pending; releasing it hands its work to the outer transaction. SQLAlchemy fires
``after_rollback`` and ``after_commit`` for savepoints as well as for the real transaction,
so a hook that only listened to those would drop, or run, the outer transaction's work at a
savepoint's end.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from sqlalchemy import event as sa_event
from sqlalchemy.orm import Session, SessionTransaction

from models import db

log = logging.getLogger(__name__)

ON_COMMIT = "stockroom.on_commit"
ON_ROLLBACK = "stockroom.on_rollback"
# Where each open savepoint remembers how long every pending list was when it began.
_MARKS = "stockroom.savepoint_marks"
# The lists of pending work that follow the transaction; other modules add theirs.
_TRACKED: list[str] = [ON_COMMIT, ON_ROLLBACK]
# Hooks that run with a root commit's pending lists: key -> handler(list).
_ON_ROOT_COMMIT: dict[str, Callable[[list], None]] = {}


def track(key: str, on_root_commit: Callable[[list], None] | None = None) -> None:
    """Make ``session.info[key]`` (a list of pending work) follow the transaction: a
    savepoint rollback cuts it back to where it stood at the savepoint, a root rollback
    empties it, and a root commit hands it to ``on_root_commit``."""
    if key not in _TRACKED:
        _TRACKED.append(key)
    if on_root_commit is not None:
        _ON_ROOT_COMMIT[key] = on_root_commit


def pending(key: str) -> list:
    """The current session's pending list for ``key`` (created empty)."""
    return db.session.info.setdefault(key, [])


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
    pending(ON_COMMIT).append(callback)


def on_rollback(callback: Callable[[], None]) -> None:
    pending(ON_ROLLBACK).append(callback)


def _run(callbacks) -> None:
    for callback in callbacks or ():
        try:
            callback()
        except Exception:
            log.exception("after-transaction callback failed")


def _after_transaction_create(session: Session, transaction: SessionTransaction) -> None:
    if transaction.nested:
        marks = session.info.setdefault(_MARKS, {})
        marks[transaction] = {key: len(session.info.get(key, ())) for key in _TRACKED}


def _after_commit(session: Session) -> None:
    # A released SAVEPOINT (the hook runs before it closes): its work now belongs to the
    # enclosing transaction, which may still roll back.
    if session.in_nested_transaction():
        session.info.get(_MARKS, {}).pop(session.get_nested_transaction(), None)
        return
    session.info.pop(ON_ROLLBACK, None)
    session.info.pop(_MARKS, None)
    for key in _TRACKED:
        if key in (ON_COMMIT, ON_ROLLBACK):
            continue
        work = session.info.pop(key, None)
        handler = _ON_ROOT_COMMIT.get(key)
        if work and handler is not None:
            handler(work)
    _run(session.info.pop(ON_COMMIT, None))


def _after_soft_rollback(session: Session, previous: SessionTransaction) -> None:
    # Runs once the rolled-back transaction has closed.
    if previous.nested:
        mark = session.info.get(_MARKS, {}).pop(previous, None)
        if mark is None:
            return
        for key in _TRACKED:
            work = session.info.get(key)
            if not work:
                continue
            cut = mark.get(key, 0)
            dropped = work[cut:]
            del work[cut:]
            if key == ON_ROLLBACK:
                _run(dropped)
        return
    if previous.parent is not None:
        return
    session.info.pop(_MARKS, None)
    for key in _TRACKED:
        if key != ON_ROLLBACK:
            session.info.pop(key, None)
    _run(session.info.pop(ON_ROLLBACK, None))


def install_session_hooks() -> None:
    if not sa_event.contains(Session, "after_commit", _after_commit):
        sa_event.listen(Session, "after_transaction_create", _after_transaction_create)
        sa_event.listen(Session, "after_commit", _after_commit)
        sa_event.listen(Session, "after_soft_rollback", _after_soft_rollback)
