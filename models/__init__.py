"""The SQLAlchemy models, one module per aggregate. Importing this package registers them all."""

from models.address import Address
from models.auth import LoginFailure, PasswordResetToken, RefreshToken, RevokedToken
from models.base import db, utcnow
from models.category import Category
from models.email import EmailMessage, EmailStatus
from models.outbox import OutboxEvent
from models.product import Product, ProductImage, ProductStatus, Variant
from models.user import Role, User

__all__ = [
    "Address",
    "Category",
    "EmailMessage",
    "EmailStatus",
    "LoginFailure",
    "OutboxEvent",
    "PasswordResetToken",
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
