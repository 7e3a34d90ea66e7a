"""The outbox: written with the change, dispatched after commit, relayed after outages."""

from __future__ import annotations

import threading
from datetime import timedelta

import pytest
import sqlalchemy as sa

from models import OutboxEvent, db, utcnow
from services import outbox, transactions
from tests.factories import UserFactory


def _relay(app, grace_seconds=0, limit=100):
    return outbox.relay_undispatched(app.extensions["stockroom.outbox"], utcnow(),
                                     grace=timedelta(seconds=grace_seconds), limit=limit)


def test_committed_event_is_dispatched_after_commit(app, enqueued):
    event = outbox.record_event("test.happened", "thing", 7, {"x": 1})
    assert enqueued == []  # nothing leaves before the commit
    db.session.commit()
    assert enqueued == [(event.id, "test.happened")]
    assert db.session.get(OutboxEvent, event.id).dispatched_at is not None


def test_rolled_back_event_dispatches_nothing(app, enqueued):
    event_id = outbox.record_event("test.happened", "thing", 7, {}).id
    db.session.rollback()
    db.session.commit()  # a later commit must not pick up the rolled-back event
    assert enqueued == []
    assert db.session.get(OutboxEvent, event_id) is None


def test_a_released_savepoint_is_not_the_commit(app, enqueued):
    """SQLAlchemy calls after_commit when a SAVEPOINT is released too: nothing may leave
    then, since the transaction around it can still roll back."""
    ran = []
    event = outbox.record_event("test.happened", "thing", 7, {})
    transactions.on_commit(lambda: ran.append("committed"))
    with db.session.begin_nested():
        outbox.record_event("test.inner", "thing", 7, {})
    assert enqueued == [] and ran == []
    db.session.rollback()
    db.session.commit()
    assert enqueued == [] and ran == []
    event = outbox.record_event("test.happened", "thing", 8, {})
    transactions.on_commit(lambda: ran.append("committed"))
    with db.session.begin_nested():
        inner = outbox.record_event("test.inner", "thing", 8, {})
    db.session.commit()
    assert enqueued == [(event.id, "test.happened"), (inner.id, "test.inner")]
    assert ran == ["committed"]


def test_a_rolled_back_savepoint_keeps_the_outer_transactions_work(app, enqueued):
    """Break 9: SQLAlchemy fires after_rollback for a SAVEPOINT too, and the old hook
    dropped every pending event and callback of the outer transaction then (this failed
    before the fix: nothing was published and the callback never ran)."""
    ran, undone = [], []
    outer = outbox.record_event("test.outer", "thing", 9, {})
    transactions.on_commit(lambda: ran.append("outer"))
    nested = db.session.begin_nested()
    outbox.record_event("test.inner", "thing", 9, {})
    transactions.on_commit(lambda: ran.append("inner"))
    transactions.on_rollback(lambda: undone.append("inner"))
    with db.session.begin_nested():
        outbox.record_event("test.innermost", "thing", 9, {})
    nested.rollback()
    assert undone == ["inner"]
    after = outbox.record_event("test.after", "thing", 9, {})
    db.session.commit()
    assert enqueued == [(outer.id, "test.outer"), (after.id, "test.after")]
    assert ran == ["outer"]
    stored = db.session.scalars(sa.select(OutboxEvent.type).where(
        OutboxEvent.aggregate_id == "9").order_by(OutboxEvent.id)).all()
    assert stored == ["test.outer", "test.after"]


def test_a_failed_request_dispatches_nothing(client, enqueued):
    UserFactory(email="taken@example.com")
    response = client.post("/api/v1/auth/register", json={
        "email": "taken@example.com", "password": "a" * 12, "full_name": "X"})
    assert response.status_code == 409
    assert enqueued == []


def test_broker_down_at_commit_leaves_event_for_the_relay(app, client, enqueued):
    UserFactory(email="r@example.com")
    box = app.extensions["stockroom.outbox"]
    recorder = box.publish

    def broker_down(event_id, event_type):
        raise ConnectionRefusedError("broker unreachable")

    box.publish = broker_down
    response = client.post("/api/v1/auth/password-reset", json={"email": "r@example.com"})
    assert response.status_code == 202  # the request committed; the broker is not its concern
    event = db.session.scalar(sa.select(OutboxEvent))
    assert event.dispatched_at is None

    box.publish = recorder
    assert _relay(app, grace_seconds=60) == 0  # too fresh: left to its own dispatch
    assert _relay(app) == 1
    assert enqueued == [(event.id, "user.password_reset_requested")]
    assert _relay(app) == 0  # published once
    assert enqueued == [(event.id, "user.password_reset_requested")]
    db.session.refresh(event)
    assert event.dispatched_at is not None and event.dispatch_attempts == 1


def test_relay_stops_at_the_first_failure_and_keeps_order(app, enqueued):
    box = app.extensions["stockroom.outbox"]
    recorder = box.publish
    box.publish = lambda *_: (_ for _ in ()).throw(ConnectionError("down"))
    ids = [outbox.record_event("test.happened", "thing", 1, {"n": n}).id for n in range(5)]
    db.session.commit()
    calls = []

    def flaky(event_id, event_type):
        if len(calls) == 2:
            raise ConnectionError("down again")
        calls.append(event_id)
        recorder(event_id, event_type)

    box.publish = flaky
    assert _relay(app) == 2
    box.publish = recorder
    assert _relay(app) == 3
    assert [event_id for event_id, _ in enqueued] == ids


def test_event_carries_the_request_id(client, enqueued):
    UserFactory(email="rid@example.com")
    client.post("/api/v1/auth/password-reset", json={"email": "rid@example.com"},
                headers={"X-Request-ID": "req-42"})
    assert db.session.scalar(sa.select(OutboxEvent.request_id)) == "req-42"


def test_lag_is_the_age_of_the_oldest_undispatched_event(app):
    assert outbox.undispatched_lag_seconds(utcnow()) == 0.0
    db.session.add(OutboxEvent(type="t", aggregate_type="a", aggregate_id="1", data={},
                               created_at=utcnow() - timedelta(seconds=90)))
    db.session.flush()
    assert 89 < outbox.undispatched_lag_seconds(utcnow()) < 120


def _record_undispatched(app, count: int) -> list[int]:
    """Commit ``count`` events whose after-commit dispatch failed (broker away)."""
    box = app.extensions["stockroom.outbox"]
    original = box.publish
    box.publish = _broker_down
    try:
        ids = [outbox.record_event("test.happened", "thing", n, {}).id for n in range(count)]
        db.session.commit()
    finally:
        box.publish = original
    return ids


def _broker_down(event_id, event_type):
    raise ConnectionRefusedError("broker unreachable")


@pytest.mark.postgres
@pytest.mark.committed
def test_relay_skips_rows_locked_by_another_transaction(app, enqueued):
    ids = _record_undispatched(app, 3)
    other = db.engine.connect()
    try:
        other.execute(sa.select(OutboxEvent.__table__).where(
            OutboxEvent.__table__.c.id == ids[0]).with_for_update())
        assert _relay(app) == 2
        db.session.commit()
        assert [event_id for event_id, _ in enqueued] == ids[1:]
    finally:
        other.rollback()
        other.close()
    assert _relay(app) == 1
    db.session.commit()
    assert [event_id for event_id, _ in enqueued] == [*ids[1:], ids[0]]


@pytest.mark.postgres
@pytest.mark.committed
def test_concurrent_relays_publish_each_event_once(app):
    ids = _record_undispatched(app, 60)
    box = app.extensions["stockroom.outbox"]
    published: list[int] = []
    lock = threading.Lock()
    original = box.publish

    def record(event_id, event_type):
        with lock:
            published.append(event_id)

    box.publish = record
    barrier = threading.Barrier(4)

    def relay():
        with app.app_context():
            barrier.wait()
            while _relay(app, limit=7):
                db.session.commit()
            db.session.commit()

    try:
        threads = [threading.Thread(target=relay) for _ in range(4)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        box.publish = original
    assert sorted(published) == sorted(ids)


LOW_STOCK_CONSUMERS = ("tasks.emails.send_low_stock_alert_task",
                       "tasks.realtime.broadcast_event_task")


def _low_stock_event(app) -> int:
    with app.app_context():
        event = outbox.record_event("inventory.low_stock", "variant", 1, {"variant_id": 1})
        db.session.commit()
        return event.id


def _redo_at(event_id):
    db.session.expire_all()
    return db.session.get(OutboxEvent, event_id).redo_at


def test_an_event_is_done_when_every_tracked_consumer_is(app, enqueued):
    # inventory.low_stock has an email and a real-time broadcast: the first one finishing
    # must not take the other out of the redo sweep.
    assert app.extensions["stockroom.outbox"].tracked["inventory.low_stock"] == \
        LOW_STOCK_CONSUMERS
    event_id = _low_stock_event(app)
    email, broadcast = LOW_STOCK_CONSUMERS
    outbox.mark_done(event_id, broadcast)
    db.session.commit()
    assert _redo_at(event_id) is not None
    outbox.mark_done(event_id, broadcast)  # run twice: still the email to go
    db.session.commit()
    assert _redo_at(event_id) is not None
    outbox.mark_done(event_id, email)
    db.session.commit()
    assert _redo_at(event_id) is None


def test_a_row_from_before_consumers_were_named_is_done_at_its_first_mark(app, enqueued):
    event_id = _low_stock_event(app)
    db.session.execute(sa.update(OutboxEvent).where(OutboxEvent.id == event_id)
                       .values(unfinished=None))
    outbox.mark_done(event_id, LOW_STOCK_CONSUMERS[0])
    db.session.commit()
    assert _redo_at(event_id) is None


@pytest.mark.postgres
@pytest.mark.committed
def test_two_consumers_finishing_at_once_both_count(app):
    """The second mark waits on the first's row lock (seen in pg_stat_activity) and then
    applies to the row as the first left it: neither mark is lost."""
    from tests.harness import run_in_thread, wait_until_blocked

    event_id = _low_stock_event(app)
    email, broadcast = LOW_STOCK_CONSUMERS
    engine = db.engine
    with engine.connect() as first:
        marked = first.execute(outbox.MARK_DONE, {"event_id": event_id,
                                                  "consumer": f" {email} "})
        assert marked.rowcount == 1

        def second():
            with engine.begin() as connection:
                connection.execute(outbox.MARK_DONE, {"event_id": event_id,
                                                      "consumer": f" {broadcast} "})

        join = run_in_thread(second)
        wait_until_blocked(engine)
        first.commit()
        join()
    with app.app_context():
        row = db.session.get(OutboxEvent, event_id)
        assert (row.unfinished, row.redo_at) == (" ", None)
