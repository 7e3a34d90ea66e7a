"""Guest carts after the fact: merged into a customer's cart when they sign in, purged when
abandoned."""

from __future__ import annotations

from datetime import datetime, timedelta

import sqlalchemy as sa

from models import MAX_LINE_QUANTITY, Cart, CartItem, db
from services import carts, currencies


def merge_guest_cart(user_id: int, token: str | None) -> None:
    """Move a guest cart's lines into the user's cart (on sign-in); the guest cart goes.

    Quantities of a variant in both add up, capped at the per-line maximum; availability
    is checked again at checkout, so signing in never fails over stock. The merged cart
    keeps the user's cart's currency, or takes the guest's when the user's has no lines;
    guest lines not priced in it stay in the guest cart (kept then), never dropped.
    """
    if not token:
        return
    guest_id = db.session.scalar(sa.select(Cart.id).where(Cart.token == token))
    if guest_id is None:
        return
    guest = carts.load(guest_id)
    cart = carts.cart_for_user(user_id)
    if not guest.items:
        if cart.discount_id is None:
            cart.discount_id = guest.discount_id
        db.session.delete(guest)
        db.session.flush()
        return
    currency = (carts.cart_currency(cart) if cart.items else None) or carts.cart_currency(guest)
    cart.currency = currency
    book = currencies.PriceBook([item.variant for item in guest.items], currency)
    lines = {item.variant_id: item for item in cart.items}
    left = []
    for guest_item in guest.items:
        if book.price(guest_item.variant) is None:
            left.append(guest_item)
            continue
        item = lines.get(guest_item.variant_id)
        if item is None:
            item = CartItem(cart_id=cart.id, variant_id=guest_item.variant_id,
                            quantity=guest_item.quantity)
            db.session.add(item)
            db.session.flush()
            carts.cart_event("cart.item_added", cart, item, item.quantity)
        else:
            item.quantity = min(MAX_LINE_QUANTITY, item.quantity + guest_item.quantity)
            db.session.flush()
            carts.cart_event("cart.item_updated", cart, item, item.quantity)
    if cart.discount_id is None:
        cart.discount_id = guest.discount_id
    if left:
        for guest_item in guest.items:
            if guest_item not in left:
                db.session.delete(guest_item)
    else:
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
