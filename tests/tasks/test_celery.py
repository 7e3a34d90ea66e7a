"""The Celery app: settings the issue asks for, queues, routes and the beat schedule."""

from __future__ import annotations

import pytest

from core.config import QUEUES


@pytest.fixture
def celery(app):
    return app.extensions["celery"]


def test_reliability_settings(celery):
    conf = celery.conf
    assert conf.task_serializer == "json" and conf.accept_content == ["json"]
    assert conf.task_acks_late is True
    assert conf.task_reject_on_worker_lost is True
    assert conf.worker_prefetch_multiplier == 1
    assert 0 < conf.task_soft_time_limit < conf.task_time_limit


def test_queues_and_routes(celery):
    assert [queue.name for queue in celery.conf.task_queues] == list(QUEUES)
    router = celery.amqp.router

    def queue_of(name):
        return router.route({}, name)["queue"].name

    assert queue_of("tasks.emails.send_password_reset_email_task") == "emails"
    assert queue_of("tasks.outbox.relay_outbox_task") == "default"
    assert queue_of("tasks.payments.anything_task") == "payments"
    assert queue_of("tasks.webhooks.anything_task") == "webhooks"


def test_every_scheduled_and_consuming_task_is_registered(celery):
    from tasks.outbox import CONSUMERS

    names = [entry["task"] for entry in celery.conf.beat_schedule.values()]
    names += [name for consumers in CONSUMERS.values() for name in consumers]
    assert names
    for name in names:
        assert name in celery.tasks, name


def test_tasks_run_inside_an_app_context(app, celery):
    from flask import current_app

    @celery.task(name="tests.context_probe_task")
    def probe():
        return current_app.name

    assert probe() == app.name


def test_a_broker_without_a_host_publishes_without_kombus_hostname_warning(app):
    import logging

    from tests.helpers import another_app

    seen: list[str] = []
    handler = logging.Handler()
    handler.emit = lambda record: seen.append(record.getMessage())
    kombu_log = logging.getLogger("kombu.connection")
    # (The migrations' logging setup disables the loggers that existed before it ran.)
    disabled, kombu_log.disabled = kombu_log.disabled, False
    kombu_log.addHandler(handler)
    try:
        for broker in ("filesystem://", "memory://"):
            other = another_app(app, CELERY_BROKER_URL=broker)
            with other.extensions["celery"].connection_for_write() as connection:
                connection.info()  # what every publish asks of its connection
    finally:
        kombu_log.removeHandler(handler)
        kombu_log.disabled = disabled
    assert not [message for message in seen if "No hostname" in message]
