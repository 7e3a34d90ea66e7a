"""Carts: find or start one, change its lines, merge a guest's into a customer's.

Every change to a line records a cart event (``cart.item_added``, ``cart.item_updated``,
``cart.item_removed``) for the ``cart_activity_log`` delivery.
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

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
from services import currencies, discounts, outbox, transactions


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


def load(cart_id: int) -> Cart:
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
    return load(cart.id)


def locked_cart_for_user(user_id: int) -> Cart:
    """The user's cart, locked (``lock_cart``) without reading it first: checkout's way in.
    A user without a cart gets an empty one, which checkout refuses."""
    cart_id = db.session.scalar(sa.select(Cart.id).where(Cart.user_id == user_id)
                                .with_for_update())
    if cart_id is None:
        return Cart(user_id=user_id)
    transactions.pending(LOCKED).append(cart_id)
    return load(cart_id)


def locked_cart_for_token(token: str) -> Cart:
    """The guest cart of ``token``, locked as ``locked_cart_for_user`` locks a user's: a
    guest's checkout's way in. An unknown token is an empty cart, which checkout refuses."""
    cart_id = db.session.scalar(sa.select(Cart.id).where(Cart.token == token)
                                .with_for_update())
    if cart_id is None:
        return Cart(token=token)
    transactions.pending(LOCKED).append(cart_id)
    return load(cart_id)


def cart_currency(cart: Cart) -> str | None:
    """The currency the cart is priced in: the one chosen, else its first line's variant's
    own (carts from before currencies were chosen), or None for an empty cart with none."""
    if cart.currency is not None:
        return cart.currency
    return cart.items[0].variant.currency if cart.items else None


def price_book(cart: Cart) -> currencies.PriceBook:
    """What the cart's lines cost in its currency (the store's for a cart with none)."""
    return currencies.PriceBook([item.variant for item in cart.items],
                                cart_currency(cart) or currencies.store_currency())


def cart_for_user(user_id: int) -> Cart:
    cart = _loaded(Cart.user_id == user_id)
    if cart is None:
        new = Cart(user_id=user_id)
        db.session.add(new)
        db.session.flush()
        cart = load(new.id)
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
            return load(cart_id)
    if not (token and GUEST_TOKEN.fullmatch(token)):
        token = secrets.token_urlsafe(32)
    if not create:
        return Cart(token=token)
    if before_create is not None:
        before_create()
    # Insert-or-ignore: two first changes sent at once with the token a read handed out
    # make one cart, not a unique-key error.
    db.session.execute(insert_ignoring_conflict(Cart, ["token"]).values(token=token))
    return load(db.session.scalar(sa.select(Cart.id).where(Cart.token == token)))


def view(cart: Cart, now: datetime) -> CartView:
    """Live prices (in the cart's currency) and availability; a discount that no longer
    applies shows as none. A line whose variant lost its price in the cart's currency
    since it was added shows no price and counts for nothing (checkout refuses it)."""
    book = price_book(cart)
    items = []
    subtotal = 0
    for item in cart.items:
        variant = item.variant
        price = book.price(variant)
        unit_price = price.amount if price is not None else None
        line_total = unit_price * item.quantity if price is not None else None
        subtotal += line_total or 0
        items.append({"id": item.id, "variant_id": variant.id, "sku": variant.sku,
                      "product_name": variant.product.name, "variant_name": variant.name,
                      "quantity": item.quantity, "unit_price": unit_price,
                      "line_total": line_total, "available": variant.available})
    code, discount_total = None, 0
    if cart.discount_id is not None:
        discount = db.session.get(Discount, cart.discount_id)
        if discounts.refusal(discount, subtotal, now, currency=book.currency) is None:
            code, discount_total = discount.code, discount.amount_off(subtotal)
    return CartView(cart, items, subtotal, book.currency, code, discount_total)


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


def cart_event(event_type: str, cart: Cart, item: CartItem, quantity: int) -> None:
    outbox.record_event(event_type, "cart", cart.id, {
        "cart_id": cart.id, "user_id": cart.user_id, "item_id": item.id,
        "variant_id": item.variant_id, "quantity": quantity})


def add_item(cart: Cart, variant_id: int, quantity: int) -> Cart:
    """Add ``quantity`` of a variant; a variant already in the cart adds to its line.
    The first line fixes the cart's currency to its variant's own, unless one was chosen;
    409 ``currency_mismatch`` for a variant with no price in the cart's currency: a cart
    is charged in one currency."""
    cart = lock_cart(cart)
    variant = _sellable_variant(variant_id)
    currency = cart_currency(cart)
    if currency is None:
        cart.currency = variant.currency
    elif currencies.PriceBook([variant], currency).price(variant) is None:
        raise CurrencyMismatch(
            f"This cart is in {currency.upper()}; {variant.sku} has no price in it.",
            errors={"variant_id": [f"Not priced in {currency}."]})
    else:
        cart.currency = currency
    item = next((i for i in cart.items if i.variant_id == variant.id), None)
    total = quantity + (item.quantity if item else 0)
    _check_quantity(variant, total)
    if item is None:
        item = CartItem(cart_id=cart.id, variant_id=variant.id, quantity=total)
        db.session.add(item)
        db.session.flush()
        cart_event("cart.item_added", cart, item, total)
    else:
        item.quantity = total
        db.session.flush()
        cart_event("cart.item_updated", cart, item, total)
    return load(cart.id)


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
    cart_event("cart.item_updated", cart, item, quantity)
    return load(cart.id)


def remove_item(cart: Cart, item_id: int) -> Cart:
    cart = lock_cart(cart)
    item = _item(cart, item_id)
    cart_event("cart.item_removed", cart, item, 0)
    db.session.delete(item)
    db.session.flush()
    return load(cart.id)


def set_currency(cart: Cart, currency: str) -> Cart:
    """Price and charge the cart in ``currency`` from now on; 409 ``currency_mismatch``
    (naming them) when some of its lines have no price in it."""
    cart = lock_cart(cart)
    unpriced = currencies.PriceBook([item.variant for item in cart.items],
                                    currency).unpriced(item.variant for item in cart.items)
    if unpriced:
        raise CurrencyMismatch(
            f"Some lines have no price in {currency.upper()}: remove them first.",
            errors={"currency": [f"Not priced in {currency}: "
                                 + ", ".join(variant.sku for variant in unpriced)]})
    cart.currency = currency
    db.session.flush()
    return cart


def apply_discount(cart: Cart, code: str, now: datetime) -> Cart:
    """Attach a code; 422 (with the reason) when it does not apply to this cart now."""
    discount = discounts.find_discount(code)
    cart_view = view(cart, now)
    used = discounts.customer_uses(discount.id, cart.user_id) if discount is not None else 0
    reason = discounts.refusal(discount, cart_view.subtotal, now, customer_uses=used,
                               currency=cart_view.currency)
    if reason is not None:
        raise discounts.DiscountNotApplicable(reason, errors={"code": [reason]})
    cart.discount_id = discount.id
    db.session.flush()
    return cart


def remove_discount(cart: Cart) -> Cart:
    cart.discount_id = None
    db.session.flush()
    return cart
