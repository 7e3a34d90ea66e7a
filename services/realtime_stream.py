"""The real-time stream: the messages the Socket.io server sends, appended in one order,
followed by every real-time process, and read again from an id when a client comes back.

Two kinds, one interface. With ``REDIS_URL``, a Redis stream (the message queue the
real-time processes share): an append is one Lua script, which drops an outbox event
appended before and gives each message an id from Redis's clock in microseconds, kept
increasing (so ids still increase after Redis restarted empty). Without, a table
(``realtime_events``, the embedded default), whose appends are serialized so that ids
commit in increasing order. Either way a reader that follows ``id > last`` never skips one,
and messages older than ``REALTIME_REPLAY_SECONDS`` (plus a margin) are dropped.

An event is appended once per outbox event (its id is the dedupe key): a broadcast task
that runs twice appends nothing the second time.
"""

from __future__ import annotations

import json
import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

import redis
import sqlalchemy as sa

from models import RealtimeEvent, db, insert_ignoring_conflict, utcnow

# Kept this much longer than promised: a client exactly at the limit still replays.
RETENTION_MARGIN_S = 60


class StreamUnavailable(RuntimeError):
    """The stream's store did not answer (Redis away): the caller retries."""


@dataclass(frozen=True)
class Message:
    type: str
    rooms: tuple[str, ...]
    data: dict

    def encode(self) -> str:
        return json.dumps({"t": self.type, "r": list(self.rooms), "d": self.data},
                          separators=(",", ":"), default=str)

    @classmethod
    def decode(cls, raw: str | bytes) -> Message:
        body = json.loads(raw)
        return cls(body["t"], tuple(body["r"]), body["d"])


@dataclass(frozen=True)
class Entry:
    id: int
    message: Message


# KEYS: the stream, its last id, the outbox event's dedupe key, the stream's epoch.
# ARGV: retention in microseconds, the dedupe key's lifetime in seconds, a new epoch (set
# only if the stream has none), then one encoded message per argument. Returns the ids.
APPEND_SCRIPT = """
if redis.call('SET', KEYS[3], '1', 'NX', 'EX', tonumber(ARGV[2])) == false then
    return {}
end
redis.call('SET', KEYS[4], ARGV[3], 'NX')
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
local last = tonumber(redis.call('GET', KEYS[2]) or '0')
local ids = {}
for i = 4, #ARGV do
    local n = math.max(now, last + 1)
    last = n
    local id = string.format('%.0f', n)
    redis.call('XADD', KEYS[1], id .. '-1', 'm', ARGV[i])
    ids[#ids + 1] = id
end
redis.call('SET', KEYS[2], string.format('%.0f', last))
redis.call('XTRIM', KEYS[1], 'MINID', '~', string.format('%.0f', now - tonumber(ARGV[1])))
return ids
"""


def _entry(raw_id: bytes | str, fields: dict) -> Entry:
    raw_id = raw_id.decode() if isinstance(raw_id, bytes) else raw_id
    payload = fields.get(b"m") or fields.get("m")
    return Entry(int(raw_id.split("-", 1)[0]), Message.decode(payload))


class RedisStream:
    kind = "redis"

    def __init__(self, url: str, prefix: str, retention_seconds: int):
        self.client = redis.Redis.from_url(url, socket_timeout=10, socket_connect_timeout=5,
                                           health_check_interval=30)
        self.key = f"{prefix}realtime"
        self.retention = retention_seconds + RETENTION_MARGIN_S
        self._append = self.client.register_script(APPEND_SCRIPT)

    def _call(self, method, *args, **kwargs):
        try:
            return method(*args, **kwargs)
        except redis.RedisError as error:
            raise StreamUnavailable(f"Redis: {error}") from error

    def append(self, outbox_event_id: int, messages: Sequence[Message]) -> list[int]:
        if not messages:
            return []
        ids = self._call(self._append,
                         keys=[self.key, f"{self.key}:last", f"{self.key}:seen:{outbox_event_id}",
                               f"{self.key}:epoch"],
                         args=[self.retention * 1_000_000, self.retention * 2,
                               secrets.token_hex(8), *(m.encode() for m in messages)])
        return [int(i) for i in ids]

    def epoch(self) -> str:
        """The stream's identity: a new one after Redis lost it (restarted empty). Made by
        whoever asks first (a follower on an empty stream, or the first append), so that a
        restart is noticed even when nothing was appended before it."""
        key = f"{self.key}:epoch"
        pipeline = self.client.pipeline(transaction=True)
        pipeline.set(key, secrets.token_hex(8), nx=True)
        pipeline.get(key)
        _, value = self._call(pipeline.execute)
        return value.decode()

    def head(self) -> int:
        last = self._call(self.client.xrevrange, self.key, count=1)
        return _entry(*last[0]).id if last else 0

    def after(self, last_id: int, limit: int = 500, block_ms: int = 0) -> list[Entry]:
        """The entries after ``last_id``; waits up to ``block_ms`` for one (0: no wait)."""
        found = self._call(self.client.xread, {self.key: f"{last_id}-1"}, count=limit,
                           block=block_ms or None)
        return [_entry(raw_id, fields) for _, rows in found or [] for raw_id, fields in rows]

    def between(self, after_id: int, until_id: int, limit: int = 500) -> list[Entry]:
        """The entries with ``after_id < id <= until_id``, in order."""
        rows = self._call(self.client.xrange, self.key, f"({after_id}-1", f"{until_id}-1",
                          count=limit)
        return [_entry(raw_id, fields) for raw_id, fields in rows]

    def has(self, entry_id: int) -> bool:
        return bool(self._call(self.client.xrange, self.key, f"{entry_id}-1", f"{entry_id}-1"))

    def purge(self, now: datetime) -> int:
        """Appends trim the stream themselves."""
        return 0


class DatabaseStream:
    """The stream as a table, for one machine without Redis. Its reads and appends use the
    caller's session (and application context)."""

    kind = "database"
    # Appends take this transaction-scoped lock on PostgreSQL, so that ids commit in the
    # order they were drawn (SQLite serializes every writer anyway).
    LOCK_KEY = 0x5354524D  # "STRM"

    def __init__(self, retention_seconds: int):
        self.retention = retention_seconds + RETENTION_MARGIN_S

    def append(self, outbox_event_id: int, messages: Sequence[Message]) -> list[int]:
        if not messages:
            return []
        if db.session.get_bind().dialect.name == "postgresql":
            db.session.execute(sa.select(sa.func.pg_advisory_xact_lock(self.LOCK_KEY)))
        now = utcnow()
        ids = []
        for seq, message in enumerate(messages):
            new_id = db.session.execute(
                insert_ignoring_conflict(RealtimeEvent, ["outbox_event_id", "seq"])
                .values(outbox_event_id=outbox_event_id, seq=seq, type=message.type,
                        rooms=list(message.rooms), data=message.data, created_at=now)
                .returning(RealtimeEvent.id)).scalar()
            if new_id is not None:
                ids.append(new_id)
        return ids

    def epoch(self) -> str:
        return "database"

    def head(self) -> int:
        return db.session.scalar(sa.select(sa.func.coalesce(sa.func.max(RealtimeEvent.id), 0)))

    def _rows(self, *where, limit: int) -> list[Entry]:
        rows = db.session.execute(
            sa.select(RealtimeEvent.id, RealtimeEvent.type, RealtimeEvent.rooms,
                      RealtimeEvent.data)
            .where(*where).order_by(RealtimeEvent.id).limit(limit)).all()
        return [Entry(row.id, Message(row.type, tuple(row.rooms), row.data)) for row in rows]

    def after(self, last_id: int, limit: int = 500, block_ms: int = 0) -> list[Entry]:
        return self._rows(RealtimeEvent.id > last_id, limit=limit)

    def between(self, after_id: int, until_id: int, limit: int = 500) -> list[Entry]:
        return self._rows(RealtimeEvent.id > after_id, RealtimeEvent.id <= until_id,
                          limit=limit)

    def has(self, entry_id: int) -> bool:
        return db.session.get(RealtimeEvent, entry_id) is not None

    def purge(self, now: datetime) -> int:
        # The newest row always stays: ids are never reused (clients compare them), and
        # SQLite would start again from the highest id left.
        newest = sa.select(sa.func.max(RealtimeEvent.id)).scalar_subquery()
        return db.session.execute(sa.delete(RealtimeEvent).where(
            RealtimeEvent.created_at < now - timedelta(seconds=self.retention),
            RealtimeEvent.id < newest)).rowcount


def make_stream(config) -> RedisStream | DatabaseStream:
    retention = config["REALTIME_REPLAY_SECONDS"]
    if config["REDIS_URL"]:
        return RedisStream(config["REDIS_URL"], config["CELERY_BROKER_KEY_PREFIX"] or "stockroom:",
                           retention)
    return DatabaseStream(retention)
