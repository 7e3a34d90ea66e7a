"""Shipments: the parcels an order leaves in, each with its lines and tracking."""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.base import UTCDateTime, db, utcnow


class Shipment(db.Model):
    __tablename__ = "shipments"

    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(
        sa.ForeignKey("orders.id", ondelete="CASCADE"), nullable=False, index=True)
    # Where the units left from, when the order's units were all held at one location.
    location_id: Mapped[int | None] = mapped_column(sa.Integer)
    carrier: Mapped[str | None] = mapped_column(sa.String(50))
    tracking_number: Mapped[str | None] = mapped_column(sa.String(100))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, nullable=False)

    lines: Mapped[list[ShipmentLine]] = relationship(
        back_populates="shipment", cascade="all, delete-orphan", order_by="ShipmentLine.id",
        lazy="selectin")


class ShipmentLine(db.Model):
    __tablename__ = "shipment_lines"

    id: Mapped[int] = mapped_column(primary_key=True)
    shipment_id: Mapped[int] = mapped_column(
        sa.ForeignKey("shipments.id", ondelete="CASCADE"), nullable=False, index=True)
    order_item_id: Mapped[int] = mapped_column(
        sa.ForeignKey("order_items.id", ondelete="CASCADE"), nullable=False, index=True)
    quantity: Mapped[int] = mapped_column(sa.Integer, nullable=False)

    shipment: Mapped[Shipment] = relationship(back_populates="lines")

    __table_args__ = (
        sa.UniqueConstraint("shipment_id", "order_item_id",
                            name="uq_shipment_lines_shipment_id_order_item_id"),
        sa.CheckConstraint("quantity > 0", name="quantity_positive"),
    )
