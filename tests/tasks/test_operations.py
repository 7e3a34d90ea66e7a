"""Low-stock alerts (one per crossing) and the daily digest, the shipped and delivered
emails, the daily sales rollup, and beat's heartbeat as /readyz reports it."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
import sqlalchemy as sa

from models import DailySales, EmailMessage, OutboxEvent, Refund, db, utcnow
from services import analytics, inventory, orders, shipments
from tasks.analytics import rollup_sales_task
from tasks.health import heartbeat_task
from tasks.inventory import low_stock_digest_task
from tests.factories import UserFactory, VariantFactory, make_order


@pytest.fixture
def alert_receivers(app, monkeypatch):
    monkeypatch.setitem(app.config, "ADMIN_ALERT_EMAILS", ["ops@example.com", "buyer@example.com"])


def low_stock_events() -> list[dict]:
    return [e.data for e in db.session.scalars(
        sa.select(OutboxEvent).where(OutboxEvent.type == "inventory.low_stock")
        .order_by(OutboxEvent.id))]


def test_one_alert_per_crossing_not_per_order(alert_receivers, run_consumers, mail):
    variant = VariantFactory(on_hand=10, low_stock_threshold=3)
    inventory.reserve_stock({variant.id: 5})   # 5 left: above
    inventory.reserve_stock({variant.id: 2})   # 3 left: crosses
    inventory.reserve_stock({variant.id: 1})   # 2 left: still under, no new alert
    inventory.commit_stock({variant.id: 8})    # sold: available unchanged
    assert [e["available"] for e in low_stock_events()] == [3]
    inventory.set_stock(variant, 20)           # restocked: above again
    inventory.set_stock(variant, 2)            # crosses a second time
    assert [e["available"] for e in low_stock_events()] == [3, 2]
    db.session.commit()
    run_consumers()
    assert [m.subject for m in mail] == [f"Low stock: {variant.sku} has 3 left",
                                         f"Low stock: {variant.sku} has 2 left"]
    assert mail[0].to == "ops@example.com, buyer@example.com"


def test_without_receivers_no_alert_is_sent(run_consumers, mail):
    variant = VariantFactory(on_hand=4, low_stock_threshold=3)
    inventory.reserve_stock({variant.id: 2})
    db.session.commit()
    run_consumers()
    assert len(low_stock_events()) == 1 and mail == []


def test_the_daily_digest_lists_every_low_variant_once_a_day(alert_receivers, mail):
    low = VariantFactory(on_hand=1, low_stock_threshold=5)
    VariantFactory(on_hand=50, low_stock_threshold=5)
    db.session.commit()
    assert low_stock_digest_task() == "sent"
    assert low_stock_digest_task() == "nothing to send"
    assert len(mail) == 1 and low.sku in mail[0].text
    assert mail[0].subject.endswith(": 1 variants")


def test_shipping_and_delivery_email_the_customer(run_consumers, mail):
    order = make_order(UserFactory(), [(VariantFactory(price=2500), 2)])
    now = utcnow()
    orders.transition(order, "processing", now)
    order.tracking_number, order.carrier = "1Z999", "UPS"
    # Shipping emails come with each shipment (PATCH status=shipped ships the rest).
    shipments.ship_the_rest(order, now)
    orders.transition(order, "delivered", now)
    db.session.commit()
    run_consumers()
    subjects = [m.subject for m in mail]
    assert subjects == [f"Your Stockroom order {order.number} is on its way",
                        f"Your Stockroom order {order.number} was delivered"]
    assert "1Z999" in mail[0].text and "UPS" in mail[0].html
    kinds = [e.data["kind"] for e in db.session.scalars(
        sa.select(OutboxEvent).where(OutboxEvent.type == "user.notification"))]
    assert kinds == ["order_shipped", "order_delivered"]


def test_the_rollup_counts_paid_orders_units_and_refunds_by_store_day(app, monkeypatch):
    monkeypatch.setitem(app.config, "STORE_TIMEZONE", "America/New_York")
    user = UserFactory()
    now = utcnow()
    today = analytics.store_today(now)
    start, _ = analytics.day_bounds(today)
    first = make_order(user, [(VariantFactory(price=2500), 2)],
                       paid_at=start + timedelta(minutes=1))
    make_order(user, [(VariantFactory(price=3000), 1)], paid_at=start + timedelta(minutes=2))
    make_order(user, [(VariantFactory(price=1111), 9)], paid_at=start - timedelta(minutes=1))
    db.session.add(Refund(order_id=first.id, amount=1500, currency="usd", reason="r",
                          status="succeeded", created_at=now, updated_at=now))
    db.session.commit()
    assert rollup_sales_task() == [(today - timedelta(days=1)).isoformat(), today.isoformat()]
    row = db.session.get(DailySales, (today, "usd"))
    assert (row.orders, row.gross, row.units, row.refunds) == (2, 8000, 3, 1500)
    yesterday = db.session.get(DailySales, (today - timedelta(days=1), "usd"))
    assert (yesterday.orders, yesterday.gross) == (1, 9999)
    rollup_sales_task()
    assert db.session.scalar(sa.select(sa.func.count()).select_from(DailySales)) == 2


def test_a_store_day_follows_daylight_saving(app, monkeypatch):
    monkeypatch.setitem(app.config, "STORE_TIMEZONE", "Europe/Paris")
    start, end = analytics.day_bounds(date(2026, 3, 29))
    assert end - start == timedelta(hours=23)


def test_readyz_reports_beats_heartbeat(client):
    assert client.get("/readyz").json["beat"] == "never seen"
    heartbeat_task()
    assert client.get("/readyz").json["beat"] == "ok"
    from models import Heartbeat

    db.session.get(Heartbeat, "beat").beat_at = utcnow() - timedelta(minutes=5)
    db.session.commit()
    answer = client.get("/readyz")
    assert answer.status_code == 200 and answer.json["beat"].startswith("stale (last ")


def test_low_stock_emails_are_claimed_once(alert_receivers, app, mail, run_consumers):
    variant = VariantFactory(on_hand=4, low_stock_threshold=3)
    inventory.reserve_stock({variant.id: 2})
    db.session.commit()
    event_id = db.session.scalar(sa.select(OutboxEvent.id).where(
        OutboxEvent.type == "inventory.low_stock"))
    task = app.extensions["celery"].tasks["tasks.emails.send_low_stock_alert_task"]
    task(event_id)
    task(event_id)
    assert len(mail) == 1
    assert db.session.scalar(sa.select(sa.func.count()).select_from(EmailMessage)) == 1
