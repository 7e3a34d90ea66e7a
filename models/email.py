"""A record of every email the system sends, one row per (kind, dedupe key)."""

from __future__ import annotations

import enum
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from models.base import UTCDateTime, db, utcnow


class EmailStatus(enum.StrEnum):
    # Claimed by a worker until ``claimed_until``; after that, anyone may claim it again.
    SENDING = "sending"
    SENT = "sent"
    # The last try failed, with the error. A transient failure (SendGrid's 429 or 5xx, the
    # network) leaves the task's event unfinished, so the redo sweep sends it again; a
    # refusal (another 4xx) finishes the event: nothing sends it again by itself.
    FAILED = "failed"


class EmailMessage(db.Model):
    __tablename__ = "email_messages"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(sa.String(40), nullable=False)
    # What makes a message unique for its kind (a reset id, an order id): the claim that
    # keeps a task that runs twice from sending twice.
    dedupe_key: Mapped[str] = mapped_column(sa.String(100), nullable=False)
    to_address: Mapped[str] = mapped_column(sa.String(254), nullable=False)
    subject: Mapped[str] = mapped_column(sa.String(200), nullable=False)
    status: Mapped[str] = mapped_column(sa.String(16), nullable=False,
                                        default=EmailStatus.SENDING.value)
    provider_message_id: Mapped[str | None] = mapped_column(sa.String(200))
    error: Mapped[str | None] = mapped_column(sa.Text)
    attempts: Mapped[int] = mapped_column(sa.Integer, nullable=False, default=0)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, nullable=False)
    # The claim's lease: a worker that died while sending lets the message go then.
    claimed_until: Mapped[datetime | None] = mapped_column(UTCDateTime())
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime())

    __table_args__ = (
        sa.UniqueConstraint("kind", "dedupe_key", name="uq_email_messages_kind_dedupe_key"),
    )
