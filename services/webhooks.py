"""Outbound webhooks: the Supabase Edge Functions and admin-subscribed endpoints.

Deliveries are written with their event, in the transaction that caused it (``record_event``
calls ``create_deliveries``), so an event that commits cannot lose its deliveries. A worker
then sends each one signed with Standard Webhooks, recording every attempt. Failures are
retried on the Standard Webhooks schedule with jitter (a longer ``Retry-After`` wins, up to
24 h); the wait sits in ``next_attempt_at`` and beat's sweep sends what is due, so no retry
depends on a broker countdown outliving the broker's visibility timeout. A 410, or the whole
schedule failing, makes a delivery ``dead``: kept, and redeliverable with its webhook-id.

Deliveries that share an ordering key (the target and the event's aggregate) go out in
event order: one waits while an earlier one is still open.
"""

from __future__ import annotations

import json
import logging
import random
import secrets
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from email.utils import parsedate_to_datetime

import sqlalchemy as sa
import urllib3
from flask import current_app
from sqlalchemy.engine import Engine
from standardwebhooks.webhooks import Webhook

from core import faults
from models import (
    DeliveryStatus,
    OutboxEvent,
    WebhookAttempt,
    WebhookDelivery,
    WebhookEndpoint,
    db,
)
from services.webhook_addresses import check_address

log = logging.getLogger(__name__)

# Which Supabase function receives each event type (the contract's table).
FUNCTIONS: dict[str, tuple[str, ...]] = {
    "order.status_changed": ("order_status_update",),
    "cart.item_added": ("cart_activity_log",),
    "cart.item_updated": ("cart_activity_log",),
    "cart.item_removed": ("cart_activity_log",),
    "product.updated": ("product_sync",),
    "product.deleted": ("product_sync",),
    "inventory.changed": ("product_sync",),
    "user.notification": ("notify_user",),
    "shipment.created": ("order_status_update", "notify_user"),
    "return.requested": ("order_status_update",),
    "return.approved": ("order_status_update",),
    "return.rejected": ("order_status_update",),
    "return.received": ("order_status_update",),
    "return.refunded": ("order_status_update",),
    "order.edited": ("order_status_update",),
    "order.balance_paid": ("order_status_update",),
}
FUNCTION_NAMES = tuple(sorted({name for names in FUNCTIONS.values() for name in names}))
PUBLIC_EVENT_TYPES = frozenset(FUNCTIONS)

# The Standard Webhooks schedule: the waits after the 1st, 2nd, ... failed attempt.
RETRY_SCHEDULE = (timedelta(seconds=5), timedelta(minutes=5), timedelta(minutes=30),
                  timedelta(hours=2), timedelta(hours=5), timedelta(hours=10),
                  timedelta(hours=14), timedelta(hours=20), timedelta(hours=24))
MAX_ATTEMPTS = 1 + len(RETRY_SCHEDULE)
MAX_RETRY_AFTER = timedelta(hours=24)
JITTER = 0.1
CONNECT_TIMEOUT_S = 5
READ_TIMEOUT_S = 15
# The whole attempt, connect to last header: urllib3's read timeout is per read, so a
# receiver that trickles bytes could otherwise hold an attempt past its lease. The lease
# (WEBHOOK_LEASE_SECONDS) must outlast this; the fence makes a late outcome harmless anyway.
ATTEMPT_DEADLINE_S = 20
USER_AGENT = "Stockroom-Webhooks/1"
OPEN = (DeliveryStatus.PENDING.value, DeliveryStatus.FAILED.value)


# Creating deliveries -------------------------------------------------------------------------

def create_deliveries(event: OutboxEvent) -> int:
    """Write the event's deliveries in the current transaction: its Supabase function (when
    ``SUPABASE_FUNCTIONS_URL`` is set) and every active endpoint subscribed to its type.
    Returns how many."""
    if event.type not in PUBLIC_EVENT_TYPES:
        return 0
    aggregate = f"{event.aggregate_type}:{event.aggregate_id}"
    rows = []
    if current_app.config["SUPABASE_FUNCTIONS_URL"]:
        for function in FUNCTIONS[event.type]:
            rows.append({"function": function, "endpoint_id": None,
                         "ordering_key": f"fn:{function}|{aggregate}"})
    for endpoint_id, event_types in _active_endpoints():
        if event.type in event_types:
            rows.append({"function": None, "endpoint_id": endpoint_id,
                         "ordering_key": f"ep:{endpoint_id}|{aggregate}"})
    if rows:
        db.session.connection().execute(INSERT_DELIVERIES, [
            {**row, "event_id": event.id, "event_type": event.type,
             "status": DeliveryStatus.PENDING.value, "attempt_count": 0,
             "next_attempt_at": event.created_at, "created_at": event.created_at,
             "updated_at": event.created_at} for row in rows])
    return len(rows)


INSERT_DELIVERIES = sa.insert(WebhookDelivery.__table__)
ENDPOINTS_KEY = "stockroom.webhook_endpoints"


def _active_endpoints() -> list[tuple[int, list[str]]]:
    """The active subscriptions, read once per session (a request or a task): a checkout
    records an event per line, and each would otherwise query them again."""
    cached = db.session.info.get(ENDPOINTS_KEY)
    if cached is None:
        cached = db.session.info[ENDPOINTS_KEY] = [tuple(row) for row in db.session.execute(
            sa.select(WebhookEndpoint.id, WebhookEndpoint.event_types)
            .where(WebhookEndpoint.active.is_(True)))]
    return cached


def endpoints_changed() -> None:
    db.session.info.pop(ENDPOINTS_KEY, None)


# Sending ---------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Target:
    url: str
    secret: str
    bearer: str | None


@dataclass(frozen=True)
class AttemptOutcome:
    # "succeeded", "failed", "dead", "stale" (sent after its lease: not recorded), or why
    # nothing was sent: "not_due", "waiting", "not_configured".
    result: str
    retry_in: timedelta | None = None


def _target(function: str | None, endpoint_id: int | None) -> Target | None:
    config = current_app.config
    if function is not None:
        base, secret = config["SUPABASE_FUNCTIONS_URL"], config["SUPABASE_WEBHOOK_SECRET"]
        if not base or not secret:
            return None
        return Target(f"{base.rstrip('/')}/{function}", secret,
                      config["SUPABASE_SERVICE_ROLE_KEY"])
    endpoint = db.session.get(WebhookEndpoint, endpoint_id)
    if endpoint is None:
        return None
    return Target(endpoint.url, endpoint.secret, None)


def event_body(event) -> str:
    """The JSON body of an event (an ``OutboxEvent``, or a row with its columns)."""
    return json.dumps({"type": event.type, "timestamp": event.created_at.isoformat(),
                       "data": event.data}, separators=(",", ":"), default=str)


# The statements of the delivery hot path, built once with bound parameters and run on the
# session's connection: building an ORM statement anew costs three times as much CPU as
# running this form (bench/README.md, "Profiling"), and a delivery runs six of them.
_deliveries = WebhookDelivery.__table__
_events = OutboxEvent.__table__
_earlier = _deliveries.alias("earlier")
_open = _deliveries.c.status.in_(OPEN)
# A delivery waits while an earlier one of its ordering key is still open.
BLOCKED_BY_EARLIER = (
    sa.select(_earlier.c.id)
    .where(_earlier.c.ordering_key == _deliveries.c.ordering_key,
           _earlier.c.event_id < _deliveries.c.event_id,
           _earlier.c.status.in_(OPEN))
    .exists())
OPEN_DELIVERIES_OF_EVENT = (
    sa.select(_deliveries.c.id)
    .where(_deliveries.c.event_id == sa.bindparam("event_id"), _open)
    .order_by(_deliveries.c.id))
CLAIM = (
    sa.update(_deliveries)
    .where(_deliveries.c.id == sa.bindparam("delivery_id"), _open,
           sa.or_(_deliveries.c.next_attempt_at.is_(None),
                  _deliveries.c.next_attempt_at <= sa.bindparam("now")),
           sa.or_(_deliveries.c.locked_until.is_(None),
                  _deliveries.c.locked_until < sa.bindparam("now")),
           ~BLOCKED_BY_EARLIER)
    .values(locked_until=sa.bindparam("lease"), lease_token=sa.bindparam("token"),
            updated_at=sa.bindparam("now"))
    .returning(_deliveries.c.event_id, _deliveries.c.function, _deliveries.c.endpoint_id,
               _deliveries.c.attempt_count))
EVENT_FOR_BODY = (
    sa.select(_events.c.uuid, _events.c.type, _events.c.created_at, _events.c.data)
    .where(_events.c.id == sa.bindparam("event_id")))
RECORD_ATTEMPT = sa.insert(WebhookAttempt.__table__)
# Fenced by the lease: only the worker whose claim wrote the current token records an
# outcome. One whose lease ran out and was claimed again, or whose delivery an admin
# redelivered, matches nothing: its attempt is recorded, the delivery is left alone.
RECORD_OUTCOME = (
    sa.update(_deliveries).where(_deliveries.c.id == sa.bindparam("delivery_id"),
                                 _deliveries.c.lease_token == sa.bindparam("token"))
    .values(attempt_count=_deliveries.c.attempt_count + 1, locked_until=None,
            lease_token=None, status=sa.bindparam("new_status"),
            next_attempt_at=sa.bindparam("retry_at"), updated_at=sa.bindparam("now"))
    .returning(_deliveries.c.event_type, _deliveries.c.function, _deliveries.c.endpoint_id))
NEXT_IN_LINE = (
    sa.select(_deliveries.c.id)
    .join(_earlier, sa.and_(_earlier.c.id == sa.bindparam("delivery_id"),
                            _earlier.c.ordering_key == _deliveries.c.ordering_key))
    .where(_deliveries.c.event_id > _earlier.c.event_id, _open)
    .order_by(_deliveries.c.event_id).limit(1))


def open_deliveries_of_event(event_id: int) -> list[int]:
    return list(db.session.connection().execute(OPEN_DELIVERIES_OF_EVENT,
                                                {"event_id": event_id}).scalars())


def attempt_delivery(delivery_id: int, now: datetime,
                     on_dead: Callable[[dict], None] | None = None) -> AttemptOutcome:
    """Try to send one delivery now, if it is due, not held by another worker and not
    waiting behind an earlier one of its ordering key. Commits (the claim before the
    request, the outcome after it); the HTTP request runs outside any transaction.
    ``on_dead(details)`` runs in the transaction that records a delivery dead (the
    caller's alert: ``webhook.delivery_dead``).

    This is the pipeline's hot path: one conditional update claims the delivery and
    returns what the attempt needs, one read fetches the event, and the outcome is one
    insert and one update."""
    connection = db.session.connection()
    lease = now + timedelta(seconds=current_app.config["WEBHOOK_LEASE_SECONDS"])
    token = secrets.token_hex(16)
    claimed = connection.execute(CLAIM, {"delivery_id": delivery_id, "now": now,
                                         "lease": lease, "token": token}).one_or_none()
    if claimed is None:
        waiting = connection.execute(
            sa.select(_deliveries.c.id)
            .where(_deliveries.c.id == delivery_id, _open, BLOCKED_BY_EARLIER)).scalar()
        db.session.commit()
        return AttemptOutcome("waiting" if waiting is not None else "not_due")
    target = _target(claimed.function, claimed.endpoint_id)
    if target is None:
        _release(delivery_id)
        return AttemptOutcome("not_configured")
    event = connection.execute(EVENT_FOR_BODY, {"event_id": claimed.event_id}).one()
    message_id, body = f"msg_{event.uuid.hex}", event_body(event)
    db.session.commit()
    faults.step("delivery.claimed")

    status_code, error, retry_after, started = None, None, None, time.monotonic()
    # Each attempt is signed afresh with its own time: receivers refuse stale timestamps.
    sent_at = now
    try:
        check_address(target.url)
        headers = {"content-type": "application/json", "user-agent": USER_AGENT,
                   "webhook-id": message_id,
                   "webhook-timestamp": str(int(sent_at.timestamp())),
                   "webhook-signature": Webhook(target.secret).sign(message_id, sent_at, body)}
        if target.bearer:
            headers["authorization"] = f"Bearer {target.bearer}"
        response = _http().request(
            "POST", target.url, body=body.encode(), headers=headers, redirect=False,
            timeout=urllib3.Timeout(connect=CONNECT_TIMEOUT_S, read=READ_TIMEOUT_S,
                                    total=ATTEMPT_DEADLINE_S))
        status_code = response.status
        retry_after = _retry_after(response.headers.get("retry-after"), now)
        response.release_conn()
        faults.step("delivery.answered")
    except urllib3.exceptions.TimeoutError as exc:
        error = f"timed out: {exc.__class__.__name__}"
    except Exception as exc:
        error = f"{exc.__class__.__name__}: {exc}"[:500]
    duration_ms = int((time.monotonic() - started) * 1000)
    return _record_attempt(delivery_id, token, claimed.attempt_count + 1, now, status_code,
                           error, duration_ms, retry_after, on_dead)


def _release(delivery_id: int) -> None:
    db.session.execute(
        sa.update(WebhookDelivery).where(WebhookDelivery.id == delivery_id)
        .values(locked_until=None, lease_token=None)
        .execution_options(synchronize_session=False))
    db.session.commit()


_local = threading.local()


def _http() -> urllib3.PoolManager:
    """A connection pool per thread: connections to a receiver are kept alive between
    deliveries. urllib3 itself rather than requests, which costs twice the CPU per request
    on the pipeline's hot path. It retries nothing (a failed attempt is recorded and
    scheduled), follows no redirect and reads no proxy setting from the environment:
    deliveries go where they say."""
    pool = getattr(_local, "pool", None)
    if pool is None:
        pool = _local.pool = urllib3.PoolManager(retries=False)
    return pool


def _record_attempt(delivery_id: int, token: str, attempts: int, now: datetime,
                    status_code: int | None, error: str | None, duration_ms: int,
                    retry_after: timedelta | None,
                    on_dead: Callable[[dict], None] | None = None) -> AttemptOutcome:
    """Record the attempt (the ``attempts``-th, counted from the claim) and, if this
    worker's lease (``token``) is still the delivery's, its new state; commit. A stale
    worker's attempt is kept in the history and changes nothing else (``stale``)."""
    connection = db.session.connection()
    connection.execute(RECORD_ATTEMPT, {
        "delivery_id": delivery_id, "at": now, "status_code": status_code, "error": error,
        "duration_ms": duration_ms})
    retry_in, next_attempt_at = None, None
    if status_code is not None and 200 <= status_code < 300:
        status = DeliveryStatus.SUCCEEDED
    elif status_code == 410 or attempts >= MAX_ATTEMPTS:
        status = DeliveryStatus.DEAD
    else:
        status = DeliveryStatus.FAILED
        retry_in = retry_wait(attempts, retry_after)
        next_attempt_at = now + retry_in
    recorded = connection.execute(RECORD_OUTCOME, {
        "delivery_id": delivery_id, "token": token, "new_status": status.value,
        "retry_at": next_attempt_at, "now": now}).first()
    event_type = recorded.event_type if recorded is not None else None
    if event_type is not None and status == DeliveryStatus.DEAD and on_dead is not None:
        # Which target died: a Supabase function's name, or an admin endpoint's id.
        on_dead({"delivery_id": delivery_id, "event_type": event_type,
                 "function": recorded.function, "endpoint_id": recorded.endpoint_id,
                 "attempts": attempts, "status_code": status_code, "error": error})
    db.session.commit()
    if event_type is None:
        log.warning("webhook delivery %s: attempt %d ended after its lease (%s); its "
                    "outcome is not recorded", delivery_id, attempts, status.value)
        return AttemptOutcome("stale")
    if status == DeliveryStatus.DEAD:
        log.warning("webhook delivery %s (%s) is dead after %d attempts", delivery_id,
                    event_type, attempts)
    return AttemptOutcome(status.value, retry_in)


def retry_wait(failed_attempts: int, retry_after: timedelta | None = None) -> timedelta:
    """The wait after ``failed_attempts`` failures: the schedule's step, jittered by up to
    10 % either way, or the receiver's ``Retry-After`` when that is longer (at most 24 h)."""
    step = RETRY_SCHEDULE[min(failed_attempts, len(RETRY_SCHEDULE)) - 1]
    wait = step * random.uniform(1 - JITTER, 1 + JITTER)  # noqa: S311 (jitter, not a secret)
    if retry_after is not None and retry_after > wait:
        wait = min(retry_after, MAX_RETRY_AFTER)
    return wait


def _retry_after(value: str | None, now: datetime) -> timedelta | None:
    """``Retry-After`` in seconds or as an HTTP date; None when absent or unreadable."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return timedelta(seconds=int(value))
    try:
        return max(parsedate_to_datetime(value) - now, timedelta(0))
    except (TypeError, ValueError):
        return None


def next_in_line(delivery_id: int) -> int | None:
    """The open delivery that waits behind ``delivery_id`` (same ordering key), if any.

    Asked after the outcome's commit, so that a delivery committed meanwhile is either
    found here or finds this one closed. Outside a transaction, on PostgreSQL, it is one
    statement in autocommit: a transaction around a single read would add two round trips
    to every delivery. (SQLite's transactions here take the write lock at BEGIN.)"""
    parameters = {"delivery_id": delivery_id}
    bind = db.session.get_bind()
    if (isinstance(bind, Engine) and bind.dialect.name == "postgresql"
            and not db.session().in_transaction()):
        with bind.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
            return connection.execute(NEXT_IN_LINE, parameters).scalar()
    return db.session.connection().execute(NEXT_IN_LINE, parameters).scalar()


def due_deliveries(now: datetime, limit: int = 500,
                   grace: timedelta = timedelta(seconds=30)) -> list[int]:
    """Open deliveries that are due, not held by a live worker and not waiting behind an
    earlier open one of their key, oldest first: beat's sweep sends them (the retries, and
    any whose first send was missed). A delivery never tried is left to its event's own
    task for ``grace`` (unless a worker claimed it and died: its lease is over). Leaving the
    waiting ones out keeps a receiver that is down for days from costing a task per queued
    event at every sweep."""
    query = (sa.select(WebhookDelivery.id)
             .where(WebhookDelivery.status.in_(OPEN),
                    sa.or_(WebhookDelivery.status == DeliveryStatus.FAILED.value,
                           WebhookDelivery.locked_until.is_not(None),
                           WebhookDelivery.created_at < now - grace),
                    sa.or_(WebhookDelivery.next_attempt_at.is_(None),
                           WebhookDelivery.next_attempt_at <= now),
                    sa.or_(WebhookDelivery.locked_until.is_(None),
                           WebhookDelivery.locked_until < now),
                    ~BLOCKED_BY_EARLIER)
             .order_by(WebhookDelivery.id).limit(limit))
    return list(db.session.scalars(query))
