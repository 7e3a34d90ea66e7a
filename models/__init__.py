"""The SQLAlchemy models, one module per aggregate. Importing this package registers them all."""

from models.address import Address
from models.auth import LoginFailure, PasswordResetToken, RefreshToken, RevokedToken
from models.base import db, utcnow
from models.cart import MAX_LINE_QUANTITY, Cart, CartItem
from models.category import Category
from models.discount import Discount, DiscountKind, DiscountRedemption
from models.email import EmailMessage, EmailStatus
from models.idempotency import IdempotencyKey
from models.order import Order, OrderEvent, OrderItem, OrderStatus, PaymentStatus
from models.outbox import OutboxEvent
from models.product import Product, ProductImage, ProductStatus, Variant
from models.user import Role, User

__all__ = [
    "MAX_LINE_QUANTITY",
    "Address",
    "Cart",
    "CartItem",
    "Category",
    "Discount",
    "DiscountKind",
    "DiscountRedemption",
    "EmailMessage",
    "EmailStatus",
    "IdempotencyKey",
    "LoginFailure",
    "Order",
    "OrderEvent",
    "OrderItem",
    "OrderStatus",
    "OutboxEvent",
    "PasswordResetToken",
    "PaymentStatus",
    "Product",
    "ProductImage",
    "ProductStatus",
    "RefreshToken",
    "RevokedToken",
    "Role",
    "User",
    "Variant",
    "db",
    "utcnow",
]
