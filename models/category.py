"""The category tree."""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from models.base import TimestampMixin, db


class Category(TimestampMixin, db.Model):
    __tablename__ = "categories"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(sa.String(120), nullable=False)
    slug: Mapped[str] = mapped_column(sa.String(140), unique=True, nullable=False)
    parent_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("categories.id", ondelete="RESTRICT"), index=True
    )
