"""Pooled connections are tested after idling, and only then (core.database)."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from core import database

pytestmark = pytest.mark.postgres


@pytest.fixture
def engine(database_url):
    engine = sa.create_engine(database_url, pool_size=1, max_overflow=0)
    pings = []
    ping = engine.dialect.do_ping
    engine.dialect.do_ping = lambda connection: pings.append(1) or ping(connection)
    engine.pings = pings
    yield engine
    engine.dispose()


def _backend_pid(engine) -> int:
    with engine.connect() as connection:
        return connection.exec_driver_sql("SELECT pg_backend_pid()").scalar_one()


def _terminate(database_url: str, pid: int) -> None:
    killer = sa.create_engine(database_url, isolation_level="AUTOCOMMIT")
    with killer.connect() as connection:
        assert connection.execute(sa.text("SELECT pg_terminate_backend(:pid)"),
                                  {"pid": pid}).scalar_one()
    killer.dispose()


def test_a_connection_killed_while_idle_is_replaced_before_use(engine, database_url):
    database.ping_when_idle(engine, idle_seconds=0)
    first = _backend_pid(engine)
    _terminate(database_url, first)
    second = _backend_pid(engine)  # would raise if the dead connection were handed out
    assert second != first and len(engine.pings) == 1


def test_a_connection_back_a_moment_ago_is_not_tested(engine):
    database.ping_when_idle(engine, idle_seconds=60)
    pids = {_backend_pid(engine) for _ in range(5)}
    assert len(pids) == 1 and engine.pings == []


def test_a_connection_killed_in_use_fails_once_then_the_pool_recovers(engine, database_url):
    database.ping_when_idle(engine, idle_seconds=60)
    first = _backend_pid(engine)
    _terminate(database_url, first)
    with pytest.raises(sa.exc.OperationalError), engine.connect() as connection:
        connection.exec_driver_sql("SELECT 1")
    assert _backend_pid(engine) != first


def test_a_session_that_cannot_end_does_not_turn_the_answer_into_an_empty_500(app,
                                                                              monkeypatch):
    """The probe's finding: with PostgreSQL backends terminated, two answers were 500s with
    an empty body: the session's rollback raised in the app context's teardown, after the
    answer was built. The teardown now ends the session itself and keeps that inside."""
    import sqlalchemy as sa

    from models import db

    def dead(*_args):
        raise sa.exc.OperationalError("ROLLBACK", {}, Exception("terminating connection"))

    end_session = next(f for f in app.teardown_appcontext_funcs
                       if f.__name__ == "end_session")
    monkeypatch.setattr(db.session, "remove", dead)
    end_session(None)
