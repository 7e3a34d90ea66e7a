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


def make_blocklist(client: redis.Redis | None) -> TokenBlocklist:
    return RedisBlocklist(client) if client is not None else DatabaseBlocklist()
