"""Test harness.

The suite runs on the embedded default (a SQLite file, the ``filesystem://`` broker) and,
where ``TEST_DATABASE_URL`` / ``TEST_REDIS_URL`` are set, on PostgreSQL and Redis (``make
test`` runs both rounds). Migrations run for real once per session; each test runs in a
transaction that is rolled back (the session joins it with savepoints), except the tests
marked ``committed``, which need real commits (a Celery worker in another process reads
them) and are cleaned up by deleting every row afterwards.

Tests marked ``postgres`` or ``redis`` need those services. Without the variables they are
deselected (and the summary says so); with them set but unreachable, the run fails, as it
must under CI.
"""

from __future__ import annotations

import os
import uuid
from pathlib import Path

import pytest
import sqlalchemy as sa
from flask_jwt_extended import create_access_token
from flask_sqlalchemy.session import _app_ctx_id
from sqlalchemy.orm import scoped_session, sessionmaker

from core.app import create_app
from models import db
from services.catalog_cache import MemoryCatalogCache

TEST_DATABASE_URL = os.environ.get("TEST_DATABASE_URL") or None
TEST_REDIS_URL = os.environ.get("TEST_REDIS_URL") or None
RUN_ID = uuid.uuid4().hex[:10]

# Cheap argon2id parameters: the algorithm is the same, the suite is not slowed by it.
FAST_ARGON2 = {"ARGON2_TIME_COST": 1, "ARGON2_MEMORY_KIB": 8, "ARGON2_PARALLELISM": 1}


def pytest_configure(config):
    for marker in (
        "postgres: needs PostgreSQL (TEST_DATABASE_URL)",
        "redis: needs Redis (TEST_REDIS_URL) and the redis-server binary",
        "committed: commits for real (another process reads the rows); rows deleted after",
    ):
        config.addinivalue_line("markers", marker)


_deselected_for_services: list[str] = []


def pytest_collection_modifyitems(config, items):
    keep, drop = [], []
    for item in items:
        needs_pg = item.get_closest_marker("postgres") is not None
        needs_redis = item.get_closest_marker("redis") is not None
        if (needs_pg and not TEST_DATABASE_URL) or (needs_redis and not TEST_REDIS_URL):
            drop.append(item)
        else:
            keep.append(item)
    if drop:
        _deselected_for_services.extend(item.nodeid for item in drop)
        config.hook.pytest_deselected(items=drop)
        items[:] = keep


def pytest_terminal_summary(terminalreporter):
    backend = "PostgreSQL + Redis" if TEST_DATABASE_URL else "SQLite + filesystem broker"
    terminalreporter.write_line(f"stockroom: this round ran on {backend}")
    if _deselected_for_services:
        terminalreporter.write_line(
            f"stockroom: {len(_deselected_for_services)} PostgreSQL/Redis-only tests were "
            "deselected; set TEST_DATABASE_URL and TEST_REDIS_URL to run them"
        )


def _require_service(kind: str, check) -> None:
    try:
        check()
    except Exception as exc:  # the run must fail loudly, never skip, under CI
        pytest.exit(f"{kind} is configured but unreachable: {exc}", returncode=3)


@pytest.fixture(scope="session")
def database_url(tmp_path_factory):
    if not TEST_DATABASE_URL:
        yield f"sqlite:///{tmp_path_factory.mktemp('db') / 'test.db'}"
        return
    admin = sa.create_engine(TEST_DATABASE_URL, isolation_level="AUTOCOMMIT")
    name = f"stockroom_test_{RUN_ID}"
    _require_service("PostgreSQL", lambda: admin.connect().close())
    with admin.connect() as connection:
        connection.exec_driver_sql(f'CREATE DATABASE "{name}"')
    yield admin.url.set(database=name).render_as_string(hide_password=False)
    with admin.connect() as connection:
        connection.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    admin.dispose()


@pytest.fixture(scope="session")
def test_environ(database_url, tmp_path_factory) -> dict[str, str]:
    """The environment the app (and any worker process started by a test) is built from."""
    instance = tmp_path_factory.mktemp("instance")
    environ = {
        "APP_ENV": "test",
        "DATABASE_URL": database_url,
        "INSTANCE_PATH": str(instance),
        "EMAIL_BACKEND": "memory",
        "RATELIMIT_ENABLED": "false",
        # Tests read the catalog back right after workers in other processes change it;
        # the per-process copy and its second of lag have tests of their own.
        "CATALOG_LOCAL_CACHE_SECONDS": "0",
    }
    if TEST_REDIS_URL:
        import redis

        _require_service("Redis", lambda: redis.Redis.from_url(TEST_REDIS_URL).ping())
        environ.update({
            "CELERY_BROKER_URL": TEST_REDIS_URL,
            "REDIS_URL": TEST_REDIS_URL,
            "CELERY_BROKER_KEY_PREFIX": f"stockroom-test-{RUN_ID}:",
        })
    return environ


@pytest.fixture(scope="session")
def app(test_environ):
    app = create_app({"TESTING": True, **FAST_ARGON2}, environ=test_environ)
    if "REDIS_URL" not in test_environ:
        # Without Redis the suite still runs with a catalog cache, in memory, so that every
        # test that reads the catalog after changing it checks the invalidation too.
        app.extensions["stockroom.catalog_cache"] = MemoryCatalogCache()
    with app.app_context():
        from flask_migrate import upgrade

        upgrade()
    yield app
    with app.app_context():
        db.engine.dispose()


@pytest.fixture
def enqueued(app):
    """What after-commit dispatch and the relay would send to the broker: (id, type) pairs.

    Tests that want a real broker (the worker tests) put the real publisher back.
    """
    outbox = app.extensions["stockroom.outbox"]
    original, original_redo = outbox.publish, outbox.redo
    sent: list[tuple[int, str]] = []
    outbox.publish = lambda event_id, event_type: sent.append((event_id, event_type))
    # A redo sends the tracked consumers again; run_consumers runs every consumer, which
    # are all idempotent.
    outbox.redo = outbox.publish
    yield sent
    outbox.publish, outbox.redo = original, original_redo


@pytest.fixture
def mail(app):
    """The memory email backend's list of sent messages, emptied for each test."""
    backend = app.extensions["stockroom.email_backend"]
    backend.sent.clear()
    return backend.sent


@pytest.fixture(autouse=True)
def _db(request, app, enqueued):
    # Tests that build another app make its Celery app the current one, and @shared_task
    # proxies follow it: give every test the suite's own app back.
    app.extensions["celery"].set_default()
    app.extensions["celery"].set_current()
    # Each test's catalog starts uncached: its rows are rolled back, its entries are not.
    app.extensions["stockroom.catalog_cache"].invalidate()
    if request.node.get_closest_marker("committed"):
        yield from _committed_db(app)
    else:
        yield from _rolled_back_db(app)


def _rolled_back_db(app):
    with app.app_context():
        connection = db.engine.connect()
        transaction = connection.begin()
        original = db.session
        # A plain SQLAlchemy session bound to the test's connection: Flask-SQLAlchemy's
        # own session class picks its engine itself and would leave the transaction.
        db.session = scoped_session(
            sessionmaker(bind=connection, join_transaction_mode="create_savepoint"),
            scopefunc=_app_ctx_id,
        )
        outbox = app.extensions["stockroom.outbox"]
        marking_engine, outbox.bind = outbox.bind, connection
        try:
            yield connection
        finally:
            db.session.remove()
            db.session = original
            outbox.bind = marking_engine
            transaction.rollback()
            connection.close()


def _committed_db(app):
    with app.app_context():
        try:
            yield None
        finally:
            db.session.remove()
            with db.engine.begin() as connection:
                for table in reversed(db.metadata.sorted_tables):
                    if table.name == "locations":
                        # The default location is the migration's, as in every database.
                        connection.execute(table.delete().where(table.c.code != "default"))
                    else:
                        connection.execute(table.delete())
            # What a worker test's broker still holds names this test's rows; on SQLite the
            # next test's rows take the same ids, and a stale task would act on them.
            app.extensions["celery"].control.purge()


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def auth_headers(app):
    def make(user) -> dict[str, str]:
        token = create_access_token(identity=str(user.id))
        return {"Authorization": f"Bearer {token}"}

    return make


@pytest.fixture
def project_root() -> Path:
    return Path(__file__).resolve().parent.parent


@pytest.fixture
def run_consumers(app, enqueued):
    """Run, in this process, the consumer tasks of every event enqueued so far (once)."""
    from tasks.outbox import CONSUMERS

    def run() -> int:
        ran = 0
        celery = app.extensions["celery"]
        while enqueued:
            event_id, event_type = enqueued.pop(0)
            for task_name in CONSUMERS.get(event_type, ()):
                celery.tasks[task_name](event_id)
                ran += 1
        return ran

    return run
