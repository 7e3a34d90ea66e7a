"""Delivery outcomes fenced by the lease (break 6): a worker whose lease ran out, or whose
delivery was redelivered, records its attempt and changes nothing else; redelivering a
delivery whose attempt is under way is 409; a crash between the receiver's answer and the
outcome ends in the delivery recorded once, with the same webhook-id sent again."""

from __future__ import annotations

from datetime import timedelta

import pytest
import sqlalchemy as sa

from models import WebhookAttempt, db, utcnow
from services import webhooks
from tests.harness import Pause, crash_at, run_crashing, run_in_thread
from tests.tasks.test_webhooks import admin as admin  # a fixture
from tests.tasks.test_webhooks import delivery_of, event
from tests.tasks.test_webhooks import receiver as receiver  # a fixture


@pytest.mark.committed
def test_a_late_outcome_never_overwrites_a_success(app, receiver):
    """Before the fix the first worker's ``failed`` overwrote the second's ``succeeded``,
    and a third send followed."""
    receiver.responses = [(500, {}, b"busy"), (200, {}, b"{}")]
    recorded = event()
    delivery_id = delivery_of(recorded).id
    db.session.commit()

    def first_worker():
        with app.app_context():
            return webhooks.attempt_delivery(delivery_id, utcnow()).result

    with Pause("delivery.answered") as pause:
        first = run_in_thread(first_worker)
        pause.wait()
        # The first worker's lease runs out while it waits on its receiver; another claims.
        later = utcnow() + timedelta(seconds=app.config["WEBHOOK_LEASE_SECONDS"] + 1)
        assert webhooks.attempt_delivery(delivery_id, later).result == "succeeded"
        pause.release()
        assert first() == "stale"
    delivery = delivery_of(recorded)
    assert (delivery.status, delivery.attempt_count) == ("succeeded", 1)
    codes = db.session.scalars(sa.select(WebhookAttempt.status_code)
                               .order_by(WebhookAttempt.id)).all()
    assert sorted(codes) == [200, 500] and len(receiver.requests) == 2


def test_redelivering_a_delivery_under_way_is_409(app, client, admin, receiver):
    receiver.responses = [(500, {}, b"no")]
    recorded = event()
    delivery_id = delivery_of(recorded).id
    assert webhooks.attempt_delivery(delivery_id, utcnow()).result == "failed"
    lease = utcnow() + timedelta(seconds=60)
    db.session.execute(sa.update(webhooks.WebhookDelivery)
                       .where(webhooks.WebhookDelivery.id == delivery_id)
                       .values(locked_until=lease, lease_token="held-by-a-worker"))
    db.session.commit()
    response = client.post(f"/api/v1/admin/webhook-deliveries/{delivery_id}/redeliver",
                           headers=admin)
    assert response.status_code == 409
    assert response.json["error_code"] == "webhook_delivery_not_redeliverable"


def test_a_crash_after_the_answer_is_redone_with_the_same_webhook_id(app, receiver):
    recorded = event()
    delivery_id = delivery_of(recorded).id
    db.session.commit()
    from tasks.webhooks import deliver_webhook_task

    with crash_at("delivery.answered"):
        assert run_crashing(deliver_webhook_task, delivery_id)
    later = utcnow() + timedelta(seconds=app.config["WEBHOOK_LEASE_SECONDS"] + 1)
    assert webhooks.due_deliveries(later) == [delivery_id]
    assert webhooks.attempt_delivery(delivery_id, later).result == "succeeded"
    ids = {request["headers"]["webhook-id"] for request in receiver.requests}
    assert len(receiver.requests) == 2 and len(ids) == 1
    delivery = delivery_of(recorded)
    assert (delivery.status, delivery.attempt_count) == ("succeeded", 1)


@pytest.mark.committed
def test_a_receiver_that_answers_after_the_lease_changes_nothing(app, receiver):
    """Break 6 without fault steps, as it failed before the fix: the first attempt's
    receiver hangs past the lease, a second worker delivers, then the first one's
    connection fails and it used to write ``failed`` over ``succeeded``."""
    import threading

    receiver.responses = [(None, {}, b""), (200, {}, b"{}")]
    recorded = event()
    delivery_id = delivery_of(recorded).id
    db.session.commit()

    def first_worker():
        with app.app_context():
            webhooks.attempt_delivery(delivery_id, utcnow())

    thread = threading.Thread(target=first_worker)
    thread.start()
    receiver.wait_for_requests(1)
    later = utcnow() + timedelta(seconds=app.config["WEBHOOK_LEASE_SECONDS"] + 1)
    assert webhooks.attempt_delivery(delivery_id, later).result == "succeeded"
    receiver.release.set()
    thread.join(30)
    delivery = delivery_of(recorded)
    assert (delivery.status, delivery.attempt_count) == ("succeeded", 1)
