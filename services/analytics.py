"""Sales figures by store day (``STORE_TIMEZONE``): the daily rollup beat keeps."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import sqlalchemy as sa
from flask import current_app

from core.errors import ValidationFailed
from models import DailySales, Order, OrderItem, Refund, RefundStatus, db


def day_bounds(day: date) -> tuple[datetime, datetime]:
    """The UTC instants a store day starts and ends (its length changes with DST)."""
    zone = ZoneInfo(current_app.config["STORE_TIMEZONE"])
    start = datetime.combine(day, time(), zone)
    end = datetime.combine(day + timedelta(days=1), time(), zone)
    return start.astimezone(UTC), end.astimezone(UTC)


def day_figures(day: date, currency: str) -> dict[str, int]:
    """Orders in ``currency`` whose payment succeeded on ``day``, their totals and units,
    and the refunds of orders in it that succeeded on ``day`` (whenever their order was
    paid)."""
    start, end = day_bounds(day)
    paid = sa.and_(Order.paid_at >= start, Order.paid_at < end, Order.currency == currency)
    orders, gross = db.session.execute(
        sa.select(sa.func.count(Order.id), sa.func.coalesce(sa.func.sum(Order.amount_paid), 0))
        .where(paid)).one()
    units = db.session.scalar(
        sa.select(sa.func.coalesce(sa.func.sum(OrderItem.quantity), 0))
        .join(Order, Order.id == OrderItem.order_id).where(paid))
    refunds = db.session.scalar(
        sa.select(sa.func.coalesce(sa.func.sum(Refund.amount), 0))
        .join(Order, Order.id == Refund.order_id)
        .where(Refund.status == RefundStatus.SUCCEEDED, Refund.updated_at >= start,
               Refund.updated_at < end, Order.currency == currency))
    return {"orders": int(orders), "gross": int(gross), "units": int(units),
            "refunds": int(refunds)}


def day_currencies(day: date) -> list[str]:
    """The currencies with a payment or a refund on ``day``, and the store's."""
    start, end = day_bounds(day)
    paid = sa.select(Order.currency).where(Order.paid_at >= start, Order.paid_at < end)
    refunded = (sa.select(Order.currency).join(Refund, Refund.order_id == Order.id)
                .where(Refund.updated_at >= start, Refund.updated_at < end))
    found = set(db.session.scalars(paid.union(refunded)))
    return sorted(found | {current_app.config["STORE_CURRENCY"]})


def rollup_day(day: date, currency: str, now: datetime) -> DailySales:
    """Compute ``day`` in ``currency`` again and store it (idempotent: a rerun
    overwrites)."""
    figures = day_figures(day, currency)
    row = db.session.get(DailySales, (day, currency))
    if row is None:
        row = DailySales(day=day, currency=currency, computed_at=now, **figures)
        db.session.add(row)
    else:
        for name, value in figures.items():
            setattr(row, name, value)
        row.computed_at = now
    db.session.flush()
    return row


def store_today(now: datetime) -> date:
    return now.astimezone(ZoneInfo(current_app.config["STORE_TIMEZONE"])).date()


class BadRange(ValidationFailed):
    error_code = "bad_date_range"


MAX_RANGE_DAYS = 366
INTERVALS = ("day", "week", "month")


def period_start(day: date, interval: str) -> date:
    """The first day of the day's period: itself, its ISO week's Monday, its month's 1st."""
    if interval == "week":
        return day - timedelta(days=day.weekday())
    if interval == "month":
        return day.replace(day=1)
    return day


def by_interval(by_day: list[dict], interval: str) -> list[dict]:
    """Days' figures summed per period, each period clipped to the days given."""
    periods: list[dict] = []
    for figures in by_day:
        day = date.fromisoformat(figures["date"])
        start = max(period_start(day, interval), date.fromisoformat(by_day[0]["date"]))
        if not periods or periods[-1]["start"] != start.isoformat():
            periods.append({"start": start.isoformat(), "end": day.isoformat(),
                            "revenue": 0, "orders": 0})
        period = periods[-1]
        period["end"] = day.isoformat()
        period["revenue"] += figures["revenue"]
        period["orders"] += figures["orders"]
    return periods


def summary(first: date, last: date, now: datetime, top: int = 10,
            interval: str = "day", currency: str | None = None) -> dict:
    """The contract's summary for store days ``first`` to ``last`` (inclusive), of the
    orders in ``currency`` (``STORE_CURRENCY`` by default): figures never mix currencies.

    Past days come from the daily rollup (a day missing from it is computed and stored);
    today, and any later day, is computed live. ``orders``: orders whose payment succeeded
    in the range; ``revenue``: their totals minus the refunds that succeeded in the range
    (a refund counts on the day it is made, as in the books); ``average_order_value``:
    their totals over ``orders``, in cents, rounded half up; ``units``: units in them.
    """
    if last < first:
        raise BadRange("`to` is before `from`.", errors={"to": ["Must not be before from."]})
    if (last - first).days >= MAX_RANGE_DAYS:
        raise BadRange(f"At most {MAX_RANGE_DAYS} days at once.",
                       errors={"to": [f"At most {MAX_RANGE_DAYS} days after from."]})
    currency = currency or current_app.config["STORE_CURRENCY"]
    today = store_today(now)
    stored = {row.day: row for row in db.session.scalars(
        sa.select(DailySales).where(DailySales.day >= first, DailySales.day <= last,
                                    DailySales.currency == currency))}
    by_day, totals = [], {"orders": 0, "gross": 0, "refunds": 0, "units": 0}
    day = first
    while day <= last:
        if day < today:
            row = stored.get(day) or rollup_day(day, currency, now)
            figures = {"orders": row.orders, "gross": row.gross, "refunds": row.refunds,
                       "units": row.units}
        else:
            figures = day_figures(day, currency)
        for name in totals:
            totals[name] += figures[name]
        by_day.append({"date": day.isoformat(), "revenue": figures["gross"] - figures["refunds"],
                       "orders": figures["orders"]})
        day += timedelta(days=1)
    start, _ = day_bounds(first)
    _, end = day_bounds(last)
    paid = sa.and_(Order.paid_at >= start, Order.paid_at < end, Order.currency == currency)
    top_products = [
        {"product_id": product_id, "name": name, "units": int(units), "revenue": int(revenue)}
        for product_id, name, units, revenue in db.session.execute(
            sa.select(OrderItem.product_id, sa.func.max(OrderItem.product_name),
                      sa.func.sum(OrderItem.quantity), sa.func.sum(OrderItem.line_total))
            .join(Order, Order.id == OrderItem.order_id).where(paid)
            .group_by(OrderItem.product_id)
            .order_by(sa.func.sum(OrderItem.line_total).desc(), OrderItem.product_id)
            .limit(top))]
    orders = totals["orders"]
    return {
        "from": first.isoformat(), "to": last.isoformat(),
        "timezone": current_app.config["STORE_TIMEZONE"], "currency": currency,
        "revenue": totals["gross"] - totals["refunds"], "orders": orders,
        "average_order_value": (totals["gross"] * 2 + orders) // (2 * orders) if orders else 0,
        "units": totals["units"], "top_products": top_products, "revenue_by_day": by_day,
        "interval": interval, "revenue_by_interval": by_interval(by_day, interval),
    }
