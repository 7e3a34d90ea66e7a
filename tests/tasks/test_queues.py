"""Queue lengths on every broker: the `/metrics` gauge and `flask --app wsgi queues`."""

from __future__ import annotations

import uuid

import pytest

from core.celery import queue_lengths
from tests.conftest import TEST_REDIS_URL

BROKERS = ["filesystem://", "memory://"] + ([TEST_REDIS_URL] if TEST_REDIS_URL else [])


@pytest.fixture(params=BROKERS, ids=lambda url: url.split(":")[0])
def private_broker_app(request, app, tmp_path):
    from core.app import create_app

    # Its own folder and key prefix: nothing it queues reaches the suite's workers.
    return create_app({"TESTING": True}, environ={
        "APP_ENV": "test", "INSTANCE_PATH": str(tmp_path),
        "DATABASE_URL": app.config["SQLALCHEMY_DATABASE_URI"],
        "CELERY_BROKER_URL": request.param,
        "CELERY_BROKER_KEY_PREFIX": f"queues-test-{uuid.uuid4().hex[:8]}:"})


def test_waiting_messages_are_counted_per_queue(private_broker_app):
    celery = private_broker_app.extensions["celery"]
    assert queue_lengths(celery) == {"default": 0, "payments": 0, "emails": 0, "webhooks": 0}
    for _ in range(3):
        celery.send_task("tasks.emails.send_order_email_task", args=[0], queue="emails")
    celery.send_task("tasks.webhooks.deliver_event_task", args=[0], queue="webhooks")
    assert queue_lengths(celery) == {"default": 0, "payments": 0, "emails": 3, "webhooks": 1}

    scraped = private_broker_app.test_client().get("/metrics").get_data(as_text=True)
    assert 'stockroom_queue_messages{queue="emails"} 3.0' in scraped
    assert "stockroom_metrics_broker_up 1.0" in scraped
    out = private_broker_app.test_cli_runner().invoke(args=["queues"]).output
    assert out.splitlines() == ["default\t0", "payments\t0", "emails\t3", "webhooks\t1"]
    with celery.connection_for_write() as connection:
        for name in ("emails", "webhooks"):
            connection.default_channel.queue_purge(name)


def test_a_broker_that_does_not_answer_is_a_gauge_not_an_error(app):
    from tests.helpers import another_app

    unreachable = another_app(app, CELERY_BROKER_URL="redis://127.0.0.1:1/0")
    scraped = unreachable.test_client().get("/metrics")
    assert scraped.status_code == 200
    assert "stockroom_metrics_broker_up 0.0" in scraped.get_data(as_text=True)
