"""The one Celery app, built from the Flask app; its queues, routes and beat schedule.

Every task runs inside an application context (``FlaskTask``), so it sees the app's
configuration and its database session is removed when it ends.
"""

from __future__ import annotations

import logging
from pathlib import Path

from celery import Celery, Task
from celery.schedules import crontab
from flask import Flask
from kombu import Queue

from core import broker
from core.config import QUEUES, filesystem_broker_options

# Tasks must finish well inside these, or they are interrupted (soft) and then killed.
TASK_SOFT_TIME_LIMIT_S = 60
TASK_TIME_LIMIT_S = 90
# How long Redis keeps an unacknowledged message before giving it to another worker;
# longer than the hard time limit, so a running task is never handed out twice.
REDIS_VISIBILITY_TIMEOUT_S = 3600

TASK_ROUTES = {
    "tasks.emails.*": {"queue": "emails"},
    "tasks.payments.*": {"queue": "payments"},
    "tasks.webhooks.*": {"queue": "webhooks"},
    "tasks.*": {"queue": "default"},
}

# The beat schedule, in one place.
BEAT_SCHEDULE = {
    "relay-outbox": {
        "task": "tasks.outbox.relay_outbox_task",
        "schedule": 10.0,
    },
    "expire-reservations": {
        "task": "tasks.orders.expire_reservations_task",
        "schedule": 30.0,
    },
    "reconcile-payments": {
        "task": "tasks.payments.reconcile_payments_task",
        "schedule": 15 * 60.0,
    },
    "retry-webhook-deliveries": {
        "task": "tasks.webhooks.retry_webhook_deliveries_task",
        "schedule": 5.0,
    },
    "heartbeat": {
        "task": "tasks.health.heartbeat_task",
        "schedule": 30.0,
    },
    "rollup-sales": {
        "task": "tasks.analytics.rollup_sales_task",
        "schedule": 15 * 60.0,
    },
    "low-stock-digest": {
        "task": "tasks.inventory.low_stock_digest_task",
        "schedule": crontab(hour=7, minute=0),
    },
    "purge-idempotency-keys": {
        "task": "tasks.orders.purge_idempotency_keys_task",
        "schedule": crontab(hour=3, minute=37),
    },
    "purge-realtime-stream": {
        "task": "tasks.realtime.purge_realtime_stream_task",
        "schedule": 5 * 60.0,
    },
    "purge-guest-carts": {
        "task": "tasks.carts.purge_guest_carts_task",
        "schedule": crontab(hour=3, minute=47),
    },
    "purge-expired-auth-rows": {
        "task": "tasks.auth.purge_expired_auth_rows_task",
        "schedule": crontab(hour=3, minute=17),
    },
}


def celery_settings(config) -> dict:
    broker = config["CELERY_BROKER_URL"]
    publish_timeout = config["BROKER_PUBLISH_TIMEOUT_SECONDS"]
    if broker.startswith("filesystem"):
        transport_options = {**filesystem_broker_options(Path(config["INSTANCE_PATH"])),
                             "polling_interval": 0.2}
    elif broker.startswith(("redis", "rediss")):
        transport_options = {
            "visibility_timeout": REDIS_VISIBILITY_TIMEOUT_S,
            "socket_connect_timeout": publish_timeout,
            "socket_timeout": 30,
            "retry_on_timeout": True,
        }
        if config.get("CELERY_BROKER_KEY_PREFIX"):
            transport_options["global_keyprefix"] = config["CELERY_BROKER_KEY_PREFIX"]
    else:
        transport_options = {}
    return {
        "broker_url": broker,
        "broker_transport_options": transport_options,
        "broker_connection_timeout": publish_timeout,
        "broker_connection_retry_on_startup": True,
        "task_serializer": "json",
        "result_serializer": "json",
        "accept_content": ["json"],
        "task_ignore_result": True,
        "task_acks_late": True,
        "task_reject_on_worker_lost": True,
        "worker_prefetch_multiplier": 1,
        "task_soft_time_limit": TASK_SOFT_TIME_LIMIT_S,
        "task_time_limit": TASK_TIME_LIMIT_S,
        "task_default_queue": "default",
        "task_queues": [Queue(name, routing_key=name) for name in QUEUES],
        "task_routes": TASK_ROUTES,
        "task_always_eager": False,
        "beat_schedule": BEAT_SCHEDULE,
        "beat_schedule_filename": str(Path(config["INSTANCE_PATH"]) / "celerybeat-schedule"),
        "timezone": "UTC",
        "enable_utc": True,
        # Workers report each task's progress to Flower. A publisher does not announce what
        # it sent: that event is a second Redis round trip on every publish, half of what
        # publishing costs a request; the queues' lengths (Flower's Broker page) and the
        # outbox lag (/metrics) already show what waits.
        "worker_send_task_events": True,
        "task_send_sent_event": False,
        "worker_hijack_root_logger": False,
    }


def queue_lengths(celery: Celery, timeout: float = 2.0) -> dict[str, int]:
    """Messages waiting in each of the project's queues, read from the broker itself, on
    any broker (Redis, RabbitMQ, the filesystem and memory ones): Flower's Broker page
    knows only some. A queue the broker does not know yet holds nothing."""
    from kombu.exceptions import ChannelError

    lengths = {}
    with celery.connection_for_read() as connection:
        connection.ensure_connection(max_retries=1, interval_start=0, interval_step=0,
                                     timeout=timeout)
        for name in QUEUES:
            # A passive declare answers the queue's size without creating it; a refusal
            # closes the channel (AMQP), so each queue gets its own.
            with connection.channel() as channel:
                try:
                    lengths[name] = channel.queue_declare(queue=name, passive=True).message_count
                except ChannelError:
                    # Unknown to the broker, or so kombu's Redis transport says under a
                    # global_keyprefix (its existence check leaves the prefix out): the
                    # virtual transports can count the messages themselves.
                    size = getattr(channel, "_size", None)
                    lengths[name] = size(name) if size is not None else 0
    return lengths


class _HostlessBrokerNotice(logging.Filter):
    """kombu warns "No hostname was supplied" on every connection to a broker URL without
    a host; for ``filesystem://`` and ``memory://`` there is no host to supply."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith("No hostname was supplied")


def celery_init_app(app: Flask) -> Celery:
    class FlaskTask(Task):
        def __call__(self, *args, **kwargs):
            with app.app_context():
                return self.run(*args, **kwargs)

    broker.install()
    if app.config["CELERY_BROKER_URL"].startswith(("filesystem:", "memory:")):
        kombu_log = logging.getLogger("kombu.connection")
        if not any(isinstance(f, _HostlessBrokerNotice) for f in kombu_log.filters):
            kombu_log.addFilter(_HostlessBrokerNotice())
    celery = Celery(app.name, task_cls=FlaskTask)
    celery.config_from_object(celery_settings(app.config))
    celery.set_default()
    app.extensions["celery"] = celery
    # Importing the task package registers every task with this app.
    import tasks  # noqa: F401

    return celery
