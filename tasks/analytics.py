"""The daily sales rollup."""

from __future__ import annotations

from datetime import timedelta

from celery import shared_task

from models import db, utcnow
from services import analytics


@shared_task(name="tasks.analytics.rollup_sales_task")
def rollup_sales_task() -> list[str]:
    """Recompute yesterday (late refunds and payments settle into it) and today so far, in
    each currency sold or refunded in."""
    now = utcnow()
    today = analytics.store_today(now)
    days = [today - timedelta(days=1), today]
    for day in days:
        for currency in analytics.day_currencies(day):
            analytics.rollup_day(day, currency, now)
    db.session.commit()
    return [day.isoformat() for day in days]
