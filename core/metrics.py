"""Prometheus metrics, defined once per process (the default registry)."""

from __future__ import annotations

from datetime import timedelta

from prometheus_client import REGISTRY, CollectorRegistry, Counter, Histogram, generate_latest
from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily
from prometheus_client.registry import Collector

PAYMENT_RECONCILIATION_REPAIRS = Counter(
    "stockroom_payment_reconciliation_repairs_total",
    "What payment reconciliation repaired, by kind (paid, payment_failed, cancelled, "
    "refunded, late_payment_paid, late_payment_refunded, payment_cancelled, event_retried, "
    "refund_submitted).",
    ["kind"],
)

HTTP_REQUEST_SECONDS = Histogram(
    "stockroom_http_request_duration_seconds",
    "Time to answer an API request, by route template, method and status.",
    ["method", "route", "status"],
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10),
)


# An event still unfinished after this is worth an operator's look: the consumer of a
# healthy system finishes in well under it.
UNFINISHED_AFTER = timedelta(minutes=1)


class DatabaseGauges(Collector):
    """Figures read from the database at each scrape, so that every process (web, workers,
    beat) agrees on them: the outbox's lag, webhook deliveries by status, payment events
    not yet applied, orders awaiting payment and reservations expired so far."""

    def __init__(self, app):
        self.app = app

    def collect(self):
        try:
            figures = self._read()
        except Exception:  # a scrape must answer even when the database does not
            yield GaugeMetricFamily("stockroom_metrics_database_up",
                                    "Whether the database answered this scrape.", value=0)
            return
        yield GaugeMetricFamily("stockroom_metrics_database_up",
                                "Whether the database answered this scrape.", value=1)
        yield from figures

    def _read(self) -> list:
        import sqlalchemy as sa

        from models import (
            Order,
            OrderEvent,
            OutboxEvent,
            PaymentEvent,
            WebhookDelivery,
            db,
            utcnow,
        )

        with self.app.app_context():
            now = utcnow()
            oldest = db.session.scalar(sa.select(sa.func.min(OutboxEvent.created_at)).where(
                OutboxEvent.dispatched_at.is_(None)))
            undispatched = db.session.scalar(sa.select(sa.func.count()).select_from(
                OutboxEvent).where(OutboxEvent.dispatched_at.is_(None)))
            deliveries = dict(db.session.execute(
                sa.select(WebhookDelivery.status, sa.func.count())
                .group_by(WebhookDelivery.status)).all())
            unfinished = db.session.scalar(sa.select(sa.func.count()).select_from(
                OutboxEvent).where(OutboxEvent.redo_at.is_not(None),
                                   OutboxEvent.dispatched_at.is_not(None),
                                   OutboxEvent.created_at < now - UNFINISHED_AFTER))
            unapplied = db.session.scalar(sa.select(sa.func.count()).select_from(
                PaymentEvent).where(PaymentEvent.processed_at.is_(None)))
            awaiting = db.session.scalar(sa.select(sa.func.count()).select_from(Order).where(
                Order.status == "pending_payment"))
            expired = db.session.scalar(sa.select(sa.func.count()).select_from(OrderEvent)
                                        .where(OrderEvent.note == "reservation expired"))
            db.session.rollback()
        family = GaugeMetricFamily("stockroom_webhook_deliveries",
                                   "Webhook deliveries by status (failed: being retried).",
                                   labels=["status"])
        for status in ("pending", "succeeded", "failed", "dead"):
            family.add_metric([status], deliveries.get(status, 0))
        return [
            GaugeMetricFamily("stockroom_outbox_undispatched_events",
                              "Outbox events not yet published.", value=undispatched),
            GaugeMetricFamily("stockroom_outbox_lag_seconds",
                              "Age of the oldest event not yet published.",
                              value=(now - oldest).total_seconds() if oldest else 0),
            family,
            GaugeMetricFamily("stockroom_outbox_unfinished_events",
                              "Published events whose consumers have not finished after a "
                              "minute (being redone by the sweep).", value=unfinished),
            GaugeMetricFamily("stockroom_payment_events_unapplied",
                              "Stored payment events not yet applied.", value=unapplied),
            GaugeMetricFamily("stockroom_orders_awaiting_payment",
                              "Orders in pending_payment.", value=awaiting),
            CounterMetricFamily("stockroom_reservations_expired",
                                "Orders cancelled because their reservation lapsed.",
                                value=expired),
        ]


class QueueGauges(Collector):
    """Messages waiting in each Celery queue, read from the broker at each scrape."""

    def __init__(self, app):
        self.app = app

    def collect(self):
        from core.celery import queue_lengths

        try:
            lengths = queue_lengths(self.app.extensions["celery"])
        except Exception:  # a scrape must answer even when the broker does not
            yield GaugeMetricFamily("stockroom_metrics_broker_up",
                                    "Whether the broker answered this scrape.", value=0)
            return
        yield GaugeMetricFamily("stockroom_metrics_broker_up",
                                "Whether the broker answered this scrape.", value=1)
        family = GaugeMetricFamily("stockroom_queue_messages",
                                   "Messages waiting in each Celery queue.", labels=["queue"])
        for name, length in lengths.items():
            family.add_metric([name], length)
        yield family


def exposition(app) -> bytes:
    """The process's metrics and the database's, in Prometheus text format."""
    registry = CollectorRegistry()
    registry.register(DatabaseGauges(app))
    registry.register(QueueGauges(app))
    return generate_latest(REGISTRY) + generate_latest(registry)
