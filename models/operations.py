"""Operational records: the scheduler's heartbeat and the daily sales rollup."""

from __future__ import annotations

from datetime import date, datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from models.base import UTCDateTime, db


class Heartbeat(db.Model):
    """The last time a periodic process (beat) showed it was alive."""

    __tablename__ = "heartbeats"

    name: Mapped[str] = mapped_column(sa.String(32), primary_key=True)
    beat_at: Mapped[datetime] = mapped_column(UTCDateTime(), nullable=False)


class DailySales(db.Model):
    """One store day (in ``STORE_TIMEZONE``) in one currency: orders whose payment succeeded
    that day, their totals and units, and the refunds issued that day. Rebuilt by beat,
    idempotently. Figures of different currencies are never added up."""

    __tablename__ = "daily_sales"

    day: Mapped[date] = mapped_column(sa.Date, primary_key=True)
    currency: Mapped[str] = mapped_column(sa.String(3), primary_key=True)
    orders: Mapped[int] = mapped_column(sa.Integer, nullable=False)
    gross: Mapped[int] = mapped_column(sa.BigInteger, nullable=False)
    refunds: Mapped[int] = mapped_column(sa.BigInteger, nullable=False)
    units: Mapped[int] = mapped_column(sa.Integer, nullable=False)
    computed_at: Mapped[datetime] = mapped_column(UTCDateTime(), nullable=False)
