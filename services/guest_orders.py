"""Guests' orders: the order token a guest reads and cancels their order with, and the
orders an account takes over when it registers or verifies the guest's email.

The token is an HMAC (SHA-256, ``SECRET_KEY``) over the order's id and a random nonce kept
on the order: 256 bits the guest holds and the database never does, so a copy of the
database alone opens no order. The server derives it again for the emails that link to
the order, and for a replayed checkout.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets

import sqlalchemy as sa
from flask import current_app

from models import Order, User, db
from services.orders import OrderNotFound

ORDER_TOKEN_HEADER = "X-Order-Token"  # noqa: S105 (a header name, not a secret)


def new_nonce() -> str:
    return secrets.token_urlsafe(32)


def order_token(order: Order) -> str:
    """The guest's token for ``order`` (which must be a guest's: it has a nonce)."""
    message = f"stockroom.order-token:{order.id}:{order.guest_nonce}".encode()
    digest = hmac.new(current_app.config["SECRET_KEY"].encode(), message, hashlib.sha256)
    return base64.urlsafe_b64encode(digest.digest()).rstrip(b"=").decode()


def order_for_token(order_id: int, token: str | None, *, lock: bool = False) -> Order:
    """The order a guest's token opens; any other token (or order) is "not found"."""
    query = sa.select(Order).where(Order.id == order_id, Order.guest_nonce.is_not(None))
    if lock:
        query = query.with_for_update().execution_options(populate_existing=True)
    order = db.session.scalar(query)
    if order is None or not token or not hmac.compare_digest(order_token(order), token):
        raise OrderNotFound("Order not found.")
    return order


def attach_to(user: User) -> int:
    """Give ``user`` the guest orders placed with their email; how many. The token still
    opens them, as the emails the guest holds link with it."""
    return db.session.execute(
        sa.update(Order).where(Order.user_id.is_(None), Order.email == user.email)
        .values(user_id=user.id).execution_options(synchronize_session=False)).rowcount
