"""Idempotency keys: one row per (user or guest cart, key), holding the answer once there is
one."""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from models.base import UTCDateTime, db, utcnow


class IdempotencyKey(db.Model):
    __tablename__ = "idempotency_keys"

    id: Mapped[int] = mapped_column(primary_key=True)
    # Whose key it is: a user's, or a guest cart's (the SHA-256 of its token), never both.
    user_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("users.id", ondelete="CASCADE"))
    guest_cart: Mapped[str | None] = mapped_column(sa.String(64))
    key: Mapped[str] = mapped_column(sa.String(255), nullable=False)
    # The operation the key was used for: method, route and path parameters. The same key
    # sent to another operation is refused, never replayed.
    scope: Mapped[str] = mapped_column(sa.String(300), nullable=False, server_default="")
    # What the request was: the same key with another request is refused.
    request_hash: Mapped[str] = mapped_column(sa.String(64), nullable=False)
    # When the request holding the key started; a hold older than the lease is abandoned.
    locked_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # What the request's first, committed phase created (an order, a refund). A request
    # that failed after it keeps its key, and a retry with the key resumes from there.
    resource_id: Mapped[int | None] = mapped_column(sa.Integer)
    response_status: Mapped[int | None] = mapped_column(sa.Integer)
    response_body: Mapped[dict | None] = mapped_column(sa.JSON)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, nullable=False,
                                                 index=True)

    __table_args__ = (
        sa.UniqueConstraint("user_id", "key", name="uq_idempotency_keys_user_id_key"),
        sa.UniqueConstraint("guest_cart", "key", name="uq_idempotency_keys_guest_cart_key"),
        sa.CheckConstraint("(user_id IS NULL) <> (guest_cart IS NULL)", name="one_owner"),
    )
