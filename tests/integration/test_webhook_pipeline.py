"""Webhook delivery with real workers on the real broker: a worker killed (SIGKILL) in the
middle of a delivery, and the broker stopped during checkouts."""

from __future__ import annotations

import time

import pytest
import sqlalchemy as sa

from core.app import create_app
from models import OutboxEvent, WebhookDelivery, db
from services import outbox
from tasks.outbox import CONSUMERS, DELIVER, publish_event, relay_outbox_task
from tests.conftest import FAST_ARGON2
from tests.factories import UserFactory, VariantFactory, fill_cart
from tests.helpers import Receiver
from tests.integration.conftest import start_worker

pytestmark = pytest.mark.committed

SECRET = "whsec_" + "MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
DELIVERED = ("Task tasks.webhooks.deliver_", "] succeeded")


def supabase(receiver: Receiver, **more) -> dict[str, str]:
    return {"SUPABASE_FUNCTIONS_URL": receiver.url, "SUPABASE_WEBHOOK_SECRET": SECRET,
            "SUPABASE_SERVICE_ROLE_KEY": "service-role", **more}


def test_a_worker_killed_mid_delivery_completes_it_after_restart(app, test_environ,
                                                                 monkeypatch, tmp_path):
    with Receiver([(None, {}, b"")]) as receiver:
        # A short lease, so that the dead worker's hold runs out within the test.
        environ = {**test_environ, **supabase(receiver, WEBHOOK_LEASE_SECONDS="2")}
        for name, value in supabase(receiver).items():
            monkeypatch.setitem(app.config, name, value)
        monkeypatch.setattr(app.extensions["stockroom.outbox"], "publish", publish_event)
        first = start_worker(environ, name="doomed")
        try:
            with app.app_context():
                outbox.record_event("order.status_changed", "order", 1,
                                    {"order_id": 1, "old_status": "paid",
                                     "new_status": "processing"})
                db.session.commit()
            receiver.wait_for_requests(1)
            first.proc.kill()  # SIGKILL: no shutdown, no acknowledgement, no bookkeeping
            first.proc.wait()
        finally:
            first.stop()
        # The restarted worker runs beat too: its sweep finds the delivery once the dead
        # worker's lease is over, and sends it again.
        second = start_worker(environ, name="restarted",
                              extra_args=("-B", "-s", str(tmp_path / "beat-schedule")))
        try:
            second.wait_for_line("deliver_webhook_task[", "succeeded", "'succeeded'",
                                 timeout=60)
        finally:
            second.stop()
        with app.app_context():
            delivery = db.session.scalar(sa.select(WebhookDelivery))
            assert delivery.status == "succeeded" and delivery.attempt_count == 1
            assert [a.status_code for a in delivery.attempts] == [200]
            webhook_id = delivery.webhook_id
        # The receiver saw the cut-off attempt and the completed one, with one webhook-id:
        # it acts once.
        assert [r["headers"]["webhook-id"] for r in receiver.requests] == [webhook_id] * 2


@pytest.mark.redis
def test_broker_down_during_checkouts_then_every_event_delivered_once(test_environ,
                                                                       private_redis):
    with Receiver() as receiver:
        environ = {**test_environ, **supabase(receiver),
                   "CELERY_BROKER_URL": private_redis.url}
        outage_app = create_app({"TESTING": True, **FAST_ARGON2,
                                 "OUTBOX_RELAY_GRACE_SECONDS": 0}, environ=environ)
        client = outage_app.test_client()
        with outage_app.app_context():
            variant = VariantFactory(on_hand=50)
            shoppers = []
            for _ in range(5):
                user = UserFactory()
                fill_cart(user, {variant: 2})
                shoppers.append(user)
            db.session.commit()
            from flask_jwt_extended import create_access_token

            tokens = [create_access_token(identity=str(user.id)) for user in shoppers]
        private_redis.stop()
        for number, token in enumerate(tokens):
            started = time.monotonic()
            response = client.post(
                "/api/v1/checkout", headers={"Authorization": f"Bearer {token}",
                                             "Idempotency-Key": f"outage-{number}"},
                json={"shipping_address": {"full_name": "A B", "line1": "1 Main St",
                                           "city": "Paris", "postal_code": "75001",
                                           "country": "FR"}})
            elapsed = time.monotonic() - started
            assert response.status_code in (201, 503), response.json
            assert response.is_json and elapsed < 2, f"{response.status_code} in {elapsed:.2f}s"
            assert response.status_code == 201
        with outage_app.app_context():
            events = db.session.execute(sa.select(OutboxEvent.id, OutboxEvent.type)).all()
            assert all(e.dispatched_at is None for e in db.session.scalars(
                sa.select(OutboxEvent)))
            deliveries = db.session.scalar(sa.select(sa.func.count()).select_from(
                WebhookDelivery))
            db.session.rollback()
        delivering = sum(DELIVER in CONSUMERS.get(kind, ()) for _, kind in events)
        assert deliveries >= 10 and delivering >= 10

        private_redis.start()
        worker = start_worker(environ, name="after-outage")
        try:
            with outage_app.app_context():
                assert relay_outbox_task() == len(events)
                assert relay_outbox_task() == 0
            worker.wait_for_line("Task tasks.webhooks.deliver_event_task[", "] succeeded",
                                 times=delivering, timeout=90)
        finally:
            worker.stop()
        with outage_app.app_context():
            statuses = db.session.scalars(sa.select(WebhookDelivery.status)).all()
            assert statuses == ["succeeded"] * deliveries
            db.session.rollback()
            outage_app.extensions["stockroom.outbox"].bind.dispose()
            db.engine.dispose()
        ids = [r["headers"]["webhook-id"] for r in receiver.requests]
        assert len(ids) == deliveries == len(set(ids))
