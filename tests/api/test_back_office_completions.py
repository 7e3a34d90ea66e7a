"""The back office's completions: every product, one user with what they spent, one
discount with what it brought in, one customer's orders, and analytics by week or month."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from models import Refund, db, utcnow
from services import analytics
from tests.factories import ProductFactory, UserFactory, VariantFactory, make_order


@pytest.fixture
def people(auth_headers):
    users = {role: UserFactory(role=role) for role in ("customer", "seller", "admin")}
    return users, {name: auth_headers(user) for name, user in users.items()}


@pytest.mark.parametrize("url", ["/api/v1/admin/products", "/api/v1/admin/users/1",
                                 "/api/v1/admin/discounts/1"])
def test_the_completions_are_for_admins(client, people, url):
    _, headers = people
    for role in ("customer", "seller"):
        assert client.get(url, headers=headers[role]).status_code == 403
    assert client.get(url).status_code == 401


def test_admin_products_lists_every_status_and_seller_with_filters(client, people):
    users, headers = people
    seller = users["seller"]
    ProductFactory(name="Blue mug", status="active")
    ProductFactory(name="Draft mug", status="draft", seller_id=seller.id)
    ProductFactory(name="Old kettle", status="archived", seller_id=seller.id)
    admin = headers["admin"]

    every = client.get("/api/v1/admin/products?page_size=50", headers=admin)
    assert every.status_code == 200
    assert {p["name"]: p["status"] for p in every.json} == {
        "Blue mug": "active", "Draft mug": "draft", "Old kettle": "archived"}
    assert '"total": 3' in every.headers["X-Pagination"]
    drafts = client.get("/api/v1/admin/products?status=draft", headers=admin).json
    assert [p["name"] for p in drafts] == ["Draft mug"]
    sellers = client.get(f"/api/v1/admin/products?seller_id={seller.id}", headers=admin).json
    assert {p["name"] for p in sellers} == {"Draft mug", "Old kettle"}
    assert all(p["seller_id"] == seller.id for p in sellers)
    mugs = client.get("/api/v1/admin/products?q=mug", headers=admin).json
    assert {p["name"] for p in mugs} == {"Blue mug", "Draft mug"}
    # The storefront still sees the active one alone.
    assert [p["name"] for p in client.get("/api/v1/products").json] == ["Blue mug"]
    assert client.get("/api/v1/admin/products?status=gone", headers=admin).status_code == 422


def test_one_user_with_order_count_spending_and_last_orders(client, people):
    users, headers = people
    customer = users["customer"]
    mug = VariantFactory(price=1000)
    paid = make_order(customer, [(mug, 3)])                            # 3,000 paid
    make_order(customer, [(mug, 1)], status="pending_payment")         # not paid: not spent
    refunded = make_order(customer, [(mug, 2)])                        # 2,000, 500 refunded
    refunded.amount_refunded = 500
    newest = [make_order(customer, [(mug, 1)]) for _ in range(4)]      # 4 x 1,000
    make_order(users["seller"], [(mug, 7)])                            # someone else's
    db.session.commit()

    answer = client.get(f"/api/v1/admin/users/{customer.id}", headers=headers["admin"])
    assert answer.status_code == 200, answer.json
    body = answer.json
    assert (body["id"], body["email"], body["role"]) == (customer.id, customer.email,
                                                          "customer")
    assert body["order_count"] == 7
    assert body["total_spent"] == [{"currency": "usd",
                                    "amount": 3_000 + 2_000 - 500 + 4 * 1_000}]
    assert [o["id"] for o in body["last_orders"]] == sorted(
        [o.id for o in newest] + [refunded.id], reverse=True)[:5]
    assert paid.id not in [o["id"] for o in body["last_orders"]]
    assert client.get("/api/v1/admin/users/999999",
                      headers=headers["admin"]).status_code == 404


def test_one_discount_with_its_uses_and_revenue(client, people):
    users, headers = people
    made = client.post("/api/v1/admin/discounts", headers=headers["admin"], json={
        "code": "SPRING", "kind": "percent", "value": 10}).json
    mug = VariantFactory(price=1000)
    for quantity, paid in ((5, True), (2, True), (9, False)):
        order = make_order(users["customer"], [(mug, quantity)],
                           status="paid" if paid else "pending_payment")
        order.discount_id, order.discount_code = made["id"], "SPRING"
        order.discount_total = quantity * 100
        order.total = order.amount_paid = quantity * 900
    make_order(users["customer"], [(mug, 4)])  # no code
    db.session.commit()

    answer = client.get(f"/api/v1/admin/discounts/{made['id']}", headers=headers["admin"])
    assert answer.status_code == 200, answer.json
    body = answer.json
    assert (body["code"], body["kind"], body["uses"]) == ("SPRING", "percent", 0)
    assert body["paid_orders"] == 2
    assert body["revenue"] == [{"currency": "usd", "amount": 7 * 900}]
    assert body["discounted"] == [{"currency": "usd", "amount": 7 * 100}]
    assert client.get("/api/v1/admin/discounts/999999",
                      headers=headers["admin"]).status_code == 404


def test_admin_orders_of_one_customer(client, people):
    users, headers = people
    mug = VariantFactory()
    mine = [make_order(users["customer"], [(mug, 1)]) for _ in range(2)]
    make_order(users["seller"], [(mug, 1)])
    db.session.commit()
    answer = client.get(f"/api/v1/admin/orders?user_id={users['customer'].id}",
                        headers=headers["admin"])
    assert answer.status_code == 200
    assert sorted(o["id"] for o in answer.json) == sorted(o.id for o in mine)


def test_by_interval_sums_days_into_clipped_weeks_and_months():
    days = [{"date": (date(2026, 11, 27) + timedelta(days=n)).isoformat(), "revenue": 100,
             "orders": 1} for n in range(10)]  # Friday 27 Nov .. Sunday 6 Dec
    assert analytics.by_interval(days, "week") == [
        {"start": "2026-11-27", "end": "2026-11-29", "revenue": 300, "orders": 3},
        {"start": "2026-11-30", "end": "2026-12-06", "revenue": 700, "orders": 7}]
    assert analytics.by_interval(days, "month") == [
        {"start": "2026-11-27", "end": "2026-11-30", "revenue": 400, "orders": 4},
        {"start": "2026-12-01", "end": "2026-12-06", "revenue": 600, "orders": 6}]
    assert analytics.by_interval(days, "day")[3] == {
        "start": "2026-11-30", "end": "2026-11-30", "revenue": 100, "orders": 1}


def test_the_summary_by_week_and_by_month(client, people, app, monkeypatch):
    monkeypatch.setitem(app.config, "STORE_TIMEZONE", "UTC")
    users, headers = people
    mug = VariantFactory(price=1000)
    today = analytics.store_today(utcnow())
    ten_days_ago = analytics.day_bounds(today - timedelta(days=10))[0] + timedelta(hours=12)
    make_order(users["customer"], [(mug, 2)], paid_at=ten_days_ago)
    order = make_order(users["customer"], [(mug, 3)])
    db.session.add(Refund(order_id=order.id, amount=500, currency="usd", reason="dent",
                          status="succeeded", created_at=utcnow(), updated_at=utcnow()))
    db.session.commit()
    first = today - timedelta(days=20)
    for interval in ("week", "month", "day"):
        body = client.get(f"/api/v1/admin/analytics/summary?from={first}&to={today}"
                          f"&interval={interval}", headers=headers["admin"]).json
        periods = body["revenue_by_interval"]
        assert body["interval"] == interval
        assert periods[0]["start"] == first.isoformat() and periods[-1]["end"] == today.isoformat()
        assert sum(p["revenue"] for p in periods) == body["revenue"] == 2_000 + 3_000 - 500
        assert sum(p["orders"] for p in periods) == body["orders"] == 2
        if interval == "day":
            assert len(periods) == 21
    default = client.get("/api/v1/admin/analytics/summary", headers=headers["admin"]).json
    assert default["interval"] == "day"
    bad = client.get("/api/v1/admin/analytics/summary?interval=year", headers=headers["admin"])
    assert bad.status_code == 422
