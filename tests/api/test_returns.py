"""Returns: requested within the window for what was shipped and not already returned,
approved or rejected, received with restock or not, refunded through the ledger for the
received lines (their share of discount and tax), an email and an event at each step; a
crash in the return's refund redone once by the sweeps."""

from __future__ import annotations

from datetime import timedelta

import pytest
import sqlalchemy as sa

from core import faults
from models import (
    Discount,
    FakeRefund,
    Order,
    OrderReturn,
    OutboxEvent,
    Refund,
    Variant,
    db,
    utcnow,
)
from services import returns
from tests.factories import UserFactory, VariantFactory, fill_cart
from tests.harness import crash_at, run_sweeps

ADDRESS = {"full_name": "Ada", "line1": "1 Main St", "city": "Berlin", "postal_code": "10115",
           "country": "DE"}


@pytest.fixture
def admin(auth_headers):
    return auth_headers(UserFactory(role="admin"))


def delivered(client, auth_headers, admin, run_consumers, lines, discount=None, guest=False):
    """An order of ``lines`` {variant: quantity}, paid (fake), shipped and delivered: its
    placed answer and the headers that open it."""
    user = None
    if guest:
        token = client.get("/api/v1/cart").headers["X-Cart-Token"]
        headers = {"X-Cart-Token": token}
        for variant, quantity in lines.items():
            client.post("/api/v1/cart/items", json={"variant_id": variant.id,
                                                    "quantity": quantity}, headers=headers)
        body = {"shipping_address": ADDRESS, "email": "guest@example.com"}
    else:
        user = UserFactory()
        fill_cart(user, lines, discount=discount)
        db.session.commit()
        headers = auth_headers(user)
        body = {"shipping_address": ADDRESS}
    placed = client.post("/api/v1/checkout", json=body,
                         headers={**headers, "Idempotency-Key": "buy"})
    assert placed.status_code == 201, placed.json
    placed = placed.json
    if guest:
        headers = {"X-Order-Token": placed["order_token"]}
    intent = placed["payment"]["payment_intent_id"]
    assert client.post(f"/api/v1/payments/fake/{intent}/settle", json={"outcome": "succeeded"},
                       headers=headers).status_code == 202
    run_consumers()
    url = f"/api/v1/admin/orders/{placed['order']['id']}"
    assert client.patch(url, headers=admin, json={"status": "shipped"}).status_code == 200
    assert client.patch(url, headers=admin, json={"status": "delivered"}).status_code == 200
    run_consumers()
    return placed, headers


def ask(client, headers, placed, lines):
    return client.post(f"/api/v1/orders/{placed['order']['id']}/returns", headers=headers,
                       json={"lines": lines})


def on_hand(variant_id):
    db.session.expire_all()
    return db.session.get(Variant, variant_id).on_hand


def test_a_return_goes_from_request_to_refund(client, auth_headers, admin, run_consumers,
                                              mail):
    tee, mug = VariantFactory(price=2000, on_hand=5), VariantFactory(price=1000, on_hand=5)
    placed, headers = delivered(client, auth_headers, admin, run_consumers, {tee: 2, mug: 1})
    items = {item["sku"]: item["id"] for item in placed["order"]["items"]}
    asked = ask(client, headers, placed, [
        {"order_item_id": items[tee.sku], "quantity": 2, "reason": "too small"},
        {"order_item_id": items[mug.sku], "quantity": 1}])
    assert asked.status_code == 201, asked.json
    assert (asked.json["status"], asked.json["refund_total"]) == ("requested", 5000)
    return_id = asked.json["id"]
    assert client.get(f"/api/v1/orders/{placed['order']['id']}/returns",
                      headers=headers).json[0]["id"] == return_id

    assert client.post(f"/api/v1/admin/returns/{return_id}/approve", headers=admin,
                       json={"note": "ok"}).json["status"] == "approved"
    # Both shirts came back, one in shape and one torn; the mug came back broken.
    body = {"lines": [{"order_item_id": items[tee.sku], "quantity": 1},
                      {"order_item_id": items[tee.sku], "quantity": 1, "restock": False},
                      {"order_item_id": items[mug.sku], "quantity": 1, "restock": False}]}
    received = client.post(f"/api/v1/admin/returns/{return_id}/receive",
                           headers={**admin, "Idempotency-Key": "r1"}, json=body)
    assert received.status_code == 201, received.json
    assert (received.json["status"], received.json["refund_total"]) == ("received", 5000)
    assert [(line["received_quantity"], line["restocked_quantity"])
            for line in received.json["lines"]] == [(2, 1), (1, 0)]
    assert on_hand(tee.id) == 5 - 2 + 1 and on_hand(mug.id) == 4
    again = client.post(f"/api/v1/admin/returns/{return_id}/receive",
                        headers={**admin, "Idempotency-Key": "r1"}, json=body)
    assert again.status_code == 200 and again.headers["Idempotent-Replayed"] == "true"
    assert on_hand(tee.id) == 4
    run_consumers()
    done = db.session.get(OrderReturn, return_id)
    db.session.refresh(done)
    assert done.status == "refunded"
    refunds = db.session.scalars(sa.select(Refund).where(
        Refund.order_id == placed["order"]["id"])).all()
    assert [(r.amount, r.status) for r in refunds] == [(5000, "succeeded")]
    steps = [e.data["status"] for e in db.session.scalars(
        sa.select(OutboxEvent).where(OutboxEvent.type.like("return.%"))
        .order_by(OutboxEvent.id))]
    assert steps == ["requested", "approved", "received", "refunded"]
    subjects = [m.subject for m in mail if "Your return" in m.subject]
    assert [s.split(": ", 1)[1] for s in subjects] == ["request received", "approved",
                                                        "items received", "refunded"]


def test_a_line_refunds_its_share_of_discount_and_tax(client, auth_headers, admin,
                                                      run_consumers, app, monkeypatch):
    monkeypatch.setitem(app.config, "TAX_RATE_BPS", 1900)
    discount = Discount(code="TEN", kind="percent", value=10, currency="usd")
    db.session.add(discount)
    db.session.flush()
    tee, mug = VariantFactory(price=3333, on_hand=5), VariantFactory(price=1001, on_hand=5)
    placed, headers = delivered(client, auth_headers, admin, run_consumers, {tee: 3, mug: 1},
                                discount=discount)
    order = placed["order"]
    assert order["discount_total"] == (3 * 3333 + 1001) // 10
    items = {item["sku"]: item["id"] for item in order["items"]}
    asked = ask(client, headers, placed, [{"order_item_id": items[tee.sku], "quantity": 2}])
    goods = 2 * 3333
    after = goods - order["discount_total"] * goods // order["subtotal"]
    assert asked.json["refund_total"] == after + (2 * after * 1900 + 10_000) // 20_000
    # Every unit back in two returns refunds what returning all at once would: the goods
    # after discount and their tax, to the cent (the second is taken on the running total).
    second = ask(client, headers, placed, [{"order_item_id": items[tee.sku], "quantity": 1},
                                           {"order_item_id": items[mug.sku], "quantity": 1}])
    goods_after = order["subtotal"] - order["discount_total"]
    everything = goods_after + (2 * goods_after * 1900 + 10_000) // 20_000
    assert asked.json["refund_total"] + second.json["refund_total"] == everything
    assert everything <= order["total"] - order["shipping_total"]


def test_only_shipped_units_not_already_returned_within_the_window(
        client, auth_headers, admin, run_consumers):
    tee = VariantFactory(price=2000, on_hand=5)
    placed, headers = delivered(client, auth_headers, admin, run_consumers, {tee: 2})
    item_id = placed["order"]["items"][0]["id"]
    first = ask(client, headers, placed, [{"order_item_id": item_id, "quantity": 2}])
    assert first.status_code == 201
    again = ask(client, headers, placed, [{"order_item_id": item_id, "quantity": 1}])
    assert again.status_code == 422 and again.json["error_code"] == "return_exceeds_shipped"
    assert again.json["errors"]["lines"][0]["returnable"] == 0
    # A rejected return gives its units back to what may be returned.
    client.post(f"/api/v1/admin/returns/{first.json['id']}/reject", headers=admin)
    assert ask(client, headers, placed, [{"order_item_id": item_id,
                                          "quantity": 2}]).status_code == 201
    for lines in ([{"order_item_id": 999_999, "quantity": 1}], [],
                  [{"order_item_id": item_id, "quantity": 0}]):
        assert ask(client, headers, placed, lines).status_code == 422
    order = db.session.get(Order, placed["order"]["id"])
    late = utcnow() + timedelta(days=31)
    with pytest.raises(returns.ReturnWindowClosed):
        returns.request_return(order, [{"order_item_id": item_id, "quantity": 1}], late)


def test_an_undelivered_order_is_not_returned_and_others_cannot_ask(
        client, auth_headers, admin, run_consumers):
    tee = VariantFactory(price=2000, on_hand=5)
    user = UserFactory()
    fill_cart(user, {tee: 1})
    db.session.commit()
    placed = client.post("/api/v1/checkout", json={"shipping_address": ADDRESS},
                         headers={**auth_headers(user), "Idempotency-Key": "x"}).json
    item = placed["order"]["items"][0]["id"]
    early = ask(client, auth_headers(user), placed, [{"order_item_id": item, "quantity": 1}])
    assert early.status_code == 409 and early.json["error_code"] == "return_not_allowed"
    other = ask(client, auth_headers(UserFactory()), placed,
                [{"order_item_id": item, "quantity": 1}])
    assert other.status_code == 404
    assert ask(client, {}, placed, [{"order_item_id": item, "quantity": 1}]).status_code == 401


def test_a_guest_returns_with_the_order_token(client, auth_headers, admin, run_consumers):
    tee = VariantFactory(price=2000, on_hand=5)
    placed, headers = delivered(client, auth_headers, admin, run_consumers, {tee: 1},
                                guest=True)
    item = placed["order"]["items"][0]["id"]
    assert ask(client, headers, placed, [{"order_item_id": item,
                                          "quantity": 1}]).status_code == 201
    wrong = ask(client, {"X-Order-Token": "x" * 43}, placed,
                [{"order_item_id": item, "quantity": 1}])
    assert wrong.status_code == 404


def test_receive_needs_an_approved_return_and_a_key(client, auth_headers, admin, run_consumers):
    tee = VariantFactory(price=2000, on_hand=5)
    placed, headers = delivered(client, auth_headers, admin, run_consumers, {tee: 1})
    item = placed["order"]["items"][0]["id"]
    return_id = ask(client, headers, placed, [{"order_item_id": item, "quantity": 1}]).json["id"]
    body = {"lines": [{"order_item_id": item, "quantity": 1}]}
    early = client.post(f"/api/v1/admin/returns/{return_id}/receive",
                        headers={**admin, "Idempotency-Key": "e"}, json=body)
    assert early.status_code == 409 and early.json["error_code"] == "return_not_allowed"
    client.post(f"/api/v1/admin/returns/{return_id}/approve", headers=admin)
    assert client.post(f"/api/v1/admin/returns/{return_id}/receive", headers=admin,
                       json=body).status_code in (400, 422)
    too_many = client.post(f"/api/v1/admin/returns/{return_id}/receive",
                           headers={**admin, "Idempotency-Key": "m"},
                           json={"lines": [{"order_item_id": item, "quantity": 2}]})
    assert too_many.status_code == 422
    # Two entries that together exceed the line, too.
    split = client.post(f"/api/v1/admin/returns/{return_id}/receive",
                        headers={**admin, "Idempotency-Key": "s"},
                        json={"lines": [{"order_item_id": item, "quantity": 1},
                                        {"order_item_id": item, "quantity": 1,
                                         "restock": False}]})
    assert split.status_code == 422
    assert client.post("/api/v1/admin/returns/999999/approve",
                       headers=admin).status_code == 404
    assert client.get("/api/v1/admin/returns?status=approved",
                      headers=admin).json[0]["id"] == return_id
    assert client.get("/api/v1/admin/returns", headers=headers).status_code == 403


@pytest.mark.parametrize("step", ["refund.sending", "refund.sent"])
def test_a_crash_in_a_returns_refund_is_redone_once(client, auth_headers, admin, run_consumers,
                                                     app, enqueued, step):
    tee = VariantFactory(price=2000, on_hand=5)
    placed, headers = delivered(client, auth_headers, admin, run_consumers, {tee: 1})
    item = placed["order"]["items"][0]["id"]
    return_id = ask(client, headers, placed, [{"order_item_id": item, "quantity": 1}]).json["id"]
    client.post(f"/api/v1/admin/returns/{return_id}/approve", headers=admin)
    assert client.post(f"/api/v1/admin/returns/{return_id}/receive",
                       headers={**admin, "Idempotency-Key": "c"},
                       json={"lines": [{"order_item_id": item, "quantity": 1}]}
                       ).status_code == 201
    with crash_at(step), pytest.raises(faults.Crashed):
        run_consumers()
    db.session.rollback()
    enqueued.clear()
    run_sweeps(app, run_consumers)
    run_sweeps(app, run_consumers)
    assert db.session.scalar(sa.select(sa.func.count()).select_from(FakeRefund)) == 1
    found = db.session.get(OrderReturn, return_id)
    db.session.refresh(found)
    assert found.status == "refunded"
