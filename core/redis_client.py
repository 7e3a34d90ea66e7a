"""The one Redis client of a process (``REDIS_URL``), shared by the token blocklist and the
catalog cache."""

from __future__ import annotations

import redis

# Every authenticated request asks the blocklist and every anonymous catalog read asks the
# cache, so a burst of requests needs a burst of connections: a blocking pool makes the
# excess wait for one instead of failing.
REDIS_POOL_MAX_CONNECTIONS = 50
REDIS_POOL_WAIT_S = 5
REDIS_SOCKET_TIMEOUT_S = 2


def make_redis(redis_url: str | None) -> redis.Redis | None:
    if not redis_url:
        return None
    pool = redis.BlockingConnectionPool.from_url(
        redis_url, max_connections=REDIS_POOL_MAX_CONNECTIONS, timeout=REDIS_POOL_WAIT_S,
        socket_timeout=REDIS_SOCKET_TIMEOUT_S, socket_connect_timeout=REDIS_SOCKET_TIMEOUT_S)
    return redis.Redis(connection_pool=pool)
