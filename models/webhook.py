"""Outbound webhooks: subscribed endpoints, one delivery per (event, target), and every
attempt made to deliver it."""

from __future__ import annotations

import enum
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.base import UTCDateTime, db, utcnow
from models.outbox import OutboxEvent


class WebhookEndpoint(db.Model):
    """An endpoint an admin subscribed to some event types (besides the Supabase functions,
    which come from the configuration)."""

    __tablename__ = "webhook_endpoints"

    id: Mapped[int] = mapped_column(primary_key=True)
    url: Mapped[str] = mapped_column(sa.String(2000), nullable=False)
    # A Standard Webhooks secret (whsec_ + base64), generated when not given.
    secret: Mapped[str] = mapped_column(sa.String(200), nullable=False)
    event_types: Mapped[list] = mapped_column(sa.JSON, nullable=False)
    description: Mapped[str | None] = mapped_column(sa.String(200))
    active: Mapped[bool] = mapped_column(sa.Boolean, nullable=False, default=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, nullable=False)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, onupdate=utcnow,
                                                 nullable=False)


class DeliveryStatus(enum.StrEnum):
    PENDING = "pending"
    SUCCEEDED = "succeeded"
    # Failed at least once and still being retried.
    FAILED = "failed"
    # Given up (410, or the whole schedule failed); kept, and can be redelivered.
    DEAD = "dead"


class WebhookDelivery(db.Model):
    __tablename__ = "webhook_deliveries"

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(
        sa.ForeignKey("outbox_events.id", ondelete="CASCADE"), nullable=False)
    # The Supabase function, or the subscribed endpoint: exactly one of the two.
    function: Mapped[str | None] = mapped_column(sa.String(64))
    endpoint_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("webhook_endpoints.id", ondelete="CASCADE"))
    event_type: Mapped[str] = mapped_column(sa.String(64), nullable=False)
    # Deliveries with one key go out in event order: the target and the event's aggregate.
    ordering_key: Mapped[str] = mapped_column(sa.String(200), nullable=False)
    status: Mapped[str] = mapped_column(sa.String(16), nullable=False,
                                        default=DeliveryStatus.PENDING.value)
    attempt_count: Mapped[int] = mapped_column(sa.Integer, nullable=False, default=0)
    next_attempt_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # A worker sending it holds it until then; a worker that died lets it go.
    locked_until: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # The current lease's token: only the worker that holds it records an outcome, so a
    # worker whose lease ran out (or whose delivery was redelivered) changes nothing.
    lease_token: Mapped[str | None] = mapped_column(sa.String(32))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, nullable=False)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, onupdate=utcnow,
                                                 nullable=False)

    event: Mapped[OutboxEvent] = relationship()
    attempts: Mapped[list[WebhookAttempt]] = relationship(
        cascade="all, delete-orphan", order_by="WebhookAttempt.id")

    __table_args__ = (
        sa.UniqueConstraint("event_id", "function", name="uq_webhook_deliveries_event_function"),
        sa.UniqueConstraint("event_id", "endpoint_id",
                            name="uq_webhook_deliveries_event_endpoint"),
        sa.CheckConstraint("(function IS NULL) <> (endpoint_id IS NULL)", name="one_target"),
        sa.Index("ix_webhook_deliveries_ordering", "ordering_key", "event_id"),
        # The retry sweep's scan: open deliveries by when they are due.
        sa.Index("ix_webhook_deliveries_due", "next_attempt_at",
                 postgresql_where=sa.text("status IN ('pending', 'failed')"),
                 sqlite_where=sa.text("status IN ('pending', 'failed')")),
        sa.Index("ix_webhook_deliveries_status_created_at", "status", "created_at"),
    )

    @property
    def webhook_id(self) -> str:
        """The Standard Webhooks message id: the event's, the same on every attempt."""
        return f"msg_{self.event.uuid.hex}"


class WebhookAttempt(db.Model):
    """One try: when, what came back (or what went wrong), how long it took."""

    __tablename__ = "webhook_attempts"

    id: Mapped[int] = mapped_column(primary_key=True)
    delivery_id: Mapped[int] = mapped_column(
        sa.ForeignKey("webhook_deliveries.id", ondelete="CASCADE"), nullable=False, index=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime(), nullable=False)
    status_code: Mapped[int | None] = mapped_column(sa.Integer)
    duration_ms: Mapped[int] = mapped_column(sa.Integer, nullable=False)
    error: Mapped[str | None] = mapped_column(sa.String(500))
