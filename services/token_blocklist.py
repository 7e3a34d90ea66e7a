"""Where revoked access tokens (and revoked sign-ins, by their family id) are remembered.

The database holds the truth: a revocation is a row, written in the logout's transaction, so
it outlives the loss of Redis (which, here as in many deployments, keeps nothing on disk).
Every request checks it in the one query that loads its user (``revoked_clause``), so the
truth costs no round trip of its own. With ``REDIS_URL`` set, Redis also caches what is known
revoked (``cached_revoked``), so a revoked token is refused before that query; Redis being
away or emptied only means the database answers. Entries last until the token would have
expired."""

from __future__ import annotations

import logging
from datetime import datetime
from typing import Protocol

import redis
import sqlalchemy as sa

from models import RevokedToken, db, utcnow
from services import transactions

log = logging.getLogger(__name__)


def _ids(jti: str, family_id: str | None) -> list[str]:
    return [jti] if family_id is None else [jti, family_id]


def revoked_clause(jti: str, family_id: str | None) -> sa.Exists:
    """Whether the token or its sign-in is revoked, as a clause to select beside the user."""
    return sa.select(RevokedToken.jti).where(RevokedToken.jti.in_(_ids(jti, family_id))).exists()


class TokenBlocklist(Protocol):
    def revoke(self, jti: str, expires_at: datetime) -> None: ...

    def cached_revoked(self, jti: str, family_id: str | None = None) -> bool:
        """Known revoked without asking the database (False when unknown)."""


class DatabaseBlocklist:
    """Revocations written in the caller's transaction, so they commit with the logout."""

    def revoke(self, jti: str, expires_at: datetime) -> None:
        if db.session.get(RevokedToken, jti) is None:
            db.session.add(RevokedToken(jti=jti, expires_at=expires_at))
            db.session.flush()

    def cached_revoked(self, jti: str, family_id: str | None = None) -> bool:
        return False


class CachedBlocklist(DatabaseBlocklist):
    """The database blocklist, with Redis remembering what is known revoked."""

    KEY_PREFIX = "stockroom:revoked-jti:"

    def __init__(self, client: redis.Redis):
        self.client = client

    def revoke(self, jti: str, expires_at: datetime) -> None:
        super().revoke(jti, expires_at)
        # Cached once the revocation has committed: a rolled-back logout revoked nothing.
        transactions.on_commit(lambda: self._remember(jti, expires_at))

    def _remember(self, jti: str, expires_at: datetime) -> None:
        ttl = max(1, int((expires_at - utcnow()).total_seconds()) + 1)
        try:
            self.client.set(self.KEY_PREFIX + jti, "1", ex=ttl)
        except redis.RedisError:
            log.warning("token blocklist: Redis is away; the database keeps the revocation")

    def cached_revoked(self, jti: str, family_id: str | None = None) -> bool:
        try:
            return bool(self.client.exists(*(self.KEY_PREFIX + i for i in _ids(jti, family_id))))
        except redis.RedisError:
            log.warning("token blocklist: Redis is away; the database answers")
            return False


def make_blocklist(client: redis.Redis | None) -> TokenBlocklist:
    return CachedBlocklist(client) if client is not None else DatabaseBlocklist()
