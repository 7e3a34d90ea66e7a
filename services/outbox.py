"""The transactional outbox.

A service calls ``record_event`` inside the transaction that makes the change; the event row
commits or rolls back with it. After a commit, the events that transaction wrote are handed
to the publisher (the Celery side, ``tasks.outbox.publish_event``) and marked dispatched. If
the broker was away, the row stays undispatched and ``relay_undispatched``, run by beat,
publishes it later. Publishing may therefore happen more than once for one event; every
consumer is idempotent on the event id.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta

import sqlalchemy as sa
from flask import current_app, g, has_request_context
from sqlalchemy.engine import Connection, Engine

from core import faults, logs
from models import OutboxEvent, db, utcnow
from services import catalog_cache, transactions, webhooks

# Marking is one short UPDATE; a few connections serve a whole process.
MARKING_POOL = {"pool_size": 2, "max_overflow": 3, "pool_timeout": 30}


def marking_engine(database_url: str, engine_options: dict) -> Engine:
    options = dict(engine_options)
    if not database_url.startswith("sqlite"):
        options.update(MARKING_POOL)
    return sa.create_engine(database_url, **options)

log = logging.getLogger(__name__)

PENDING_KEY = "stockroom.outbox.pending"

# publish(event_id, event_type): sends the event's consumers to the broker, or raises.
Publisher = Callable[[int, str], None]


@dataclass
class Outbox:
    """The app's outbox wiring: how events are published, and where dispatch is marked."""

    publish: Publisher
    # The event types whose consumers do work beyond webhook deliveries (which have rows and
    # a sweep of their own), with those consumers' task names, and how they are sent again.
    tracked: Mapping[str, tuple[str, ...]]
    redo: Publisher
    # What marks events dispatched once they were published after a commit: a small
    # engine of its own (in tests, the connection of the test's transaction). Not the
    # app's pool: the committing session still holds its connection while its after-commit
    # hook runs, so borrowing a second one from the same pool lets a busy process exhaust
    # the pool with sessions that each wait for another connection.
    bind: Engine | Connection


def current_outbox() -> Outbox:
    return current_app.extensions["stockroom.outbox"]


_events = OutboxEvent.__table__
# Built once: a request records an event or two, and the pipeline's producers many.
INSERT_EVENT = sa.insert(_events).returning(_events.c.id)


def record_event(event_type: str, aggregate_type: str, aggregate_id: int | str,
                 data: dict) -> OutboxEvent:
    """Write a domain event in the current transaction; it is published once that commits."""
    request_id = g.get("request_id") if has_request_context() else None
    now, wiring = utcnow(), current_outbox()
    consumers = wiring.tracked.get(event_type)
    redo_at = (now + timedelta(seconds=current_app.config["OUTBOX_REDO_AFTER_SECONDS"])
               if consumers else None)
    values = {"uuid": uuid.uuid4(), "type": event_type, "aggregate_type": aggregate_type,
              "aggregate_id": str(aggregate_id), "data": data, "request_id": request_id,
              "created_at": now, "dispatched_at": None, "dispatch_attempts": 0,
              "redo_at": redo_at, "unfinished": _token(*consumers) if consumers else None}
    # The pending changes go first, as the unit of work would order them; the event row
    # itself is one plain insert. The event returned is what was written, not a row the
    # session tracks (read it with ``db.session.get`` to see it change).
    db.session.flush()
    event = OutboxEvent(**values)
    event.id = db.session.connection().execute(INSERT_EVENT, values).scalar_one()
    # Its webhook deliveries commit with it, or not at all.
    webhooks.create_deliveries(event)
    transactions.pending(PENDING_KEY).append((event.id, event.type))
    if event_type in catalog_cache.CATALOG_EVENTS:
        catalog_cache.catalog_changed()
    return event


def dispatch(events: list[tuple[int, str]], outbox: Outbox, now: datetime) -> list[int]:
    """Publish committed events and mark the published ones. Never raises: a broker that is
    away leaves the rest to the relay."""
    published = []
    for event_id, event_type in events:
        try:
            outbox.publish(event_id, event_type)
        except Exception:
            log.warning("outbox: could not publish event %s (%s); the relay will retry",
                        event_id, event_type, exc_info=True)
            break
        published.append(event_id)
    faults.step("outbox.published")
    if published:
        _mark_dispatched(published, outbox.bind, now)
    return published


def _mark_dispatched(event_ids: list[int], bind: Engine | Connection, now: datetime) -> None:
    statement = (
        sa.update(OutboxEvent.__table__)
        .where(OutboxEvent.__table__.c.id.in_(event_ids),
               OutboxEvent.__table__.c.dispatched_at.is_(None))
        .values(dispatched_at=now)
    )
    try:
        if isinstance(bind, Connection):
            bind.execute(statement)
        else:
            with bind.begin() as connection:
                connection.execute(statement)
    except Exception:
        # The events went out; if the mark is lost the relay publishes them again, which
        # idempotent consumers absorb.
        log.warning("outbox: could not mark events %s dispatched", event_ids, exc_info=True)


def _publish_row(publish: Publisher, row: OutboxEvent, sweep: str) -> bool:
    """Publish a stored event from a sweep; False when the broker is away. The tasks it
    sets off still carry the id of the request behind the event."""
    token = logs.request_id_var.set(row.request_id)
    try:
        publish(row.id, row.type)
    except Exception:
        log.warning("outbox %s: broker unavailable at event %s", sweep, row.id, exc_info=True)
        return False
    finally:
        logs.request_id_var.reset(token)
    return True


def relay_undispatched(outbox: Outbox, now: datetime, grace: timedelta,
                       limit: int) -> int:
    """Publish events that a commit left undispatched; returns how many went out.

    Rows are claimed with ``FOR UPDATE SKIP LOCKED`` (on PostgreSQL), so overlapping relays
    never publish the same row, and in id order, so one aggregate's events keep their order.
    Events younger than ``grace`` are left to their after-commit dispatch.
    """
    rows = db.session.scalars(
        sa.select(OutboxEvent)
        .where(OutboxEvent.dispatched_at.is_(None), OutboxEvent.created_at <= now - grace)
        .order_by(OutboxEvent.id)
        .limit(limit)
        .with_for_update(skip_locked=True)
    ).all()
    published = 0
    for row in rows:
        row.dispatch_attempts += 1
        if not _publish_row(outbox.publish, row, "relay"):
            break
        row.dispatched_at = now
        published += 1
    db.session.flush()
    return published


def _token(*consumers: str) -> str:
    return " " + " ".join(consumers) + " "


_left = sa.func.replace(_events.c.unfinished, sa.bindparam("consumer"), " ")
# One statement, so two consumers finishing at once cannot lose each other's mark (the row
# lock orders them on PostgreSQL; the right-hand side reads the row as it stands then).
MARK_DONE = (
    sa.update(_events).where(_events.c.id == sa.bindparam("event_id"))
    .values(unfinished=_left,
            redo_at=sa.case((sa.or_(_events.c.unfinished.is_(None), _left == " "), None),
                            else_=_events.c.redo_at))
)
# The redo sweep's backoff: a consumer that keeps failing is tried again at these waits
# after its first redo (and then every hour), never in a tight loop.
REDO_BACKOFF = (timedelta(seconds=30), timedelta(minutes=2), timedelta(minutes=10),
                timedelta(minutes=30), timedelta(hours=1))


def mark_done(event_id: int, consumer: str) -> None:
    """Record, in the consumer's own transaction, that its part of the event's work is
    done: once every tracked consumer's is, the redo sweep leaves the event alone from the
    commit on."""
    db.session.connection().execute(MARK_DONE, {"event_id": event_id,
                                                "consumer": _token(consumer)})


def redo_unfinished(outbox: Outbox, now: datetime, limit: int) -> int:
    """Publish again the consumers of dispatched events whose work never finished (a
    worker died or failed after the broker handed it the task, or the broker lost the
    message); returns how many. Claimed with ``SKIP LOCKED`` like the relay; each redo
    pushes the next one back (``REDO_BACKOFF``). Consumers check whether their work is
    done, so a redo of work that did finish meanwhile does nothing."""
    rows = db.session.scalars(
        sa.select(OutboxEvent)
        .where(OutboxEvent.redo_at <= now, OutboxEvent.dispatched_at.is_not(None))
        .order_by(OutboxEvent.redo_at, OutboxEvent.id)
        .limit(limit)
        .with_for_update(skip_locked=True)
    ).all()
    redone = 0
    for row in rows:
        if not _publish_row(outbox.redo, row, "redo"):
            break
        row.dispatch_attempts += 1
        row.redo_at = now + REDO_BACKOFF[min(row.dispatch_attempts, len(REDO_BACKOFF)) - 1]
        redone += 1
    db.session.flush()
    return redone


def undispatched_lag_seconds(now: datetime) -> float:
    """Age of the oldest undispatched event (0 when none): the outbox lag operators watch."""
    oldest = db.session.scalar(
        sa.select(sa.func.min(OutboxEvent.created_at)).where(OutboxEvent.dispatched_at.is_(None))
    )
    if oldest is None:
        return 0.0
    return max(0.0, (now - oldest).total_seconds())


def _dispatch_committed(events: list[tuple[int, str]]) -> None:
    dispatch(events, current_outbox(), utcnow())


def install_session_hooks() -> None:
    """Publish each committed transaction's events after its commit. The pending list
    follows savepoints (``services.transactions``): an event recorded inside a savepoint
    that rolls back is never published, and the outer transaction's events still are."""
    transactions.track(PENDING_KEY, _dispatch_committed)
