"""Ending sessions (break 3 and the session findings): logout-all and password reset end
access tokens issued before too; deactivation ends the token families for good; a
revocation lives in the database, so losing Redis neither revives a token nor fails a
request; a refresh racing a revocation is forced on PostgreSQL in test_interleavings."""

from __future__ import annotations

import redis
import sqlalchemy as sa
from redis.backoff import NoBackoff
from redis.retry import Retry

from models import RefreshToken, db
from services.token_blocklist import CachedBlocklist
from tests.api.test_auth import LOGOUT, REFRESH, bearer, login
from tests.factories import UserFactory
from tests.helpers import free_port

ME = "/api/v1/me"
LOGOUT_ALL = "/api/v1/auth/logout-all"


def test_logout_all_ends_every_access_and_refresh_token(client):
    user = UserFactory()
    first, second = login(client, user.email).json, login(client, user.email).json
    assert client.post(LOGOUT_ALL, headers=bearer(first["access_token"])).status_code == 204
    for tokens in (first, second):
        assert client.get(ME, headers=bearer(tokens["access_token"])).status_code == 401
        assert client.post(REFRESH, headers=bearer(tokens["refresh_token"])).status_code == 401
    fresh = login(client, user.email).json
    assert client.get(ME, headers=bearer(fresh["access_token"])).status_code == 200


def test_deactivation_ends_the_sessions_for_good(client, auth_headers):
    admin, user = UserFactory(role="admin"), UserFactory()
    tokens = login(client, user.email).json
    for active in (False, True):
        assert client.patch(f"/api/v1/admin/users/{user.id}", json={"is_active": active},
                            headers=auth_headers(admin)).status_code == 200
    assert client.post(REFRESH, headers=bearer(tokens["refresh_token"])).status_code == 401
    assert client.get(ME, headers=bearer(tokens["access_token"])).status_code == 401
    assert db.session.scalar(sa.select(sa.func.count()).select_from(RefreshToken).where(
        RefreshToken.user_id == user.id, RefreshToken.revoked_at.is_(None))) == 0


def test_a_revocation_outlives_the_cache_and_redis_being_away(app, client, monkeypatch):
    """With Redis stopped, a signed-in request used to be a 500; after Redis restarted
    empty, a logged-out token worked again. The database holds the revocation."""
    dead_redis = redis.Redis(host="127.0.0.1", port=free_port(), socket_connect_timeout=0.2,
                             retry=Retry(NoBackoff(), 0))
    monkeypatch.setitem(app.extensions, "stockroom.blocklist", CachedBlocklist(dead_redis))
    user = UserFactory()
    tokens = login(client, user.email).json
    assert client.get(ME, headers=bearer(tokens["access_token"])).status_code == 200
    assert client.post(LOGOUT, headers=bearer(tokens["access_token"])).status_code == 204
    answer = client.get(ME, headers=bearer(tokens["access_token"]))
    assert answer.status_code == 401 and answer.is_json
