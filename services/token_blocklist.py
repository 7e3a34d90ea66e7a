"""Where revoked access tokens are remembered: the database, or Redis when ``REDIS_URL`` is set.

Both keep an entry only until the token would have expired anyway.
"""

from __future__ import annotations

from datetime import datetime
from typing import Protocol

import redis

from models import RevokedToken, db, utcnow


class TokenBlocklist(Protocol):
    def revoke(self, jti: str, expires_at: datetime) -> None: ...

    def is_revoked(self, jti: str) -> bool: ...


class DatabaseBlocklist:
    """Revocations written in the caller's transaction, so they commit with the logout."""

    def revoke(self, jti: str, expires_at: datetime) -> None:
        if db.session.get(RevokedToken, jti) is None:
            db.session.add(RevokedToken(jti=jti, expires_at=expires_at))
            db.session.flush()

    def is_revoked(self, jti: str) -> bool:
        return db.session.get(RevokedToken, jti) is not None


class RedisBlocklist:
    KEY_PREFIX = "stockroom:revoked-jti:"

    def __init__(self, client: redis.Redis):
        self.client = client

    def revoke(self, jti: str, expires_at: datetime) -> None:
        ttl = max(1, int((expires_at - utcnow()).total_seconds()) + 1)
        self.client.set(self.KEY_PREFIX + jti, "1", ex=ttl)

    def is_revoked(self, jti: str) -> bool:
        return bool(self.client.exists(self.KEY_PREFIX + jti))


# Every authenticated request asks the blocklist, so a burst of requests needs a burst of
# connections: a blocking pool makes the excess wait for one instead of failing.
REDIS_POOL_MAX_CONNECTIONS = 50
REDIS_POOL_WAIT_S = 5
REDIS_SOCKET_TIMEOUT_S = 2


def make_blocklist(redis_url: str | None) -> TokenBlocklist:
    if redis_url:
        pool = redis.BlockingConnectionPool.from_url(
            redis_url, max_connections=REDIS_POOL_MAX_CONNECTIONS, timeout=REDIS_POOL_WAIT_S,
            socket_timeout=REDIS_SOCKET_TIMEOUT_S,
            socket_connect_timeout=REDIS_SOCKET_TIMEOUT_S)
        return RedisBlocklist(redis.Redis(connection_pool=pool))
    return DatabaseBlocklist()
