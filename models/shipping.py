"""Shipping zones and their methods, and tax rates by destination."""

from __future__ import annotations

import enum

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.base import TimestampMixin, db


class ShippingKind(enum.StrEnum):
    FLAT = "flat"
    # The first of ``rates`` (by max_weight_g) that the cart's weight fits under.
    WEIGHT = "weight"
    # Live rates from a carrier (SHIPPING_RATES_PROVIDER).
    CARRIER = "carrier"


class ShippingZone(TimestampMixin, db.Model):
    __tablename__ = "shipping_zones"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(sa.String(100), nullable=False)
    country_rows: Mapped[list[ShippingZoneCountry]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True, order_by="ShippingZoneCountry.country")
    methods: Mapped[list[ShippingMethod]] = relationship(
        back_populates="zone", cascade="all, delete-orphan", passive_deletes=True,
        order_by="ShippingMethod.id")

    @property
    def countries(self) -> list[str]:
        return [row.country for row in self.country_rows]


class ShippingZoneCountry(db.Model):
    """A country's zone: the primary key makes a country belong to one zone at most,
    under any concurrency."""

    __tablename__ = "shipping_zone_countries"

    country: Mapped[str] = mapped_column(sa.String(2), primary_key=True)
    zone_id: Mapped[int] = mapped_column(
        sa.ForeignKey("shipping_zones.id", ondelete="CASCADE"), nullable=False, index=True)


class ShippingMethod(TimestampMixin, db.Model):
    __tablename__ = "shipping_methods"

    id: Mapped[int] = mapped_column(primary_key=True)
    zone_id: Mapped[int] = mapped_column(
        sa.ForeignKey("shipping_zones.id", ondelete="CASCADE"), nullable=False, index=True)
    name: Mapped[str] = mapped_column(sa.String(100), nullable=False)
    kind: Mapped[str] = mapped_column(sa.String(16), nullable=False)
    currency: Mapped[str] = mapped_column(sa.String(3), nullable=False)
    price: Mapped[int] = mapped_column(sa.Integer, nullable=False, default=0)
    # Free when the subtotal after discount reaches this (None: never).
    free_over: Mapped[int | None] = mapped_column(sa.Integer)
    # [{"max_weight_g": int, "price": int}] for ``weight``, sorted by max_weight_g.
    rates: Mapped[list] = mapped_column(sa.JSON, nullable=False, default=list)
    carrier: Mapped[str | None] = mapped_column(sa.String(50))
    service: Mapped[str | None] = mapped_column(sa.String(100))
    estimated_days: Mapped[int | None] = mapped_column(sa.Integer)
    active: Mapped[bool] = mapped_column(sa.Boolean, nullable=False, default=True)

    zone: Mapped[ShippingZone] = relationship(back_populates="methods")

    __table_args__ = (
        sa.CheckConstraint("kind IN ('flat', 'weight', 'carrier')", name="kind"),
    )


class TaxRate(TimestampMixin, db.Model):
    """A tax rate for a country, or one of its regions (the more specific wins)."""

    __tablename__ = "tax_rates"

    id: Mapped[int] = mapped_column(primary_key=True)
    country: Mapped[str] = mapped_column(sa.String(2), nullable=False)
    # '' for the whole country: a real value keeps the unique key working on both backends.
    region: Mapped[str] = mapped_column(sa.String(100), nullable=False, default="")
    name: Mapped[str] = mapped_column(sa.String(100), nullable=False)
    rate_bps: Mapped[int] = mapped_column(sa.Integer, nullable=False)
    applies_to_shipping: Mapped[bool] = mapped_column(sa.Boolean, nullable=False, default=True)

    __table_args__ = (sa.UniqueConstraint("country", "region"),)
