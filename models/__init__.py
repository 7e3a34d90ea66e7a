"""The SQLAlchemy models, one module per aggregate. Importing this package registers them all."""

from models.address import Address
from models.auth import LoginFailure, PasswordResetToken, RefreshToken, RevokedToken
from models.base import db, utcnow
from models.email import EmailMessage, EmailStatus
from models.outbox import OutboxEvent
from models.user import Role, User

__all__ = [
    "Address",
    "EmailMessage",
    "EmailStatus",
    "LoginFailure",
    "OutboxEvent",
    "PasswordResetToken",
    "RefreshToken",
    "RevokedToken",
    "Role",
    "User",
    "db",
    "utcnow",
]
