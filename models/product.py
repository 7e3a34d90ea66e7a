"""Products, their variants (with stock levels) and their images."""

from __future__ import annotations

import enum
from datetime import datetime
from typing import TYPE_CHECKING

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.base import TimestampMixin, UTCDateTime, db, utcnow
from models.category import Category

if TYPE_CHECKING:
    from models.location import StockLevel


class ProductStatus(enum.StrEnum):
    DRAFT = "draft"
    ACTIVE = "active"
    ARCHIVED = "archived"


class Product(TimestampMixin, db.Model):
    __tablename__ = "products"

    id: Mapped[int] = mapped_column(primary_key=True)
    # Generated from the name once and then kept: links to a product must not break.
    slug: Mapped[str] = mapped_column(sa.String(160), unique=True, nullable=False)
    name: Mapped[str] = mapped_column(sa.String(200), nullable=False)
    description: Mapped[str] = mapped_column(sa.Text, nullable=False, default="")
    status: Mapped[str] = mapped_column(sa.String(16), nullable=False,
                                        default=ProductStatus.DRAFT.value)
    category_id: Mapped[int] = mapped_column(
        sa.ForeignKey("categories.id", ondelete="RESTRICT"), nullable=False, index=True)
    seller_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("users.id", ondelete="SET NULL"), index=True)
    # Kept by services.products from the variants, so that listings filter and sort on
    # columns instead of aggregating every product's variants.
    price_min: Mapped[int | None] = mapped_column(sa.Integer)
    price_max: Mapped[int | None] = mapped_column(sa.Integer)
    currency: Mapped[str] = mapped_column(sa.String(3), nullable=False, default="usd")
    # Units sold, for the "popular" sort; kept by the order pipeline.
    units_sold: Mapped[int] = mapped_column(sa.Integer, nullable=False, default=0,
                                            server_default="0")
    rating_average: Mapped[float | None] = mapped_column(sa.Numeric(3, 2))
    rating_count: Mapped[int] = mapped_column(sa.Integer, nullable=False, default=0,
                                              server_default="0")

    category: Mapped[Category] = relationship(lazy="joined", innerjoin=True)
    variants: Mapped[list[Variant]] = relationship(
        back_populates="product", cascade="all, delete-orphan", passive_deletes=True,
        order_by="Variant.id")
    images: Mapped[list[ProductImage]] = relationship(
        back_populates="product", cascade="all, delete-orphan", passive_deletes=True,
        order_by="(ProductImage.position, ProductImage.id)")

    @property
    def rating(self) -> dict:
        average = self.rating_average
        return {"average": float(average) if average is not None else None,
                "count": self.rating_count}

    __table_args__ = (
        sa.CheckConstraint("status IN ('draft', 'active', 'archived')", name="status"),
        sa.Index("ix_products_status_price_min", "status", "price_min"),
        sa.Index("ix_products_status_created_at", "status", "created_at"),
    )


class Variant(TimestampMixin, db.Model):
    __tablename__ = "variants"

    id: Mapped[int] = mapped_column(primary_key=True)
    product_id: Mapped[int] = mapped_column(
        sa.ForeignKey("products.id", ondelete="CASCADE"), nullable=False, index=True)
    sku: Mapped[str] = mapped_column(sa.String(64), unique=True, nullable=False)
    name: Mapped[str] = mapped_column(sa.String(200), nullable=False)
    options: Mapped[dict] = mapped_column(sa.JSON, nullable=False, default=dict)
    price: Mapped[int] = mapped_column(sa.Integer, nullable=False)
    currency: Mapped[str] = mapped_column(sa.String(3), nullable=False, default="usd")
    compare_at_price: Mapped[int | None] = mapped_column(sa.Integer)
    # What one unit weighs, for shipping by weight.
    weight_g: Mapped[int] = mapped_column(sa.Integer, nullable=False, default=0,
                                          server_default="0")
    # Stock. Changed only in services/inventory.py, by conditional updates.
    on_hand: Mapped[int] = mapped_column(sa.Integer, nullable=False, default=0)
    reserved: Mapped[int] = mapped_column(sa.Integer, nullable=False, default=0,
                                          server_default="0")
    low_stock_threshold: Mapped[int] = mapped_column(sa.Integer, nullable=False, default=0,
                                                     server_default="0")

    product: Mapped[Product] = relationship(back_populates="variants")
    # Its prices in currencies other than its own (``currency``/``price``), read only where
    # a cart or a catalog read is in another currency (services.currencies).
    prices: Mapped[list[VariantPrice]] = relationship(
        back_populates="variant", cascade="all, delete-orphan", passive_deletes=True,
        order_by="VariantPrice.currency")
    # Its stock per location (services.inventory writes them; these columns are the sums).
    stock: Mapped[list[StockLevel]] = relationship(
        viewonly=True, order_by="StockLevel.location_id")

    __table_args__ = (
        sa.CheckConstraint("price > 0", name="price_positive"),
        sa.CheckConstraint("on_hand >= 0", name="on_hand_not_negative"),
        sa.CheckConstraint("reserved >= 0", name="reserved_not_negative"),
        sa.CheckConstraint("reserved <= on_hand", name="reserved_within_on_hand"),
        sa.CheckConstraint("low_stock_threshold >= 0", name="threshold_not_negative"),
    )

    @property
    def available(self) -> int:
        return max(0, self.on_hand - self.reserved)

    @property
    def price_list(self) -> list[dict]:
        """Every price of the variant, its own currency's first (the answers' ``prices``)."""
        return [{"currency": self.currency, "amount": self.price,
                 "compare_at_price": self.compare_at_price}] + [
            {"currency": price.currency, "amount": price.amount,
             "compare_at_price": price.compare_at_price}
            for price in self.prices if price.currency != self.currency]


class VariantPrice(db.Model):
    """A variant's price in one more currency than its own."""

    __tablename__ = "variant_prices"

    id: Mapped[int] = mapped_column(primary_key=True)
    variant_id: Mapped[int] = mapped_column(
        sa.ForeignKey("variants.id", ondelete="CASCADE"), nullable=False)
    currency: Mapped[str] = mapped_column(sa.String(3), nullable=False)
    amount: Mapped[int] = mapped_column(sa.Integer, nullable=False)
    compare_at_price: Mapped[int | None] = mapped_column(sa.Integer)

    variant: Mapped[Variant] = relationship(back_populates="prices")

    __table_args__ = (
        sa.UniqueConstraint("variant_id", "currency",
                            name="uq_variant_prices_variant_id_currency"),
        sa.CheckConstraint("amount > 0", name="amount_positive"),
    )


class ProductPrice(db.Model):
    """A product's lowest and highest variant price in one currency (its own included),
    kept by services.products, so that a listing in a currency filters and sorts on columns
    and leaves out the products not priced in it."""

    __tablename__ = "product_prices"

    product_id: Mapped[int] = mapped_column(
        sa.ForeignKey("products.id", ondelete="CASCADE"), primary_key=True)
    currency: Mapped[str] = mapped_column(sa.String(3), primary_key=True)
    price_min: Mapped[int] = mapped_column(sa.Integer, nullable=False)
    price_max: Mapped[int] = mapped_column(sa.Integer, nullable=False)

    __table_args__ = (
        sa.Index("ix_product_prices_currency_price_min", "currency", "price_min"),
    )


class ProductImage(db.Model):
    __tablename__ = "product_images"

    id: Mapped[int] = mapped_column(primary_key=True)
    product_id: Mapped[int] = mapped_column(
        sa.ForeignKey("products.id", ondelete="CASCADE"), nullable=False, index=True)
    storage_key: Mapped[str] = mapped_column(sa.String(255), nullable=False)
    url: Mapped[str] = mapped_column(sa.String(500), nullable=False)
    alt: Mapped[str] = mapped_column(sa.String(300), nullable=False, default="")
    position: Mapped[int] = mapped_column(sa.Integer, nullable=False, default=0)
    content_type: Mapped[str] = mapped_column(sa.String(32), nullable=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, nullable=False)

    product: Mapped[Product] = relationship(back_populates="images")
