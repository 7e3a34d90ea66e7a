"""Anonymous catalog reads kept in Redis, dropped whenever the catalog changes.

Every entry's key carries the catalog's generation, a counter that a committed catalog change
bumps once (after its commit, never inside it): the next read finds no entry under the new
generation and fills one. A reader takes the generation before it reads the database, so an
answer read before a change can only ever be stored under the generation that change ended.
Entries also expire on their own (``CATALOG_CACHE_SECONDS``), which bounds how long a bump
lost to a Redis outage can leave an answer stale.

Each process also keeps the answers it last found current for ``CATALOG_LOCAL_CACHE_SECONDS``
(1 s; 0 for none) in its own memory (``NearCatalogCache``), so that a hot page costs no
round trip to Redis at all. A change committed by the same process drops that copy at once;
one committed by another process is seen within those seconds. Anonymous answers are
already public for a minute (``Cache-Control``), so this adds nothing a client could not see.

What changes the catalog: the catalog's events (``product.updated``, ``product.deleted`` and
``inventory.changed``, recorded through the outbox), category changes and reviews (a
product's rating). Without ``REDIS_URL`` nothing is cached here, since one process's memory
cannot see another's commits; the HTTP caching headers still apply.
"""

from __future__ import annotations

import logging
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from typing import Protocol

import redis
from flask import current_app

from models import db
from services import transactions

log = logging.getLogger(__name__)

CATALOG_EVENTS = frozenset({"product.updated", "product.deleted", "inventory.changed"})
CHANGED_KEY = "stockroom.catalog_changed"


class CatalogCache(Protocol):
    def lookup(self, key: str) -> tuple[int, bytes | None] | None:
        """The current generation and the entry stored under it for ``key`` (None when
        there is none), or None when the cache cannot be used now."""

    def generation(self) -> int | None:
        """The current generation, or None when the cache cannot be used now."""

    def put(self, generation: int, key: str, value: bytes) -> None: ...

    def invalidate(self) -> None:
        """Start a new generation: every entry stored so far is never read again."""


class NoCatalogCache:
    def lookup(self, key: str) -> tuple[int, bytes | None] | None:
        return None

    def generation(self) -> int | None:
        return None

    def put(self, generation: int, key: str, value: bytes) -> None:
        pass

    def invalidate(self) -> None:
        pass


# The generation and the entry under it in one round trip: a hit costs one call to Redis.
LOOKUP_SCRIPT = """
local generation = redis.call('GET', KEYS[1]) or '0'
return {generation, redis.call('GET', ARGV[1] .. ':' .. generation .. ':' .. ARGV[2])}
"""


class RedisCatalogCache:
    """The generation is one Redis counter; entries are plain keys with a time to live.

    Redis being away turns the cache off for that request (the database answers), never
    into an error: the catalog must stay readable without it.
    """

    def __init__(self, client: redis.Redis, prefix: str, ttl_seconds: int):
        self.client = client
        self.prefix = prefix
        self.ttl_seconds = ttl_seconds
        self.generation_key = f"{prefix}:generation"
        self.lookup_script = client.register_script(LOOKUP_SCRIPT)

    def lookup(self, key: str) -> tuple[int, bytes | None] | None:
        try:
            generation, value = self.lookup_script(keys=[self.generation_key],
                                                   args=[self.prefix, key])
        except redis.RedisError:
            log.warning("catalog cache: Redis is unavailable; reading the database")
            return None
        return int(generation), value

    def generation(self) -> int | None:
        try:
            return int(self.client.get(self.generation_key) or 0)
        except redis.RedisError:
            return None

    def put(self, generation: int, key: str, value: bytes) -> None:
        try:
            self.client.set(f"{self.prefix}:{generation}:{key}", value, ex=self.ttl_seconds)
        except redis.RedisError:
            log.warning("catalog cache: could not store %s", key)

    def invalidate(self) -> None:
        self.client.incr(self.generation_key)


class MemoryCatalogCache:
    """The same contract in one process's memory: for tests, and for reading the module."""

    def __init__(self, ttl_seconds: int = 60):
        self.ttl_seconds = ttl_seconds
        self.current = 0
        self.entries: dict[tuple[int, str], tuple[float, bytes]] = {}
        self.lock = threading.Lock()

    def lookup(self, key: str) -> tuple[int, bytes | None] | None:
        with self.lock:
            generation = self.current
            expires, value = self.entries.get((generation, key), (0.0, None))
        return generation, value if expires > time.monotonic() else None

    def generation(self) -> int | None:
        return self.current

    def put(self, generation: int, key: str, value: bytes) -> None:
        with self.lock:
            self.entries[(generation, key)] = (time.monotonic() + self.ttl_seconds, value)

    def invalidate(self) -> None:
        with self.lock:
            self.current += 1
            self.entries.clear()


class NearCatalogCache:
    """A process's own copies of the shared cache's current answers, each kept for
    ``seconds`` after the shared cache confirmed it current, at most ``max_entries``.

    Only answers read back from the shared cache are kept: one that this process just read
    from the database is stored under the generation taken before that read, which a
    change may have ended meanwhile; only the shared cache can tell.
    """

    def __init__(self, shared: CatalogCache, seconds: float, max_entries: int = 256,
                 clock: Callable[[], float] = time.monotonic):
        self.shared = shared
        self.seconds = seconds
        self.max_entries = max_entries
        self.clock = clock
        self.entries: OrderedDict[str, tuple[float, int, bytes]] = OrderedDict()
        self.lock = threading.Lock()

    def lookup(self, key: str) -> tuple[int, bytes | None] | None:
        now = self.clock()
        with self.lock:
            kept = self.entries.get(key)
            if kept is not None and kept[0] > now:
                return kept[1], kept[2]
        found = self.shared.lookup(key)
        if found is not None and found[1] is not None:
            with self.lock:
                self.entries[key] = (now + self.seconds, found[0], found[1])
                self.entries.move_to_end(key)
                while len(self.entries) > self.max_entries:
                    self.entries.popitem(last=False)
        return found

    def generation(self) -> int | None:
        return self.shared.generation()

    def put(self, generation: int, key: str, value: bytes) -> None:
        self.shared.put(generation, key, value)

    def invalidate(self) -> None:
        with self.lock:
            self.entries.clear()
        self.shared.invalidate()


def make_catalog_cache(client: redis.Redis | None, prefix: str, ttl_seconds: int,
                       local_seconds: float = 0) -> CatalogCache:
    if client is None or ttl_seconds <= 0:
        return NoCatalogCache()
    shared = RedisCatalogCache(client, prefix, ttl_seconds)
    return NearCatalogCache(shared, local_seconds) if local_seconds > 0 else shared


def catalog_cache() -> CatalogCache:
    return current_app.extensions["stockroom.catalog_cache"]


def catalog_changed() -> None:
    """The current transaction changes what the catalog shows: once it commits, start a new
    generation. Called once or many times per transaction, it bumps once."""
    if db.session.info.get(CHANGED_KEY):
        return
    db.session.info[CHANGED_KEY] = True
    cache = catalog_cache()
    ttl_seconds = current_app.config["CATALOG_CACHE_SECONDS"]

    def invalidate() -> None:
        try:
            cache.invalidate()
        except redis.RedisError:
            log.error("catalog cache: could not start a new generation; cached answers may "
                      "be stale for up to %s s", ttl_seconds)

    def forget() -> None:
        db.session.info.pop(CHANGED_KEY, None)

    transactions.on_commit(invalidate)
    transactions.on_commit(forget)
    transactions.on_rollback(forget)
