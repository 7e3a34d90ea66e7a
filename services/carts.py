"""Carts: find or start one, change its lines, merge a guest's into a customer's.

Every change to a line records a cart event (``cart.item_added``, ``cart.item_updated``,
``cart.item_removed``) for the ``cart_activity_log`` delivery.
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

import sqlalchemy as sa
from sqlalchemy.orm import joinedload

from core.errors import Conflict, NotFound, ValidationFailed
from models import (
    MAX_LINE_QUANTITY,
    Cart,
    CartItem,
    Discount,
    Product,
    ProductStatus,
    Variant,
    db,
    insert_ignoring_conflict,
)
from services import discounts, outbox, transactions


class CartItemNotFound(NotFound):
    error_code = "cart_item_not_found"


class UnknownVariant(ValidationFailed):
    error_code = "unknown_variant"


class NotEnoughStock(Conflict):
    error_code = "out_of_stock"


class QuantityTooLarge(ValidationFailed):
    error_code = "quantity_too_large"


class CurrencyMismatch(Conflict):
    error_code = "currency_mismatch"


@dataclass(frozen=True)
class CartView:
    """A cart with its live prices and totals, as the API shows it."""

    cart: Cart | None
    items: list[dict]
    subtotal: int
    currency: str
    discount_code: str | None
    discount_total: int

    @property
    def id(self) -> int | None:
        return self.cart.id if self.cart is not None else None


def _loaded(*where) -> Cart | None:
    """The cart matching ``where`` with its lines, their variants and products, in one query
    (a cart is a few lines; the product's category is not needed here, so not joined)."""
    return db.session.execute(
        sa.select(Cart).where(*where)
        .options(joinedload(Cart.items).joinedload(CartItem.variant)
                 .joinedload(Variant.product).lazyload(Product.category))
        .execution_options(populate_existing=True)).unique().scalar_one_or_none()


def _load(cart_id: int) -> Cart:
    return _loaded(Cart.id == cart_id)


# The carts this transaction holds the lock of (and read after taking it).
LOCKED = "stockroom.carts.locked"
transactions.track(LOCKED)


def lock_cart(cart: Cart) -> Cart:
    """Take the cart's row lock, then read its lines afresh (a statement of its own, so
    that on PostgreSQL it sees what a transaction that held the lock before committed).
    Every change to a cart's lines and every checkout of it takes this lock first: a
    checkout and an add, or two checkouts, take turns, and none works from lines another
    has changed since it read them. A cart this transaction locked already is returned
    as it is."""
    if cart.id in transactions.pending(LOCKED):
        return cart
    db.session.execute(sa.select(Cart.id).where(Cart.id == cart.id).with_for_update())
    transactions.pending(LOCKED).append(cart.id)
    return _load(cart.id)


def locked_cart_for_user(user_id: int) -> Cart:
    """The user's cart, locked (``lock_cart``) without reading it first: checkout's way in.
    A user without a cart gets an empty one, which checkout refuses."""
    cart_id = db.session.scalar(sa.select(Cart.id).where(Cart.user_id == user_id)
                                .with_for_update())
    if cart_id is None:
        return Cart(user_id=user_id)
    transactions.pending(LOCKED).append(cart_id)
    return _load(cart_id)


def locked_cart_for_token(token: str) -> Cart:
    """The guest cart of ``token``, locked as ``locked_cart_for_user`` locks a user's: a
    guest's checkout's way in. An unknown token is an empty cart, which checkout refuses."""
    cart_id = db.session.scalar(sa.select(Cart.id).where(Cart.token == token)
                                .with_for_update())
    if cart_id is None:
        return Cart(token=token)
    transactions.pending(LOCKED).append(cart_id)
    return _load(cart_id)


def cart_currency(cart: Cart) -> str | None:
    """The currency of the cart's lines (the first line's), or None for an empty cart."""
    return cart.items[0].variant.currency if cart.items else None


def cart_for_user(user_id: int) -> Cart:
    cart = _loaded(Cart.user_id == user_id)
    if cart is None:
        new = Cart(user_id=user_id)
        db.session.add(new)
        db.session.flush()
        cart = _load(new.id)
    return cart


# What ``secrets.token_urlsafe(32)`` makes: the only guest tokens a cart is created with.
GUEST_TOKEN = re.compile(r"[A-Za-z0-9_-]{43}")


def cart_for_token(token: str | None, *, create: bool = True,
                   before_create: Callable[[], None] | None = None) -> Cart:
    """The guest cart of ``token``. An unknown token: a new cart, with that token when it
    is one this store hands out (a ``GET /cart`` handed it out without storing anything),
    else with a new one. With ``create=False`` (reads) nothing is stored: the answer is an
    empty cart that is not saved, so reading carts without a token creates no rows.
    ``before_create`` runs before a cart is stored (the edge's rate limit on new carts)."""
    if token:
        cart_id = db.session.scalar(sa.select(Cart.id).where(Cart.token == token))
        if cart_id is not None:
            return _load(cart_id)
    if not (token and GUEST_TOKEN.fullmatch(token)):
        token = secrets.token_urlsafe(32)
    if not create:
        return Cart(token=token)
    if before_create is not None:
        before_create()
    # Insert-or-ignore: two first changes sent at once with the token a read handed out
    # make one cart, not a unique-key error.
    db.session.execute(insert_ignoring_conflict(Cart, ["token"]).values(token=token))
    return _load(db.session.scalar(sa.select(Cart.id).where(Cart.token == token)))


def view(cart: Cart, now: datetime) -> CartView:
    """Live prices and availability; a discount that no longer applies shows as none."""
    items = []
    subtotal = 0
    currency = "usd"
    for item in cart.items:
        variant = item.variant
        line_total = variant.price * item.quantity
        subtotal += line_total
        currency = variant.currency
        items.append({"id": item.id, "variant_id": variant.id, "sku": variant.sku,
                      "product_name": variant.product.name, "variant_name": variant.name,
                      "quantity": item.quantity, "unit_price": variant.price,
                      "line_total": line_total, "available": variant.available})
    code, discount_total = None, 0
    if cart.discount_id is not None:
        discount = db.session.get(Discount, cart.discount_id)
        if discounts.refusal(discount, subtotal, now) is None:
            code, discount_total = discount.code, discount.amount_off(subtotal)
    return CartView(cart, items, subtotal, currency, code, discount_total)


def _sellable_variant(variant_id: int) -> Variant:
    variant = db.session.scalar(
        sa.select(Variant).join(Product)
        .where(Variant.id == variant_id, Product.status == ProductStatus.ACTIVE.value))
    if variant is None:
        raise UnknownVariant("No such product variant for sale.",
                             errors={"variant_id": ["No such variant for sale."]})
    return variant


def _check_quantity(variant: Variant, quantity: int) -> None:
    if quantity > MAX_LINE_QUANTITY:
        raise QuantityTooLarge(errors={"quantity": [f"At most {MAX_LINE_QUANTITY} per line."]})
    if quantity > variant.available:
        raise NotEnoughStock(
            f"Only {variant.available} of {variant.sku} available.",
            errors={"quantity": [f"Only {variant.available} available."]})


def _event(event_type: str, cart: Cart, item: CartItem, quantity: int) -> None:
    outbox.record_event(event_type, "cart", cart.id, {
        "cart_id": cart.id, "user_id": cart.user_id, "item_id": item.id,
        "variant_id": item.variant_id, "quantity": quantity})


def add_item(cart: Cart, variant_id: int, quantity: int) -> Cart:
    """Add ``quantity`` of a variant; a variant already in the cart adds to its line.
    409 ``currency_mismatch`` for a variant priced in another currency than the cart's
    lines: a cart is charged in one currency."""
    cart = lock_cart(cart)
    variant = _sellable_variant(variant_id)
    currency = cart_currency(cart)
    if currency is not None and variant.currency != currency:
        raise CurrencyMismatch(
            f"This cart is in {currency.upper()}; {variant.sku} is priced in "
            f"{variant.currency.upper()}.",
            errors={"variant_id": [f"Priced in {variant.currency}, not {currency}."]})
    item = next((i for i in cart.items if i.variant_id == variant.id), None)
    total = quantity + (item.quantity if item else 0)
    _check_quantity(variant, total)
    if item is None:
        item = CartItem(cart_id=cart.id, variant_id=variant.id, quantity=total)
        db.session.add(item)
        db.session.flush()
        _event("cart.item_added", cart, item, total)
    else:
        item.quantity = total
        db.session.flush()
        _event("cart.item_updated", cart, item, total)
    return _load(cart.id)


def _item(cart: Cart, item_id: int) -> CartItem:
    item = next((i for i in cart.items if i.id == item_id), None)
    if item is None:
        raise CartItemNotFound("Cart item not found.")
    return item


def update_item(cart: Cart, item_id: int, quantity: int) -> Cart:
    cart = lock_cart(cart)
    item = _item(cart, item_id)
    _check_quantity(item.variant, quantity)
    item.quantity = quantity
    db.session.flush()
    _event("cart.item_updated", cart, item, quantity)
    return _load(cart.id)


def remove_item(cart: Cart, item_id: int) -> Cart:
    cart = lock_cart(cart)
    item = _item(cart, item_id)
    _event("cart.item_removed", cart, item, 0)
    db.session.delete(item)
    db.session.flush()
    return _load(cart.id)


def apply_discount(cart: Cart, code: str, now: datetime) -> Cart:
    """Attach a code; 422 (with the reason) when it does not apply to this cart now."""
    discount = discounts.find_discount(code)
    subtotal = view(cart, now).subtotal
    used = discounts.customer_uses(discount.id, cart.user_id) if discount is not None else 0
    reason = discounts.refusal(discount, subtotal, now, customer_uses=used)
    if reason is not None:
        raise discounts.DiscountNotApplicable(reason, errors={"code": [reason]})
    cart.discount_id = discount.id
    db.session.flush()
    return cart


def remove_discount(cart: Cart) -> Cart:
    cart.discount_id = None
    db.session.flush()
    return cart


def merge_guest_cart(user_id: int, token: str | None) -> None:
    """Move a guest cart's lines into the user's cart (on sign-in); the guest cart goes.

    Quantities of a variant in both add up, capped at the per-line maximum; availability
    is checked again at checkout, so signing in never fails over stock.
    """
    if not token:
        return
    guest_id = db.session.scalar(sa.select(Cart.id).where(Cart.token == token))
    if guest_id is None:
        return
    guest = _load(guest_id)
    cart = cart_for_user(user_id)
    lines = {item.variant_id: item for item in cart.items}
    for guest_item in guest.items:
        item = lines.get(guest_item.variant_id)
        if item is None:
            item = CartItem(cart_id=cart.id, variant_id=guest_item.variant_id,
                            quantity=guest_item.quantity)
            db.session.add(item)
            db.session.flush()
            _event("cart.item_added", cart, item, item.quantity)
        else:
            item.quantity = min(MAX_LINE_QUANTITY, item.quantity + guest_item.quantity)
            db.session.flush()
            _event("cart.item_updated", cart, item, item.quantity)
    if cart.discount_id is None:
        cart.discount_id = guest.discount_id
    db.session.delete(guest)
    db.session.flush()


# How long a guest cart nobody touches is kept: a guest who comes back within it finds it.
GUEST_CART_RETENTION = timedelta(days=30)


def purge_abandoned_guest_carts(now: datetime) -> int:
    """Delete guest carts untouched for ``GUEST_CART_RETENTION`` (no line changed since):
    nothing else ever removes a cart a guest walked away from. Returns how many went."""
    cutoff = now - GUEST_CART_RETENTION
    recent_line = (sa.select(CartItem.id)
                   .where(CartItem.cart_id == Cart.id, CartItem.updated_at >= cutoff).exists())
    return db.session.execute(
        sa.delete(Cart).where(Cart.user_id.is_(None), Cart.created_at < cutoff, ~recent_line)
        .execution_options(synchronize_session=False)).rowcount
