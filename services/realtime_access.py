"""Who may join which real-time room: the checks the REST API applies, for a Socket.io
connection (an access token, a guest cart token, or nothing) and each ``subscribe``.

- ``{product_id}``: anyone, for a product on sale (an admin, or its seller, also for one
  that is not); a product nobody may see is ``not_found``, as ``GET /products/{id}`` is.
- ``{cart: true}``: the signed-in customer's cart, or the guest's whose cart token the
  connection carries.
- ``{orders: true}``: the signed-in customer's own orders.
- ``{admin: true}``: admins only; ``{seller: true}``: sellers (their own products).

The token is checked again at each ``subscribe`` (revoked, expired, user deactivated), as
every REST request checks it.
"""

from __future__ import annotations

from dataclasses import dataclass

import jwt
from flask_jwt_extended import decode_token
from flask_jwt_extended.exceptions import JWTExtendedException

from core.auth import cached_revoked, user_of
from models import Product, ProductStatus, Role, User, db
from services import realtime_events

ROOM_KEYS = ("product_id", "cart", "orders", "admin", "seller")
MAX_ID = 2**31 - 1


class RealtimeRefused(Exception):
    """A connection or a subscription refused: ``code`` and ``message`` go to the client
    as the contract's ``error`` event."""

    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code, self.message = code, message

    def payload(self) -> dict:
        return {"code": self.code, "message": self.message}


@dataclass(frozen=True)
class Identity:
    user_id: int | None = None
    role: str | None = None
    cart_token: str | None = None


def user_for_token(token: str) -> User | None:
    """The active user of a valid, unrevoked access token; else None."""
    try:
        claims = decode_token(token)
    except (JWTExtendedException, jwt.PyJWTError):
        return None
    if claims.get("type") != "access" or cached_revoked(claims):
        return None
    return user_of(claims)


def identify(auth) -> Identity:
    """The identity a connection's ``auth`` gives: ``{token}``, ``{cart_token}``, both
    (a guest who signed in keeps listening to nothing of the guest's), or nothing."""
    if auth is None:
        return Identity()
    if not isinstance(auth, dict):
        raise RealtimeRefused("bad_auth", "auth must be an object: {token} or {cart_token}.")
    token, cart_token = auth.get("token"), auth.get("cart_token")
    for name, value in (("token", token), ("cart_token", cart_token)):
        if value is not None and not (isinstance(value, str) and 0 < len(value) <= 4096):
            raise RealtimeRefused("bad_auth", f"{name} must be a non-empty string.")
    if cart_token is not None and len(cart_token) > 64:
        raise RealtimeRefused("bad_auth", "cart_token is at most 64 characters.")
    if token is None:
        return Identity(cart_token=cart_token)
    user = user_for_token(token)
    if user is None:
        raise RealtimeRefused("unauthorized", "Invalid, expired or revoked token.")
    return Identity(user.id, user.role, cart_token)


def parse_subscription(data) -> tuple[str, int | None]:
    """(the room key asked for, ``since``) from a ``subscribe`` payload; ``bad_request``
    for anything else."""
    if not isinstance(data, dict):
        raise RealtimeRefused("bad_request", "subscribe takes an object, e.g. {product_id: 1}.")
    keys = [key for key in ROOM_KEYS if key in data]
    unknown = sorted(set(data) - set(ROOM_KEYS) - {"since"})
    if len(keys) != 1 or unknown:
        raise RealtimeRefused("bad_request", "Give exactly one of product_id, cart, orders, "
                                             "admin, seller (and optionally since).")
    key, value = keys[0], data[keys[0]]
    if key == "product_id":
        if type(value) is not int or not 1 <= value <= MAX_ID:
            raise RealtimeRefused("bad_request", "product_id must be a positive integer.")
    elif value is not True:
        raise RealtimeRefused("bad_request", f"{key} must be true.")
    since = data.get("since")
    if since is not None and (type(since) is not int or since < 0):
        raise RealtimeRefused("bad_request", "since must be a non-negative integer "
                                             "(the last event id seen).")
    return key, since


def room_for(identity: Identity, key: str, value) -> str:
    """The room ``identity`` may join for ``{key: value}``; ``RealtimeRefused`` otherwise."""
    if key == "product_id":
        product = db.session.get(Product, value)
        visible = product is not None and (
            product.status == ProductStatus.ACTIVE.value or identity.role == Role.ADMIN
            or (identity.role == Role.SELLER and product.seller_id == identity.user_id))
        if not visible:
            raise RealtimeRefused("not_found", "Product not found.")
        return realtime_events.product_room(product.id)
    if key == "cart":
        if identity.user_id is None and identity.cart_token is None:
            raise RealtimeRefused("unauthorized", "Connect with a token or a cart_token.")
        if identity.user_id is not None:
            return realtime_events.cart_room(identity.user_id, None)
        return realtime_events.cart_room(None, identity.cart_token)
    if identity.user_id is None:
        raise RealtimeRefused("unauthorized", f"The {key} room needs a signed-in user.")
    if key == "orders":
        return realtime_events.orders_room(identity.user_id)
    if key == "admin":
        if identity.role != Role.ADMIN:
            raise RealtimeRefused("forbidden", "The admin room is for admins.")
        return realtime_events.ADMIN_ROOM
    if identity.role != Role.SELLER:
        raise RealtimeRefused("forbidden", "The seller room is for sellers.")
    return realtime_events.seller_room(identity.user_id)
