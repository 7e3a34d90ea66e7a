"""Carts: one per signed-in customer, one per guest token."""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.base import TimestampMixin, db
from models.product import Variant

MAX_LINE_QUANTITY = 99


class Cart(TimestampMixin, db.Model):
    __tablename__ = "carts"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("users.id", ondelete="CASCADE"), unique=True)
    # A guest's cart is found by this token (sent back as X-Cart-Token); only its hash
    # would be safer, but the token is not a credential: it opens one cart, nothing else.
    token: Mapped[str | None] = mapped_column(sa.String(64), unique=True)
    # The currency its lines are priced and charged in: chosen by ``PUT /cart/currency``,
    # else the first line's variant's own. None until either happens.
    currency: Mapped[str | None] = mapped_column(sa.String(3))
    discount_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("discounts.id", ondelete="SET NULL"))

    items: Mapped[list[CartItem]] = relationship(
        back_populates="cart", cascade="all, delete-orphan", passive_deletes=True,
        order_by="CartItem.id")

    __table_args__ = (
        sa.CheckConstraint("(user_id IS NULL) <> (token IS NULL)", name="owner"),
    )


class CartItem(TimestampMixin, db.Model):
    __tablename__ = "cart_items"

    id: Mapped[int] = mapped_column(primary_key=True)
    cart_id: Mapped[int] = mapped_column(
        sa.ForeignKey("carts.id", ondelete="CASCADE"), nullable=False, index=True)
    variant_id: Mapped[int] = mapped_column(
        sa.ForeignKey("variants.id", ondelete="CASCADE"), nullable=False)
    quantity: Mapped[int] = mapped_column(sa.Integer, nullable=False)

    cart: Mapped[Cart] = relationship(back_populates="items")
    variant: Mapped[Variant] = relationship(lazy="joined", innerjoin=True)

    __table_args__ = (
        sa.UniqueConstraint("cart_id", "variant_id", name="uq_cart_items_cart_id_variant_id"),
        sa.CheckConstraint(f"quantity BETWEEN 1 AND {MAX_LINE_QUANTITY}", name="quantity"),
    )
