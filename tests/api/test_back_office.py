"""The back office: admin orders, users, the audit log, analytics, sellers' views, reviews
and the wishlist; with the role matrix for every endpoint."""

from __future__ import annotations

from datetime import timedelta

import pytest
import sqlalchemy as sa

from models import AuditLog, Order, Refund, db, utcnow
from services import analytics
from tests.factories import ProductFactory, UserFactory, VariantFactory, make_order


@pytest.fixture
def people(auth_headers):
    users = {role: UserFactory(role=role) for role in ("customer", "seller", "admin")}
    users["other_seller"] = UserFactory(role="seller")
    return users, {name: auth_headers(user) for name, user in users.items()}


ADMIN_ENDPOINTS = [
    ("get", "/api/v1/admin/orders"), ("get", "/api/v1/admin/orders/1"),
    ("patch", "/api/v1/admin/orders/1"), ("post", "/api/v1/admin/orders/1/refund"),
    ("get", "/api/v1/admin/users"), ("patch", "/api/v1/admin/users/1"),
    ("get", "/api/v1/admin/audit-log"), ("get", "/api/v1/admin/analytics/summary"),
    ("get", "/api/v1/admin/inventory/low-stock"), ("get", "/api/v1/admin/webhook-deliveries"),
    ("post", "/api/v1/admin/webhook-deliveries/1/redeliver"),
    ("get", "/api/v1/admin/webhook-endpoints"), ("get", "/api/v1/admin/discounts"),
]


@pytest.mark.parametrize("method, url", ADMIN_ENDPOINTS)
def test_admin_endpoints_refuse_customers_and_sellers_and_anonymous(client, people, method,
                                                                    url):
    _, headers = people
    for role in ("customer", "seller"):
        answer = getattr(client, method)(url, json={}, headers=headers[role])
        assert answer.status_code == 403, (role, answer.json)
    assert getattr(client, method)(url, json={}).status_code == 401


@pytest.mark.parametrize("url", ["/api/v1/seller/orders", "/api/v1/seller/inventory",
                                 "/api/v1/seller/inventory/low-stock"])
def test_seller_endpoints_are_for_sellers(client, people, url):
    _, headers = people
    assert client.get(url, headers=headers["customer"]).status_code == 403
    assert client.get(url, headers=headers["admin"]).status_code == 403
    assert client.get(url).status_code == 401
    assert client.get(url, headers=headers["seller"]).status_code == 200


# Admin orders ---------------------------------------------------------------

def test_admin_lists_orders_with_filters(client, people):
    users, headers = people
    variant = VariantFactory(price=1000)
    ada = UserFactory(email="ada@example.com")
    paid = make_order(ada, [(variant, 1)], number="SR-20261122-AAAAAA")
    pending = make_order(users["customer"], [(variant, 2)], status="pending_payment",
                         number="SR-20261122-BBBBBB")
    old = make_order(users["customer"], [(variant, 1)], number="SR-20261101-CCCCCC")
    old.created_at = utcnow() - timedelta(days=30)
    db.session.flush()
    url = "/api/v1/admin/orders"

    def ids(query=""):
        answer = client.get(f"{url}{query}", headers=headers["admin"])
        assert answer.status_code == 200, answer.json
        return [o["id"] for o in answer.json]

    assert ids() == [pending.id, paid.id, old.id]
    assert ids("?status=pending_payment") == [pending.id]
    assert ids("?q=sr-20261122-aaaaaa") == [paid.id]
    assert ids("?q=ADA@example") == [paid.id]
    today = analytics.store_today(utcnow()).isoformat()
    assert ids(f"?created_from={today}&created_to={today}") == [pending.id, paid.id]
    month_ago = (utcnow() - timedelta(days=30)).date().isoformat()
    assert ids(f"?created_to={month_ago}") == [old.id]
    def instant(days_ago):
        return (utcnow() - timedelta(days=days_ago)).isoformat().replace("+00:00", "Z")

    assert ids(f"?created_from={instant(31)}&created_to={instant(29)}") == [old.id]
    assert client.get(f"{url}?created_from=yesterday", headers=headers["admin"]).status_code == (
        422)
    listed = client.get(url, headers=headers["admin"]).json[0]
    assert listed["email"] == users["customer"].email and "payment_intent_id" in listed


def test_admin_order_detail_and_shipping(client, people, run_consumers, mail):
    users, headers = people
    order = make_order(users["customer"], [(VariantFactory(price=1500), 2)])
    db.session.add(Refund(order_id=order.id, amount=500, currency="usd", reason="dent",
                          status="succeeded", created_at=utcnow(), updated_at=utcnow()))
    db.session.flush()
    url = f"/api/v1/admin/orders/{order.id}"
    detail = client.get(url, headers=headers["admin"]).json
    assert detail["customer"]["email"] == users["customer"].email
    assert [r["amount"] for r in detail["refunds"]] == [500]
    assert detail["timeline"][0]["status"] == "paid"
    processing = client.patch(url, headers=headers["admin"], json={"status": "processing"})
    assert processing.status_code == 200 and processing.json["status"] == "processing"
    shipped = client.patch(url, headers=headers["admin"], json={
        "status": "shipped", "tracking_number": "1Z999AA", "carrier": "UPS"})
    assert shipped.status_code == 200
    assert (shipped.json["status"], shipped.json["tracking_number"], shipped.json["carrier"]) == (
        "shipped", "1Z999AA", "UPS")
    run_consumers()
    assert [m.subject for m in mail] == [f"Your Stockroom order {order.number} is on its way"]
    assert "1Z999AA" in mail[0].text
    illegal = client.patch(url, headers=headers["admin"], json={"status": "processing"})
    assert illegal.status_code == 409 and illegal.json["error_code"] == (
        "invalid_order_transition")
    by_payment = client.patch(url, headers=headers["admin"], json={"status": "refunded"})
    assert by_payment.status_code == 409 and by_payment.json["error_code"] == (
        "status_set_by_payments")
    assert client.patch(url, headers=headers["admin"], json={"status": "lost"}).status_code == 422
    assert client.patch(url, headers=headers["admin"], json={"total": 1}).status_code == 422
    assert client.get("/api/v1/admin/orders/999999", headers=headers["admin"]).status_code == 404


def test_admin_cancels_a_paid_order_with_a_full_refund(client, people, run_consumers):
    users, headers = people
    variant = VariantFactory(on_hand=5)
    order = make_order(users["customer"], [(variant, 2)])
    from models import FakePayment

    db.session.add(FakePayment(id="fake_pi_admin", order_id=order.id, client_secret="s",
                               idempotency_key=f"stockroom-order-{order.id}-payment",
                               amount=order.total, currency="usd", status="succeeded"))
    order.payment_intent_id = "fake_pi_admin"
    db.session.flush()
    answer = client.patch(f"/api/v1/admin/orders/{order.id}", headers=headers["admin"],
                          json={"status": "cancelled"})
    assert answer.status_code == 200
    assert (answer.json["status"], answer.json["payment_status"]) == ("cancelled",
                                                                      "refund_pending")
    run_consumers()
    db.session.refresh(order)
    assert order.payment_status == "refunded" and order.amount_refunded == order.total
    db.session.refresh(variant)
    assert variant.on_hand == 7


# Users ---------------------------------------------------------------

def test_admin_searches_users_and_changes_roles(client, people):
    users, headers = people
    url = "/api/v1/admin/users"
    found = client.get(f"{url}?q={users['seller'].email[:8]}", headers=headers["admin"]).json
    assert users["seller"].id in [u["id"] for u in found]
    sellers = client.get(f"{url}?role=seller", headers=headers["admin"]).json
    assert {u["id"] for u in sellers} == {users["seller"].id, users["other_seller"].id}
    promoted = client.patch(f"{url}/{users['customer'].id}", headers=headers["admin"],
                            json={"role": "seller"})
    assert promoted.status_code == 200 and promoted.json["role"] == "seller"
    # The role is read on every request: the token in hand now has the seller's rights.
    assert client.get("/api/v1/seller/orders", headers=headers["customer"]).status_code == 200
    assert client.patch(f"{url}/{users['customer'].id}", headers=headers["admin"],
                        json={"role": "owner"}).status_code == 422
    assert client.patch(f"{url}/999999", headers=headers["admin"],
                        json={"role": "seller"}).status_code == 404


def test_a_deactivated_users_tokens_stop_working_at_once(client, people):
    users, headers = people
    assert client.get("/api/v1/me", headers=headers["customer"]).status_code == 200
    off = client.patch(f"/api/v1/admin/users/{users['customer'].id}", headers=headers["admin"],
                       json={"is_active": False})
    assert off.status_code == 200 and off.json["is_active"] is False
    assert client.get("/api/v1/me", headers=headers["customer"]).status_code == 401
    inactive = client.get("/api/v1/admin/users?is_active=false", headers=headers["admin"]).json
    assert [u["id"] for u in inactive] == [users["customer"].id]


def test_an_admin_cannot_demote_or_deactivate_themself(client, people):
    users, headers = people
    url = f"/api/v1/admin/users/{users['admin'].id}"
    for body in ({"role": "customer"}, {"is_active": False}):
        answer = client.patch(url, headers=headers["admin"], json=body)
        assert answer.status_code == 409 and answer.json["error_code"] == (
            "cannot_change_own_account")


# The audit log ---------------------------------------------------------------

def test_every_admin_and_seller_write_is_audited(client, people):
    users, headers = people
    product = ProductFactory(seller_id=users["seller"].id)
    variant = VariantFactory(product_id=product.id, on_hand=10)
    before = db.session.scalar(sa.select(sa.func.count()).select_from(AuditLog))
    other_name = users["other_seller"].full_name
    # A customer's writes are not audited.
    client.patch("/api/v1/me", headers=headers["customer"], json={"full_name": "Ada"})
    renamed = client.patch(f"/api/v1/products/{product.id}", headers=headers["seller"],
                           json={"name": "Renamed"}, environ_base={"REMOTE_ADDR": "10.0.0.7"})
    assert renamed.status_code == 200
    client.put(f"/api/v1/variants/{variant.id}/inventory", headers=headers["seller"],
               json={"on_hand": 4})
    client.patch(f"/api/v1/admin/users/{users['customer'].id}", headers=headers["admin"],
                 json={"role": "seller"})
    created = client.post("/api/v1/admin/discounts", headers=headers["admin"],
                          json={"code": "AUDIT10", "kind": "percent", "value": 10})
    client.patch("/api/v1/me", headers=headers["other_seller"], json={"full_name": "Other"})
    rows = db.session.scalars(sa.select(AuditLog).order_by(AuditLog.id).offset(before)).all()
    by_entity = {(r.entity, r.entity_id, r.action): r for r in rows}
    product_row = by_entity[("products", str(product.id), "update")]
    assert product_row.actor_id == users["seller"].id and product_row.actor_role == "seller"
    assert product_row.changes["name"][1] == "Renamed" and product_row.ip == "10.0.0.7"
    assert product_row.request_id == renamed.headers["X-Request-ID"]
    stock = by_entity[("variants", str(variant.id), "update")]
    assert stock.changes == {"on_hand": [10, 4]}
    role = by_entity[("users", str(users["customer"].id), "update")]
    assert role.changes == {"role": ["customer", "seller"]} and role.actor_role == "admin"
    discount = by_entity[("discounts", str(created.json["id"]), "create")]
    assert discount.changes["code"] == [None, "AUDIT10"]
    other = by_entity[("users", str(users["other_seller"].id), "update")]
    assert other.changes == {"full_name": [other_name, "Other"]}
    assert not any(r.actor_id == users["customer"].id for r in rows)
    listed = client.get(f"/api/v1/admin/audit-log?entity=products&entity_id={product.id}",
                        headers=headers["admin"]).json
    assert [e["id"] for e in listed] == [product_row.id]
    by_actor = client.get(f"/api/v1/admin/audit-log?actor_id={users['admin'].id}",
                          headers=headers["admin"]).json
    assert {e["entity"] for e in by_actor} == {"users", "discounts"}


def test_audit_rows_cannot_be_changed(people):
    users, _ = people
    row = AuditLog(actor_id=users["admin"].id, actor_role="admin", action="update",
                   entity="products", entity_id="1", changes={}, at=utcnow())
    db.session.add(row)
    db.session.flush()
    row.changes = {"name": ["a", "b"]}
    with pytest.raises(RuntimeError, match="append-only"):
        db.session.flush()
    db.session.rollback()


def test_secrets_never_reach_the_audit_log(client, people):
    _, headers = people
    client.post("/api/v1/admin/webhook-endpoints", headers=headers["admin"],
                json={"url": "http://127.0.0.1:9/hook", "event_types": ["product.updated"]})
    row = db.session.scalar(sa.select(AuditLog).where(AuditLog.entity == "webhook_endpoints"))
    assert row.changes["secret"] == [None, "[redacted]"]


# Analytics ---------------------------------------------------------------

def test_analytics_equal_a_hand_computed_fixture(client, people, app, monkeypatch):
    """Yesterday: two paid orders (10,000 and 4,000), a refund of 1,500 on the first.
    Today: one paid order (6,000), one cancelled unpaid order (never paid: not counted),
    one paid order cancelled with a full refund of 2,000 today."""
    monkeypatch.setitem(app.config, "STORE_TIMEZONE", "UTC")
    users, headers = people
    shirt = VariantFactory(price=2000)
    mug = VariantFactory(price=1000)
    now = utcnow()
    today = analytics.store_today(now)
    yesterday_noon = analytics.day_bounds(today - timedelta(days=1))[0] + timedelta(hours=12)
    customer = users["customer"]
    first = make_order(customer, [(shirt, 4), (mug, 2)], paid_at=yesterday_noon)  # 10,000
    make_order(customer, [(mug, 4)], paid_at=yesterday_noon)                       # 4,000
    make_order(customer, [(shirt, 3)], paid_at=now)                               # 6,000
    make_order(customer, [(mug, 9)], status="cancelled")
    unpaid = db.session.scalars(sa.select(Order).where(Order.status == "cancelled")).one()
    unpaid.paid_at, unpaid.payment_status = None, "cancelled"
    refunded = make_order(customer, [(mug, 2)], status="cancelled", paid_at=now)   # 2,000
    db.session.add_all([
        Refund(order_id=first.id, amount=1500, currency="usd", reason="dent",
               status="succeeded", created_at=yesterday_noon, updated_at=yesterday_noon),
        Refund(order_id=refunded.id, amount=2000, currency="usd", reason="cancelled",
               status="succeeded", created_at=now, updated_at=now),
        Refund(order_id=refunded.id, amount=999, currency="usd", reason="failed one",
               status="failed", created_at=now, updated_at=now)])
    db.session.commit()
    answer = client.get(f"/api/v1/admin/analytics/summary?from={today - timedelta(days=1)}"
                        f"&to={today}", headers=headers["admin"])
    assert answer.status_code == 200, answer.json
    summary = answer.json
    assert summary["orders"] == 4
    assert summary["revenue"] == 10_000 + 4_000 + 6_000 + 2_000 - 1_500 - 2_000
    assert summary["average_order_value"] == 22_000 // 4
    assert summary["units"] == 6 + 4 + 3 + 2
    assert summary["revenue_by_day"] == [
        {"date": (today - timedelta(days=1)).isoformat(), "revenue": 12_500, "orders": 2},
        {"date": today.isoformat(), "revenue": 6_000, "orders": 2}]
    assert [(p["product_id"], p["units"], p["revenue"]) for p in summary["top_products"]] == [
        (shirt.product_id, 7, 14_000), (mug.product_id, 8, 8_000)]
    # Yesterday came from the rollup, which the summary filled in.
    from models import DailySales

    assert db.session.get(DailySales, (today - timedelta(days=1), "usd")).gross == 14_000
    bad = client.get(f"/api/v1/admin/analytics/summary?from={today}&to={today - timedelta(1)}",
                     headers=headers["admin"])
    assert bad.status_code == 422 and bad.json["error_code"] == "bad_date_range"


# Sellers ---------------------------------------------------------------

def test_a_seller_sees_only_the_lines_of_their_own_products(client, people):
    users, headers = people
    mine = VariantFactory(product_id=ProductFactory(seller_id=users["seller"].id).id, price=900)
    theirs = VariantFactory(product_id=ProductFactory(seller_id=users["other_seller"].id).id)
    make_order(users["customer"], [(mine, 2), (theirs, 1)])
    make_order(users["customer"], [(theirs, 5)])
    lines = client.get("/api/v1/seller/orders", headers=headers["seller"]).json
    assert [(line["sku"], line["quantity"], line["line_total"]) for line in lines] == [
        (mine.sku, 2, 1800)]
    other = client.get("/api/v1/seller/orders", headers=headers["other_seller"]).json
    assert sorted(line["quantity"] for line in other) == [1, 5]
    assert all(line["sku"] == theirs.sku for line in other)


def test_sellers_see_their_own_stock_and_low_stock(client, people):
    users, headers = people
    product = ProductFactory(seller_id=users["seller"].id)
    low = VariantFactory(product_id=product.id, on_hand=1, low_stock_threshold=3)
    fine = VariantFactory(product_id=product.id, on_hand=50, low_stock_threshold=3)
    elsewhere = VariantFactory(on_hand=0, low_stock_threshold=3)
    stock = client.get("/api/v1/seller/inventory", headers=headers["seller"]).json
    assert {v["id"] for v in stock} == {low.id, fine.id}
    mine_low = client.get("/api/v1/seller/inventory/low-stock", headers=headers["seller"]).json
    assert [v["id"] for v in mine_low] == [low.id]
    every_low = client.get("/api/v1/admin/inventory/low-stock", headers=headers["admin"]).json
    assert [v["id"] for v in every_low][:2] == [elsewhere.id, low.id]


# Reviews and the wishlist ---------------------------------------------------------------

def test_a_rating_alone_is_a_review(client, people):
    users, headers = people
    variant = VariantFactory()
    make_order(users["customer"], [(variant, 1)], status="delivered")
    created = client.post(f"/api/v1/products/{variant.product_id}/reviews",
                          json={"rating": 5}, headers=headers["customer"])
    assert created.status_code == 201
    assert (created.json["rating"], created.json["title"], created.json["body"]) == (
        5, None, None)


def test_only_a_customer_who_received_the_product_reviews_it_once(client, people):
    users, headers = people
    variant = VariantFactory()
    product_id = variant.product_id
    url = f"/api/v1/products/{product_id}/reviews"
    body = {"rating": 4, "title": "Good", "body": "Does the job."}
    shipped = make_order(users["customer"], [(variant, 1)], status="shipped")
    assert client.post(url, json=body, headers=headers["customer"]).status_code == 403
    shipped.status = "delivered"
    db.session.flush()
    created = client.post(url, json=body, headers=headers["customer"])
    assert created.status_code == 201 and created.json["rating"] == 4
    again = client.post(url, json=body, headers=headers["customer"])
    assert again.status_code == 409 and again.json["error_code"] == "already_reviewed"
    other = UserFactory()
    make_order(other, [(variant, 1)], status="delivered")
    from flask_jwt_extended import create_access_token

    other_headers = {"Authorization": f"Bearer {create_access_token(identity=str(other.id))}"}
    assert client.post(url, json={**body, "rating": 1}, headers=other_headers).status_code == 201
    listed = client.get(url)
    assert listed.status_code == 200 and [r["rating"] for r in listed.json] == [1, 4]
    product = client.get(f"/api/v1/products/{variant.product.slug}").json
    assert product["rating"] == {"average": 2.5, "count": 2}
    assert client.post(url, json=body, headers=headers["seller"]).status_code == 403
    assert client.post(url, json=body).status_code == 401
    assert client.post(url, json={**body, "rating": 6},
                       headers=headers["customer"]).status_code == 422
    assert client.get("/api/v1/products/999999/reviews").status_code == 404


def test_the_wishlist(client, people):
    _, headers = people
    product = VariantFactory().product
    url = f"/api/v1/me/wishlist/{product.id}"
    assert client.get(url, headers=headers["customer"]).status_code == 404
    added = client.put(url, headers=headers["customer"])
    assert added.status_code == 201 and added.json["id"] == product.id
    assert client.put(url, headers=headers["customer"]).status_code == 200
    assert client.get(url, headers=headers["customer"]).status_code == 200
    listed = client.get("/api/v1/me/wishlist", headers=headers["customer"]).json
    assert [p["id"] for p in listed] == [product.id]
    assert client.get("/api/v1/me/wishlist", headers=headers["other_seller"]).status_code == 403
    assert client.delete(url, headers=headers["customer"]).status_code == 204
    assert client.delete(url, headers=headers["customer"]).status_code == 404
    assert client.put("/api/v1/me/wishlist/999999", headers=headers["customer"]).status_code == (
        404)
    assert client.get("/api/v1/me/wishlist").status_code == 401
