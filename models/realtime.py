"""The real-time stream kept in the database: what the Socket.io server sends, in the order
it was appended, when no Redis is configured (the embedded default)."""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from models.base import UTCDateTime, db, utcnow


class RealtimeEvent(db.Model):
    """One message of the stream: an event type, the rooms it goes to and its data. Its
    id is the id clients see; appends are serialized, so ids commit in increasing order
    and a reader that follows ``id > last`` never skips one."""

    __tablename__ = "realtime_events"

    id: Mapped[int] = mapped_column(sa.BigInteger().with_variant(sa.Integer, "sqlite"),
                                    primary_key=True, autoincrement=True)
    # The outbox event it was made from, and which of its messages: appended once each.
    outbox_event_id: Mapped[int] = mapped_column(sa.BigInteger, nullable=False)
    seq: Mapped[int] = mapped_column(sa.SmallInteger, nullable=False)
    type: Mapped[str] = mapped_column(sa.String(64), nullable=False)
    rooms: Mapped[list] = mapped_column(sa.JSON, nullable=False)
    data: Mapped[dict] = mapped_column(sa.JSON, nullable=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, nullable=False,
                                                 index=True)

    __table_args__ = (
        sa.UniqueConstraint("outbox_event_id", "seq",
                            name="uq_realtime_events_outbox_event_id_seq"),
    )
