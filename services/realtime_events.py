"""What the real-time channel sends for each outbox event: its Socket.io event, the rooms
it goes to and its data (the contract's "Real time" table). Rooms are named here, and
``services.realtime_access`` decides who may join each.

| outbox event | sent as | rooms |
|---|---|---|
| ``inventory.changed`` | ``inventory.changed`` | the product's |
| ``cart.item_*`` | ``cart.updated`` (the cart as ``GET /cart`` answers it) | the cart's |
| ``order.status_changed`` (a new order) | ``order.created`` | admin, its sellers' |
| ``order.status_changed`` | ``order.status_changed`` | its customer's orders, admin, its sellers' |
| ``inventory.low_stock`` | ``inventory.low_stock`` | admin, the product's seller's |
| ``webhook.delivery_dead`` | ``webhook.delivery_dead`` | admin |
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable

import sqlalchemy as sa

from models import Cart, OrderItem, Product, db
from services.realtime_stream import Message

ADMIN_ROOM = "admin"
CART_EVENTS = frozenset({"cart.item_added", "cart.item_updated", "cart.item_removed"})
# The outbox events the real-time channel sends something for.
REALTIME_SOURCES = frozenset({"inventory.changed", "order.status_changed",
                              "inventory.low_stock", "webhook.delivery_dead", *CART_EVENTS})


def product_room(product_id: int) -> str:
    return f"product:{product_id}"


def cart_room(user_id: int | None, token: str | None) -> str:
    """A signed-in customer's cart room, or a guest cart's by a digest of its token (so that
    a storefront can join before the cart's first line stores it)."""
    if user_id is not None:
        return f"cart:user:{user_id}"
    return f"cart:guest:{hashlib.sha256((token or '').encode()).hexdigest()[:32]}"


def orders_room(user_id: int) -> str:
    return f"orders:{user_id}"


def seller_room(seller_id: int) -> str:
    return f"seller:{seller_id}"


def _sellers_of_order(order_id: int) -> list[str]:
    sellers = db.session.scalars(
        sa.select(Product.seller_id).distinct()
        .join(OrderItem, OrderItem.product_id == Product.id)
        .where(OrderItem.order_id == order_id, Product.seller_id.is_not(None))
        .order_by(Product.seller_id)).all()
    return [seller_room(seller_id) for seller_id in sellers]


def _seller_of_product(product_id: int) -> list[str]:
    seller_id = db.session.scalar(sa.select(Product.seller_id).where(Product.id == product_id))
    return [seller_room(seller_id)] if seller_id is not None else []


def messages_for(event_type: str, data: dict,
                 cart_answer: Callable[[Cart], dict]) -> list[Message]:
    """The messages an outbox event of ``event_type`` with ``data`` makes, read now (after
    its commit). ``cart_answer`` renders a cart as ``GET /cart`` answers it."""
    if event_type == "inventory.changed":
        return [Message("inventory.changed", (product_room(data["product_id"]),), {
            "product_id": data["product_id"], "variant_id": data["variant_id"],
            "available": data["available"]})]
    if event_type in CART_EVENTS:
        cart = db.session.get(Cart, data["cart_id"])
        if cart is None:
            return []
        return [Message("cart.updated", (cart_room(cart.user_id, cart.token),),
                        {"cart": cart_answer(cart)})]
    if event_type == "order.status_changed":
        sellers = _sellers_of_order(data["order_id"])
        if data.get("old_status") is None:
            return [Message("order.created", (ADMIN_ROOM, *sellers), {
                "order_id": data["order_id"], "number": data["number"],
                "status": data["new_status"], "total": data.get("total"),
                "currency": data.get("currency")})]
        owner = (orders_room(data["user_id"]),) if data.get("user_id") is not None else ()
        return [Message("order.status_changed", (*owner, ADMIN_ROOM, *sellers), {
            "order_id": data["order_id"], "number": data["number"],
            "old_status": data["old_status"], "new_status": data["new_status"]})]
    if event_type == "inventory.low_stock":
        return [Message("inventory.low_stock",
                        (ADMIN_ROOM, *_seller_of_product(data["product_id"])), {
                            "product_id": data["product_id"], "variant_id": data["variant_id"],
                            "sku": data["sku"], "available": data["available"],
                            "low_stock_threshold": data["low_stock_threshold"]})]
    if event_type == "webhook.delivery_dead":
        return [Message("webhook.delivery_dead", (ADMIN_ROOM,), dict(data))]
    return []
