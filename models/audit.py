"""The audit log: every admin and seller write, append-only."""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.orm import Mapped, mapped_column

from models.base import UTCDateTime, db, utcnow


class AuditLog(db.Model):
    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(sa.BigInteger().with_variant(sa.Integer, "sqlite"),
                                    primary_key=True)
    actor_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("users.id", ondelete="SET NULL"), index=True)
    actor_role: Mapped[str] = mapped_column(sa.String(16), nullable=False)
    # create, update or delete.
    action: Mapped[str] = mapped_column(sa.String(16), nullable=False)
    # The record: its table and primary key.
    entity: Mapped[str] = mapped_column(sa.String(64), nullable=False)
    entity_id: Mapped[str] = mapped_column(sa.String(64), nullable=False)
    # {field: [before, after]}; secrets are never written here.
    changes: Mapped[dict] = mapped_column(sa.JSON, nullable=False)
    ip: Mapped[str | None] = mapped_column(sa.String(64))
    request_id: Mapped[str | None] = mapped_column(sa.String(64))
    at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, nullable=False,
                                         index=True)

    __table_args__ = (sa.Index("ix_audit_log_entity", "entity", "entity_id"),)


@event.listens_for(AuditLog, "before_update")
@event.listens_for(AuditLog, "before_delete")
def _append_only(mapper, connection, target):
    raise RuntimeError("the audit log is append-only")
