"""Payments: the inbox of provider events, refunds, and the ``fake`` provider's ledger."""

from __future__ import annotations

import enum
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from models.base import UTCDateTime, db, utcnow


class PaymentEvent(db.Model):
    """One event a payment provider sent us, stored once by its id (the webhook inbox).

    The webhook answers as soon as the row is stored; a task applies it later and sets
    ``processed_at``. A row whose processing failed keeps ``processed_at`` empty, with the
    error, and the reconciliation job applies it again.
    """

    __tablename__ = "payment_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    provider: Mapped[str] = mapped_column(sa.String(16), nullable=False)
    event_id: Mapped[str] = mapped_column(sa.String(255), nullable=False)
    type: Mapped[str] = mapped_column(sa.String(64), nullable=False)
    payment_intent_id: Mapped[str | None] = mapped_column(sa.String(255), index=True)
    payload: Mapped[dict] = mapped_column(sa.JSON, nullable=False)
    received_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, nullable=False)
    processed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # What applying it did: "applied", "no_change", "ignored" (a type we do not handle).
    outcome: Mapped[str | None] = mapped_column(sa.String(32))
    attempts: Mapped[int] = mapped_column(sa.Integer, nullable=False, default=0)
    last_error: Mapped[str | None] = mapped_column(sa.String(1000))

    __table_args__ = (
        sa.UniqueConstraint("provider", "event_id", name="uq_payment_events_provider_event_id"),
        # The reconciliation's scan: events not yet applied, oldest first.
        sa.Index("ix_payment_events_unprocessed", "received_at",
                 postgresql_where=sa.text("processed_at IS NULL"),
                 sqlite_where=sa.text("processed_at IS NULL")),
    )


class RefundStatus(enum.StrEnum):
    # Recorded here; not yet accepted by the provider.
    PENDING = "pending"
    SUCCEEDED = "succeeded"
    FAILED = "failed"


class Refund(db.Model):
    """Money given back on an order. The row is written in the transaction that decides the
    refund; a task then submits it to the provider with the idempotency key ``refund_key``,
    so a task that runs twice refunds once."""

    __tablename__ = "refunds"

    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(
        sa.ForeignKey("orders.id", ondelete="RESTRICT"), nullable=False, index=True)
    amount: Mapped[int] = mapped_column(sa.Integer, nullable=False)
    currency: Mapped[str] = mapped_column(sa.String(3), nullable=False)
    reason: Mapped[str] = mapped_column(sa.String(200), nullable=False)
    status: Mapped[str] = mapped_column(sa.String(16), nullable=False,
                                        default=RefundStatus.PENDING.value)
    provider_refund_id: Mapped[str | None] = mapped_column(sa.String(255), unique=True)
    # The payment it gives back from: the order's first payment (also when None: rows
    # from before edits), or one of its balance payments.
    payment_intent_id: Mapped[str | None] = mapped_column(sa.String(255))
    # A refund larger than what one payment holds is split, one row per payment: the
    # later rows name the first, the one the request answered with.
    part_of_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("refunds.id", ondelete="CASCADE"))
    # Stripe Tax: the reversal of the order's tax transaction for this refund.
    tax_reversal_id: Mapped[str | None] = mapped_column(sa.String(255))
    failure_reason: Mapped[str | None] = mapped_column(sa.String(500))
    # The admin who asked for it; empty for refunds the system decided (cancel, late payment).
    requested_by_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, nullable=False)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, onupdate=utcnow,
                                                 nullable=False)

    __table_args__ = (sa.CheckConstraint("amount > 0", name="amount_positive"),)

    @property
    def refund_key(self) -> str:
        return f"stockroom-refund-{self.id}"


class FakePayment(db.Model):
    """The ``fake`` provider's own record of a payment: what Stripe would hold, kept here so
    that the fake settles through the same read-back path as Stripe."""

    __tablename__ = "fake_payments"

    id: Mapped[str] = mapped_column(sa.String(64), primary_key=True)
    # An order's first payment and its balance payments: one per idempotency key.
    order_id: Mapped[int] = mapped_column(sa.Integer, nullable=False, index=True)
    idempotency_key: Mapped[str] = mapped_column(sa.String(255), nullable=False, unique=True)
    payment_metadata: Mapped[dict] = mapped_column("metadata", sa.JSON, nullable=False,
                                                   default=dict, server_default="{}")
    client_secret: Mapped[str] = mapped_column(sa.String(128), nullable=False)
    amount: Mapped[int] = mapped_column(sa.Integer, nullable=False)
    currency: Mapped[str] = mapped_column(sa.String(3), nullable=False)
    # Stripe's PaymentIntent statuses: requires_payment_method, succeeded, canceled.
    status: Mapped[str] = mapped_column(sa.String(32), nullable=False)
    amount_refunded: Mapped[int] = mapped_column(sa.Integer, nullable=False, default=0)
    failure_message: Mapped[str | None] = mapped_column(sa.String(200))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, nullable=False)


class FakeRefund(db.Model):
    """The ``fake`` provider's own record of a refund (Stripe's Refund object): what a
    refund request with an idempotency key created, so that the same key again answers the
    same refund, as Stripe does."""

    __tablename__ = "fake_refunds"

    id: Mapped[str] = mapped_column(sa.String(64), primary_key=True)
    payment_id: Mapped[str] = mapped_column(
        sa.ForeignKey("fake_payments.id", ondelete="CASCADE"), nullable=False, index=True)
    idempotency_key: Mapped[str | None] = mapped_column(sa.String(255), unique=True)
    amount: Mapped[int] = mapped_column(sa.Integer, nullable=False)
    # Stripe's refund statuses: pending, succeeded, failed.
    status: Mapped[str] = mapped_column(sa.String(16), nullable=False)
    refund_metadata: Mapped[dict] = mapped_column("metadata", sa.JSON, nullable=False,
                                                  default=dict)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, nullable=False)
