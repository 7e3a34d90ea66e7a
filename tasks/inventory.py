"""Stock alerts: the daily low-stock digest (each crossing's own alert is an email task)."""

from __future__ import annotations

from celery import shared_task

from models import db, utcnow
from services import analytics, emails, inventory
from tasks.emails import RETRY, send_prepared


@shared_task(name="tasks.inventory.low_stock_digest_task", **RETRY)
def low_stock_digest_task() -> str:
    """Email ADMIN_ALERT_EMAILS every variant at or under its threshold, once a day."""
    variants = [{"sku": v.sku, "available": v.available,
                 "low_stock_threshold": v.low_stock_threshold}
                for v in db.session.scalars(inventory.low_stock_variants())]
    day = analytics.store_today(utcnow()).isoformat()
    return send_prepared(emails.prepare_low_stock_digest(day, variants))
