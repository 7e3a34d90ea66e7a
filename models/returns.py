"""Returns: a customer sends shipped units back; staff approve, receive (restocking or not)
and refund them."""

from __future__ import annotations

import enum
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.base import TimestampMixin, UTCDateTime, db


class ReturnStatus(enum.StrEnum):
    REQUESTED = "requested"
    APPROVED = "approved"
    REJECTED = "rejected"
    RECEIVED = "received"
    REFUNDED = "refunded"


class OrderReturn(TimestampMixin, db.Model):
    __tablename__ = "order_returns"

    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(
        sa.ForeignKey("orders.id", ondelete="CASCADE"), nullable=False, index=True)
    status: Mapped[str] = mapped_column(sa.String(16), nullable=False,
                                        default=ReturnStatus.REQUESTED.value)
    # What the lines asked for would refund; once received, what the received lines do.
    refund_total: Mapped[int] = mapped_column(sa.Integer, nullable=False, default=0)
    # The refund of the received lines, in the refund ledger.
    refund_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("refunds.id", ondelete="SET NULL"), unique=True)
    note: Mapped[str | None] = mapped_column(sa.String(500))

    lines: Mapped[list[ReturnLine]] = relationship(
        cascade="all, delete-orphan", order_by="ReturnLine.id", lazy="selectin")

    __table_args__ = (
        sa.CheckConstraint(
            "status IN ('requested', 'approved', 'rejected', 'received', 'refunded')",
            name="status"),
        sa.CheckConstraint("refund_total >= 0", name="refund_total_not_negative"),
    )


class ReturnLine(db.Model):
    __tablename__ = "return_lines"

    id: Mapped[int] = mapped_column(primary_key=True)
    return_id: Mapped[int] = mapped_column(
        sa.ForeignKey("order_returns.id", ondelete="CASCADE"), nullable=False, index=True)
    order_item_id: Mapped[int] = mapped_column(
        sa.ForeignKey("order_items.id", ondelete="CASCADE"), nullable=False)
    quantity: Mapped[int] = mapped_column(sa.Integer, nullable=False)
    reason: Mapped[str] = mapped_column(sa.String(200), nullable=False, default="")
    # Set when the units arrive: how many, how many of them went back on hand, and where.
    received_quantity: Mapped[int | None] = mapped_column(sa.Integer)
    restocked_quantity: Mapped[int | None] = mapped_column(sa.Integer)
    location_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("locations.id", ondelete="RESTRICT"))
    received_at: Mapped[datetime | None] = mapped_column(UTCDateTime())

    __table_args__ = (
        sa.UniqueConstraint("return_id", "order_item_id",
                            name="uq_return_lines_return_id_order_item_id"),
        sa.CheckConstraint("quantity > 0", name="quantity_positive"),
        sa.CheckConstraint("received_quantity IS NULL OR "
                           "(received_quantity >= 0 AND received_quantity <= quantity)",
                           name="received_within_quantity"),
        sa.CheckConstraint("restocked_quantity IS NULL OR (restocked_quantity >= 0 AND "
                           "restocked_quantity <= received_quantity)",
                           name="restocked_within_received"),
    )
