"""Product reviews (by customers who received the product) and the wishlist."""

from __future__ import annotations

from datetime import datetime
from decimal import ROUND_HALF_UP, Decimal

import sqlalchemy as sa

from core.errors import Conflict, Forbidden, NotFound
from models import (
    Order,
    OrderItem,
    OrderStatus,
    Product,
    ProductStatus,
    Review,
    User,
    WishlistItem,
    db,
)
from services.catalog_cache import catalog_changed
from services.products import ProductNotFound, can_manage


class NotReceived(Forbidden):
    error_code = "review_needs_delivered_order"


class AlreadyReviewed(Conflict):
    error_code = "already_reviewed"


class NotInWishlist(NotFound):
    error_code = "not_in_wishlist"


def visible_product(actor: User | None, product_id: int) -> Product:
    """An active product for anyone; any product for an admin or its seller."""
    product = db.session.get(Product, product_id)
    if product is None or (product.status != ProductStatus.ACTIVE.value
                           and not can_manage(actor, product)):
        raise ProductNotFound("Product not found.")
    return product


def product_reviews(actor: User | None, product_id: int) -> sa.Select:
    visible_product(actor, product_id)
    return (sa.select(Review).where(Review.product_id == product_id)
            .order_by(Review.created_at.desc(), Review.id.desc()))


def received(user_id: int, product_id: int) -> bool:
    """Whether one of the user's orders holding the product was delivered."""
    return db.session.scalar(
        sa.select(sa.literal(True))
        .select_from(OrderItem).join(Order, Order.id == OrderItem.order_id)
        .where(Order.user_id == user_id, OrderItem.product_id == product_id,
               Order.status == OrderStatus.DELIVERED.value).limit(1)) is not None


def add_review(user: User, product_id: int, rating: int, title: str | None, body: str | None,
               now: datetime) -> Review:
    """One review per customer and product (409 for a second), only from a customer whose
    order with it was delivered (403). The product's average and count move with it under
    the product's row lock, so concurrent reviews cannot lose one another."""
    product = visible_product(user, product_id)
    if not received(user.id, product.id):
        raise NotReceived("Only a customer who received this product can review it.")
    if db.session.scalar(sa.select(Review.id).where(Review.product_id == product.id,
                                                    Review.user_id == user.id)):
        raise AlreadyReviewed("You have already reviewed this product.")
    review = Review(product_id=product.id, user_id=user.id, rating=rating, title=title,
                    body=body, created_at=now)
    db.session.add(review)
    try:
        with db.session.begin_nested():
            db.session.flush()
    except sa.exc.IntegrityError as error:
        raise AlreadyReviewed("You have already reviewed this product.") from error
    # The product's row lock makes concurrent reviews take turns over the average.
    locked = db.session.scalar(
        sa.select(Product).where(Product.id == product.id).with_for_update()
        .execution_options(populate_existing=True))
    total = Decimal(locked.rating_average or 0) * locked.rating_count + rating
    locked.rating_count += 1
    locked.rating_average = (total / locked.rating_count).quantize(Decimal("0.01"),
                                                                   rounding=ROUND_HALF_UP)
    db.session.flush()
    # The product's rating is part of the catalog's answers.
    catalog_changed()
    return review


def wishlist(user_id: int) -> sa.Select:
    """The user's wished products that are still for sale, latest first."""
    return (sa.select(Product).join(WishlistItem, WishlistItem.product_id == Product.id)
            .where(WishlistItem.user_id == user_id,
                   Product.status == ProductStatus.ACTIVE.value)
            .order_by(WishlistItem.created_at.desc(), Product.id.desc()))


def wished(user_id: int, product_id: int) -> Product:
    product = db.session.scalar(wishlist(user_id).where(Product.id == product_id))
    if product is None:
        raise NotInWishlist("This product is not in your wishlist.")
    return product


def wish(user: User, product_id: int, now: datetime) -> tuple[Product, bool]:
    """Put an active product on the wishlist (idempotent); True if it was added now."""
    product = visible_product(None, product_id)
    exists = db.session.get(WishlistItem, (user.id, product.id))
    if exists is not None:
        return product, False
    db.session.add(WishlistItem(user_id=user.id, product_id=product.id, created_at=now))
    try:
        with db.session.begin_nested():
            db.session.flush()
    except sa.exc.IntegrityError:
        return product, False
    return product, True


def unwish(user_id: int, product_id: int) -> None:
    """Remove a product from the wishlist; 404 if it was not there."""
    removed = db.session.execute(sa.delete(WishlistItem).where(
        WishlistItem.user_id == user_id, WishlistItem.product_id == product_id)).rowcount
    if removed != 1:
        raise NotInWishlist("This product is not in your wishlist.")
