"""Order edits: what staff changed on an order before it shipped, and the balance payments
an edit that raised a paid order's total asks the customer for."""

from __future__ import annotations

import enum
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from models.base import UTCDateTime, db, utcnow


class OrderEdit(db.Model):
    """One edit of an order's lines, as it was applied: the lines before and after, the
    totals before and after, and what it did to the money (a refund of a fall, or the
    balance payment of a rise)."""

    __tablename__ = "order_edits"

    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(
        sa.ForeignKey("orders.id", ondelete="CASCADE"), nullable=False, index=True)
    edited_by_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("users.id", ondelete="SET NULL"))
    # {add: [...], change: [...], remove: [...]} as asked.
    changes: Mapped[dict] = mapped_column(sa.JSON, nullable=False)
    # [{order_item_id, sku, quantity, unit_price}] before and after.
    lines_before: Mapped[list] = mapped_column(sa.JSON, nullable=False)
    lines_after: Mapped[list] = mapped_column(sa.JSON, nullable=False)
    total_before: Mapped[int] = mapped_column(sa.Integer, nullable=False)
    total_after: Mapped[int] = mapped_column(sa.Integer, nullable=False)
    currency: Mapped[str] = mapped_column(sa.String(3), nullable=False)
    # The refund of a paid order's fall, or the balance payment of its rise.
    refund_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("refunds.id", ondelete="SET NULL"))
    balance_payment_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("balance_payments.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, nullable=False)

    @property
    def difference(self) -> int:
        return self.total_after - self.total_before


class BalanceStatus(enum.StrEnum):
    # Asked for; the customer has not paid it yet.
    PENDING = "pending"
    SUCCEEDED = "succeeded"
    # Replaced by a later edit's balance, or its order was cancelled: a payment that
    # still arrives for it is refunded in full.
    CANCELLED = "cancelled"


class BalancePayment(db.Model):
    """What a paid order still owes after an edit raised its total: a PaymentIntent of its
    own at the provider (the order's first payment keeps ``orders.payment_intent_id``),
    created by a task after the commit with an idempotency key of the row's, and settled
    by the payment inbox like any payment. At most one is pending per order."""

    __tablename__ = "balance_payments"

    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(
        sa.ForeignKey("orders.id", ondelete="CASCADE"), nullable=False, index=True)
    amount: Mapped[int] = mapped_column(sa.Integer, nullable=False)
    currency: Mapped[str] = mapped_column(sa.String(3), nullable=False)
    status: Mapped[str] = mapped_column(sa.String(16), nullable=False,
                                        default=BalanceStatus.PENDING.value)
    payment_intent_id: Mapped[str | None] = mapped_column(sa.String(255), unique=True)
    # When the provider's payment for it succeeded (also for a cancelled one paid late).
    paid_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, nullable=False)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, onupdate=utcnow,
                                                 nullable=False)

    __table_args__ = (
        sa.CheckConstraint("amount > 0", name="amount_positive"),
        sa.CheckConstraint("status IN ('pending', 'succeeded', 'cancelled')", name="status"),
        # One pending balance per order: an edit replaces the one before.
        sa.Index("uq_balance_payments_one_pending", "order_id", unique=True,
                 postgresql_where=sa.text("status = 'pending'"),
                 sqlite_where=sa.text("status = 'pending'")),
    )

    @property
    def idempotency_key(self) -> str:
        return f"stockroom-balance-{self.id}-payment"
