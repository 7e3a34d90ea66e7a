"""Liveness checks for pooled database connections, paid only where they find something.

SQLAlchemy's ``pool_pre_ping`` tests every connection each time the pool hands it out: one
round trip per transaction. A request or a task runs two or three short transactions, so
that was a round trip in every five statements of checkout and of a webhook delivery. A
connection handed back a moment ago is as alive as its last statement found it; the ones
at risk are those that sat idle (a server restart, an idle timeout, a killed backend). So
a connection is tested only after ``PING_AFTER_IDLE_SECONDS`` in the pool, and one that
fails the test is replaced before anyone uses it (SQLAlchemy's ``DisconnectionError``
recipe). A connection that dies while in use fails its statement; the disconnect
invalidates the pool, the request answers a JSON 503 and the task retries.
"""

from __future__ import annotations

import time

from sqlalchemy import event, exc
from sqlalchemy.engine import Engine

# What a task retries with backoff: the database failed the statement in a way a later try
# may not meet (a terminated backend, a dropped connection, a deadlock victim, a
# serialization failure). Bad data or a broken invariant are not among them.
DATABASE_ERRORS = (exc.OperationalError, exc.InterfaceError)

PING_AFTER_IDLE_SECONDS = 5.0
CHECKED_IN = "stockroom.checked_in"


def ping_when_idle(engine: Engine, idle_seconds: float = PING_AFTER_IDLE_SECONDS) -> None:
    """Test ``engine``'s pooled connections before use once they idled ``idle_seconds``."""
    if engine.dialect.name == "sqlite":
        return
    dialect = engine.dialect

    def checkin(dbapi_connection, record) -> None:
        record.info[CHECKED_IN] = time.monotonic()

    def checkout(dbapi_connection, record, proxy) -> None:
        since = record.info.get(CHECKED_IN)
        if since is None or time.monotonic() - since < idle_seconds:
            return
        try:
            dialect.do_ping(dbapi_connection)
        except Exception as error:
            # The pool discards this connection and hands out a fresh one.
            raise exc.DisconnectionError("a pooled connection failed its liveness check") \
                from error

    event.listen(engine, "checkin", checkin)
    event.listen(engine, "checkout", checkout)
