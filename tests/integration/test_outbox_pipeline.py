"""The outbox with a real Celery worker on the real broker.

A committed change reaches its task; a rolled-back one never does; with the broker
unreachable at commit time, the relay delivers the event later, exactly once.
"""

from __future__ import annotations

import time

import pytest
import sqlalchemy as sa

from core.app import create_app
from core.config import QUEUES
from models import EmailMessage, OutboxEvent, User, db, utcnow
from services import auth, users
from tasks.outbox import publish_event, relay_outbox_task, republish_unfinished
from tests.conftest import FAST_ARGON2

pytestmark = pytest.mark.committed
TASK_RECEIVED = ("Task tasks.emails.send_password_reset_email_task[", "] received")
TASK_SUCCEEDED = ("Task tasks.emails.send_password_reset_email_task[", "] succeeded")


def _create_user(email: str) -> None:
    users.register_user(email, "long-enough-password", "Pipeline Test")
    db.session.commit()


def _sent_emails() -> list[tuple[str, str]]:
    rows = db.session.execute(sa.select(EmailMessage.to_address, EmailMessage.status)).all()
    db.session.rollback()  # the next poll must see the worker's newer commits
    return [tuple(row) for row in rows]


def _wait_until_sent(worker, to: str, times: int = 1) -> None:
    """Wait for the worker to report the email task done, then check what it recorded."""
    worker.wait_for_line(*TASK_SUCCEEDED, times=times)
    assert (to, "sent") in _sent_emails()


@pytest.fixture
def real_broker(app):
    box = app.extensions["stockroom.outbox"]
    box.publish, box.redo = publish_event, republish_unfinished
    return box


def test_committed_change_reaches_its_task(app, client, worker, real_broker):
    with app.app_context():
        _create_user("committed@example.com")
    response = client.post("/api/v1/auth/password-reset",
                           json={"email": "committed@example.com"})
    assert response.status_code == 202
    with app.app_context():
        _wait_until_sent(worker, "committed@example.com")
        assert db.session.scalar(sa.select(OutboxEvent.dispatched_at)) is not None
    assert "To: committed@example.com" in worker.output()
    # Started without -Q, the worker consumes every queue.
    for queue in QUEUES:
        assert f".> {queue} " in worker.output()


def test_rolled_back_change_never_reaches_a_task(app, worker, real_broker):
    with app.app_context():
        _create_user("rolled-back@example.com")
        _create_user("sentinel@example.com")
        auth.request_password_reset("rolled-back@example.com")
        db.session.rollback()
        # A later committed event proves the worker is consuming: once it is done, the
        # rolled-back one would have been done too.
        auth.request_password_reset("sentinel@example.com")
        db.session.commit()
        _wait_until_sent(worker, "sentinel@example.com")
        assert _sent_emails() == [("sentinel@example.com", "sent")]
        assert db.session.scalar(sa.select(sa.func.count(OutboxEvent.id))) == 1
    assert worker.count(*TASK_RECEIVED) == 1
    assert "rolled-back@example.com" not in worker.output()


def test_relay_delivers_what_the_commit_could_not_publish_exactly_once(app, worker,
                                                                       real_broker):
    def broker_down(event_id, event_type):
        raise ConnectionRefusedError("broker unreachable")

    with app.app_context():
        _create_user("relayed@example.com")
        real_broker.publish = broker_down
        auth.request_password_reset("relayed@example.com")
        db.session.commit()
        real_broker.publish = publish_event
        assert db.session.scalar(sa.select(OutboxEvent.dispatched_at)) is None
        # End the read: on SQLite an open transaction holds the write lock the relay needs.
        db.session.rollback()
        app.config["OUTBOX_RELAY_GRACE_SECONDS"] = 0
        try:
            assert relay_outbox_task() == 1
            assert relay_outbox_task() == 0
        finally:
            app.config["OUTBOX_RELAY_GRACE_SECONDS"] = 10
        _wait_until_sent(worker, "relayed@example.com")
    assert worker.count(*TASK_RECEIVED) == 1


@pytest.mark.redis
def test_broker_outage_at_commit_then_relay_delivers_exactly_once(app, test_environ,
                                                                  private_redis):
    from tests.integration.conftest import start_worker

    environ = {**test_environ, "CELERY_BROKER_URL": private_redis.url}
    outage_app = create_app({"TESTING": True, **FAST_ARGON2,
                             "OUTBOX_RELAY_GRACE_SECONDS": 0}, environ=environ)
    worker = start_worker(environ, name="outage")
    try:
        with outage_app.app_context():
            _create_user("outage@example.com")
        private_redis.stop()

        started = time.monotonic()
        response = outage_app.test_client().post("/api/v1/auth/password-reset",
                                                 json={"email": "outage@example.com"})
        elapsed = time.monotonic() - started
        assert response.status_code == 202
        assert elapsed < 5, f"the request waited {elapsed:.1f}s on the dead broker"
        with outage_app.app_context():
            event = db.session.scalar(sa.select(OutboxEvent))
            assert event.dispatched_at is None
            db.session.rollback()

        private_redis.start()
        with outage_app.app_context():
            assert relay_outbox_task() == 1
            assert relay_outbox_task() == 0
            _wait_until_sent(worker, "outage@example.com")
            user_count = db.session.scalar(sa.select(sa.func.count(User.id)))
            assert user_count == 1
        assert worker.count(*TASK_RECEIVED) == 1
    finally:
        worker.stop()
        with outage_app.app_context():
            db.engine.dispose()


def test_a_settled_payment_is_applied_and_mailed_by_the_worker(app, client, worker,
                                                                 real_broker, auth_headers):
    from models import Order, Variant
    from tests.factories import UserFactory, VariantFactory, fill_cart

    with app.app_context():
        user = UserFactory()
        variant = VariantFactory(on_hand=5)
        fill_cart(user, {variant: 2})
        db.session.commit()
        headers, variant_id = auth_headers(user), variant.id
    placed = client.post("/api/v1/checkout", headers={**headers, "Idempotency-Key": "w1"},
                         json={"shipping_address": {"full_name": "A B", "line1": "1 Main St",
                                                    "city": "Paris", "postal_code": "75001",
                                                    "country": "FR"}}).json
    settled = client.post(
        f"/api/v1/payments/fake/{placed['payment']['payment_intent_id']}/settle",
        json={"outcome": "succeeded"}, headers=headers)
    assert settled.status_code == 202
    worker.wait_for_line("Task tasks.payments.apply_payment_event_task[", "] succeeded")
    worker.wait_for_line("Task tasks.emails.send_order_email_task[", "] succeeded")
    with app.app_context():
        order = db.session.get(Order, placed["order"]["id"])
        assert (order.status, order.payment_status) == ("paid", "succeeded")
        variant = db.session.get(Variant, variant_id)
        assert (variant.on_hand, variant.reserved) == (3, 0)
        assert _sent_emails() == [(order.email, "sent")]


def test_a_worker_killed_after_claiming_an_email_is_redone_by_the_sweep(app, client,
                                                                         test_environ,
                                                                         real_broker,
                                                                         monkeypatch):
    """A real worker SIGKILLs itself right after its claim commits (``STOCKROOM_FAULTS``).
    The broker keeps that message until its visibility timeout; the redo sweep does not
    wait for it: once the claim's lease is over, it sends the task again, and another
    worker sends the email once."""
    from services import outbox
    from tests.integration.conftest import start_worker

    monkeypatch.setitem(app.config, "OUTBOX_REDO_AFTER_SECONDS", 0)
    doomed = start_worker({**test_environ, "STOCKROOM_FAULTS": "email.claimed=kill",
                           "EMAIL_CLAIM_LEASE_SECONDS": "0"}, name="doomed")
    try:
        with app.app_context():
            _create_user("killed@example.com")
        assert client.post("/api/v1/auth/password-reset",
                           json={"email": "killed@example.com"}).status_code == 202
        doomed.wait_for_line(*TASK_RECEIVED)
        assert doomed.proc.wait(timeout=60) == -9
    finally:
        doomed.stop()
    with app.app_context():
        assert _sent_emails() == [("killed@example.com", "sending")]
        survivor = start_worker({**test_environ, "EMAIL_CLAIM_LEASE_SECONDS": "0"},
                                name="survivor")
        try:
            assert outbox.redo_unfinished(real_broker, utcnow(), limit=10) == 1
            db.session.commit()
            _wait_until_sent(survivor, "killed@example.com")
        finally:
            survivor.stop()
        assert survivor.output().count("To: killed@example.com") == 1
        row = db.session.scalar(sa.select(EmailMessage))
        assert (row.status, row.attempts) == ("sent", 2)


@pytest.mark.redis
def test_payment_tasks_lost_with_a_restarted_broker_are_redone_in_seconds(app, test_environ,
                                                                          private_redis):
    """The probe's finding: Redis restarted (it keeps nothing on disk) with 44 payment tasks
    queued, and 39 paid orders stayed pending for 10 minutes, until the reconciliation. The
    redo sweep now publishes the lost tasks again once ``OUTBOX_REDO_AFTER_SECONDS`` pass."""
    from flask_jwt_extended import create_access_token

    from models import Order
    from services import outbox
    from services.payment_providers import payment_provider
    from tests.factories import UserFactory, VariantFactory, fill_cart
    from tests.integration.conftest import start_worker

    environ = {**test_environ, "CELERY_BROKER_URL": private_redis.url}
    lost_app = create_app({"TESTING": True, **FAST_ARGON2, "OUTBOX_REDO_AFTER_SECONDS": 0},
                          environ=environ)
    address = {"full_name": "A B", "line1": "1 Main St", "city": "Paris",
               "postal_code": "75001", "country": "FR"}
    try:
        with lost_app.app_context():
            user = UserFactory()
            fill_cart(user, {VariantFactory(on_hand=5): 1})
            db.session.commit()
            headers = {"Authorization": f"Bearer {create_access_token(str(user.id))}"}
        client = lost_app.test_client()
        placed = client.post("/api/v1/checkout", json={"shipping_address": address},
                             headers={**headers, "Idempotency-Key": "lost"}).json
        intent = placed["payment"]["payment_intent_id"]
        # Settled while no worker runs: the apply task waits in Redis, which then restarts.
        assert client.post(f"/api/v1/payments/fake/{intent}/settle",
                           json={"outcome": "succeeded"}, headers=headers).status_code == 202
        private_redis.stop()
        private_redis.start()
        worker = start_worker(environ, name="after-restart")
        try:
            with lost_app.app_context():
                assert outbox.redo_unfinished(lost_app.extensions["stockroom.outbox"],
                                              utcnow(), limit=50) >= 1
                db.session.commit()
            worker.wait_for_line("Task tasks.payments.apply_payment_event_task[",
                                 "] succeeded")
        finally:
            worker.stop()
        with lost_app.app_context():
            order = db.session.get(Order, placed["order"]["id"])
            assert (order.status, order.payment_status) == ("paid", "succeeded")
            assert payment_provider().retrieve_payment(intent).status == "succeeded"
    finally:
        with lost_app.app_context():
            db.engine.dispose()
