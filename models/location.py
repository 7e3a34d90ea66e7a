"""Stock locations (warehouses, stores), the stock each holds of each variant, and where an
order's units are held."""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from models.base import TimestampMixin, db

DEFAULT_LOCATION_CODE = "default"


class Location(TimestampMixin, db.Model):
    __tablename__ = "locations"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(sa.String(32), unique=True, nullable=False)
    name: Mapped[str] = mapped_column(sa.String(100), nullable=False)
    country: Mapped[str | None] = mapped_column(sa.String(2))
    # Checkout takes stock from the lowest first.
    priority: Mapped[int] = mapped_column(sa.Integer, nullable=False, default=100)
    active: Mapped[bool] = mapped_column(sa.Boolean, nullable=False, default=True)


class StockLevel(db.Model):
    """One variant's stock at one location. Changed only in services/inventory.py, in the
    same transaction as the variant's totals (``variants.on_hand``/``reserved``, which are
    the sums of these)."""

    __tablename__ = "stock_levels"

    variant_id: Mapped[int] = mapped_column(
        sa.ForeignKey("variants.id", ondelete="CASCADE"), primary_key=True)
    location_id: Mapped[int] = mapped_column(
        sa.ForeignKey("locations.id", ondelete="RESTRICT"), primary_key=True, index=True)
    on_hand: Mapped[int] = mapped_column(sa.Integer, nullable=False, default=0)
    reserved: Mapped[int] = mapped_column(sa.Integer, nullable=False, default=0)

    __table_args__ = (
        sa.CheckConstraint("on_hand >= 0", name="on_hand_not_negative"),
        sa.CheckConstraint("reserved >= 0", name="reserved_not_negative"),
        sa.CheckConstraint("reserved <= on_hand", name="reserved_within_on_hand"),
    )

    @property
    def available(self) -> int:
        return max(0, self.on_hand - self.reserved)


class OrderAllocation(db.Model):
    """Units of an order's variant held (then taken) at a location: what expiry, cancel,
    payment and refunds move back or on, exactly."""

    __tablename__ = "order_allocations"

    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(
        sa.ForeignKey("orders.id", ondelete="CASCADE"), nullable=False, index=True)
    variant_id: Mapped[int] = mapped_column(
        sa.ForeignKey("variants.id", ondelete="CASCADE"), nullable=False)
    location_id: Mapped[int] = mapped_column(
        sa.ForeignKey("locations.id", ondelete="RESTRICT"), nullable=False)
    quantity: Mapped[int] = mapped_column(sa.Integer, nullable=False)

    __table_args__ = (
        sa.UniqueConstraint("order_id", "variant_id", "location_id",
                            name="uq_order_allocations_order_variant_location"),
        sa.CheckConstraint("quantity > 0", name="quantity_positive"),
    )
