"""Discount codes."""

from __future__ import annotations

import enum
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from models.base import TimestampMixin, UTCDateTime, db, utcnow


class DiscountKind(enum.StrEnum):
    PERCENT = "percent"
    FIXED = "fixed"


class Discount(TimestampMixin, db.Model):
    __tablename__ = "discounts"

    id: Mapped[int] = mapped_column(primary_key=True)
    # Stored upper-cased: the unique constraint is then the case-insensitive one.
    code: Mapped[str] = mapped_column(sa.String(40), unique=True, nullable=False)
    kind: Mapped[str] = mapped_column(sa.String(8), nullable=False)
    # A whole percent (1..100) for "percent", cents for "fixed".
    value: Mapped[int] = mapped_column(sa.Integer, nullable=False)
    currency: Mapped[str] = mapped_column(sa.String(3), nullable=False, default="usd")
    min_subtotal: Mapped[int] = mapped_column(sa.Integer, nullable=False, default=0)
    starts_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    ends_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    max_uses: Mapped[int | None] = mapped_column(sa.Integer)
    per_customer_limit: Mapped[int | None] = mapped_column(sa.Integer)
    active: Mapped[bool] = mapped_column(sa.Boolean, nullable=False, default=True)
    # Counted per order at checkout, by a conditional update that respects max_uses.
    uses: Mapped[int] = mapped_column(sa.Integer, nullable=False, default=0, server_default="0")

    __table_args__ = (
        sa.CheckConstraint("kind IN ('percent', 'fixed')", name="kind"),
        sa.CheckConstraint("kind <> 'percent' OR (value BETWEEN 1 AND 100)", name="percent"),
        sa.CheckConstraint("value >= 1", name="value_positive"),
        sa.CheckConstraint("max_uses IS NULL OR uses <= max_uses", name="uses_within_max"),
    )

    def amount_off(self, subtotal: int) -> int:
        """The discount on ``subtotal`` cents, in cents: never more than the subtotal."""
        if self.kind == DiscountKind.PERCENT.value:
            return subtotal * self.value // 100
        return min(self.value, subtotal)


class DiscountRedemption(db.Model):
    """A discount used by an order; the per-customer limit counts these."""

    __tablename__ = "discount_redemptions"

    id: Mapped[int] = mapped_column(primary_key=True)
    discount_id: Mapped[int] = mapped_column(
        sa.ForeignKey("discounts.id", ondelete="CASCADE"), nullable=False)
    # None for a guest's order (the per-customer limit then counts by the order's email).
    user_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("users.id", ondelete="CASCADE"))
    order_id: Mapped[int] = mapped_column(
        sa.ForeignKey("orders.id", ondelete="CASCADE"), nullable=False, unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, nullable=False)

    __table_args__ = (
        sa.Index("ix_discount_redemptions_discount_id_user_id", "discount_id", "user_id"),
    )
