"""Users and their roles."""

from __future__ import annotations

import enum
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from models.base import TimestampMixin, UTCDateTime, db


class Role(enum.StrEnum):
    CUSTOMER = "customer"
    SELLER = "seller"
    ADMIN = "admin"


class User(TimestampMixin, db.Model):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    # Stored lower-cased, so the unique constraint is the case-insensitive one the contract asks.
    email: Mapped[str] = mapped_column(sa.String(254), unique=True, nullable=False)
    password_hash: Mapped[str] = mapped_column(sa.String(255), nullable=False)
    full_name: Mapped[str] = mapped_column(sa.String(200), nullable=False)
    role: Mapped[str] = mapped_column(
        sa.String(16), nullable=False, default=Role.CUSTOMER.value, server_default="customer"
    )
    is_active: Mapped[bool] = mapped_column(
        sa.Boolean, nullable=False, default=True, server_default=sa.true()
    )
    # Every token (access or refresh) issued at or before this moment is dead: set, under
    # this row's lock, by a password reset, logout-all, reuse detection and deactivation.
    tokens_valid_after: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # When the owner proved the address is theirs (a verification link, or an OpenID
    # provider that vouched for it); None until then.
    email_verified_at: Mapped[datetime | None] = mapped_column(UTCDateTime())

    __table_args__ = (
        sa.CheckConstraint("role IN ('customer', 'seller', 'admin')", name="role"),
    )

    @property
    def email_verified(self) -> bool:
        return self.email_verified_at is not None

    def has_role(self, *roles: str) -> bool:
        return self.role in roles
