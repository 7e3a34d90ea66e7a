"""The transactional outbox: domain events written in the transaction that caused them."""

from __future__ import annotations

import uuid
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from models.base import UTCDateTime, db, utcnow


class OutboxEvent(db.Model):
    __tablename__ = "outbox_events"

    id: Mapped[int] = mapped_column(sa.BigInteger().with_variant(sa.Integer, "sqlite"),
                                    primary_key=True)
    # The stable public identity of the event (the webhook-id receivers deduplicate on).
    uuid: Mapped[uuid.UUID] = mapped_column(sa.Uuid, default=uuid.uuid4, unique=True,
                                            nullable=False)
    type: Mapped[str] = mapped_column(sa.String(64), nullable=False)
    aggregate_type: Mapped[str] = mapped_column(sa.String(32), nullable=False)
    aggregate_id: Mapped[str] = mapped_column(sa.String(64), nullable=False)
    data: Mapped[dict] = mapped_column(sa.JSON, nullable=False)
    # The request that caused the event, carried into the tasks it causes.
    request_id: Mapped[str | None] = mapped_column(sa.String(64))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, nullable=False)
    dispatched_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    dispatch_attempts: Mapped[int] = mapped_column(sa.Integer, nullable=False, default=0,
                                                   server_default="0")
    # For an event whose consumers do work beyond its webhook deliveries (an email, a
    # payment applied): when the sweep publishes those again unless they finished first.
    # Empty once they finished, and for events with nothing but deliveries. "Dispatched"
    # only says the consumers were sent to the broker; this says whether they are done.
    redo_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # Which of those consumers have not finished: their task names, each between spaces
    # (" a b "), so that one consumer's finishing is a single atomic UPDATE (``replace``)
    # on both databases. An event with an email and a real-time broadcast is done when
    # both are, not when the first is. NULL for rows written before it was kept.
    unfinished: Mapped[str | None] = mapped_column(sa.String(512))

    __table_args__ = (
        # The relay's scan: undispatched rows, oldest first.
        sa.Index("ix_outbox_events_undispatched", "id",
                 postgresql_where=sa.text("dispatched_at IS NULL"),
                 sqlite_where=sa.text("dispatched_at IS NULL")),
        sa.Index("ix_outbox_events_aggregate", "aggregate_type", "aggregate_id", "id"),
        # The redo sweep's scan: events whose consumers have not finished.
        sa.Index("ix_outbox_events_unfinished", "redo_at",
                 postgresql_where=sa.text("redo_at IS NOT NULL"),
                 sqlite_where=sa.text("redo_at IS NOT NULL")),
    )
