"""Order edits: lines added, changed and removed before shipping, stock through the
inventory module, totals by checkout's own pricing; a paid order's fall refunded through
the ledger, its rise asked as a balance payment that the inbox settles; an unpaid order's
payment asked for the new total; crash points in the edit's payments redone once by the
sweeps."""

from __future__ import annotations

from datetime import timedelta

import pytest
import sqlalchemy as sa

from models import (
    AuditLog,
    BalancePayment,
    Discount,
    FakePayment,
    FakeRefund,
    Order,
    OutboxEvent,
    Refund,
    Variant,
    db,
    utcnow,
)
from tests.factories import ProductFactory, UserFactory, VariantFactory, fill_cart
from tests.harness import crash_at, run_crashing, run_sweeps

ADDRESS = {"full_name": "Ada", "line1": "1 Main St", "city": "Berlin", "postal_code": "10115",
           "country": "DE"}


@pytest.fixture
def admin(auth_headers):
    return auth_headers(UserFactory(role="admin"))


def place(client, auth_headers, lines, discount=None, user=None):
    user = user or UserFactory()
    fill_cart(user, lines, discount=discount)
    db.session.commit()
    headers = auth_headers(user)
    placed = client.post("/api/v1/checkout", json={"shipping_address": ADDRESS},
                         headers={**headers, "Idempotency-Key": f"buy-{user.id}"})
    assert placed.status_code == 201, placed.json
    return placed.json, headers


def settle(client, headers, intent, outcome="succeeded"):
    answer = client.post(f"/api/v1/payments/fake/{intent}/settle", json={"outcome": outcome},
                         headers=headers)
    assert answer.status_code == 202, answer.json


def paid(client, auth_headers, run_consumers, lines, discount=None):
    placed, headers = place(client, auth_headers, lines, discount)
    settle(client, headers, placed["payment"]["payment_intent_id"])
    run_consumers()
    return placed["order"], headers


def edit(client, admin, order_id, key="edit", **changes):
    return client.post(f"/api/v1/admin/orders/{order_id}/edits", json=changes,
                       headers={**admin, "Idempotency-Key": key})


def levels(variant_id):
    db.session.expire_all()
    variant = db.session.get(Variant, variant_id)
    return variant.on_hand, variant.reserved


def order_row(order_id) -> Order:
    db.session.expire_all()
    return db.session.get(Order, order_id)


def test_a_rise_asks_a_balance_the_customer_pays_and_the_inbox_settles(
        client, admin, auth_headers, run_consumers, mail):
    mug = VariantFactory(price=1000, on_hand=10)
    order, headers = paid(client, auth_headers, run_consumers, {mug: 2})
    assert levels(mug.id) == (8, 0)
    item_id = order["items"][0]["id"]

    answer = edit(client, admin, order["id"], change=[{"order_item_id": item_id, "quantity": 5}])
    assert answer.status_code == 201, answer.json
    done, after = answer.json["edit"], answer.json["order"]
    assert (done["total_before"], done["total_after"]) == (order["total"], after["total"])
    assert done["difference"] == after["total"] - order["total"] > 0
    assert after["balance_due"] == done["difference"]
    assert after["balance_payment"]["amount"] == done["difference"]
    assert after["amount_paid"] == order["total"]
    assert [line["quantity"] for line in after["items"]] == [5]
    assert levels(mug.id) == (5, 0)                      # 3 more sold, off hand
    assert "edited (1 change)" in after["timeline"][-1]["note"]

    run_consumers()                                       # the task makes the balance's PI
    balance = db.session.scalar(sa.select(BalancePayment))
    assert balance.payment_intent_id is not None and balance.status == "pending"
    started = client.post(f"/api/v1/orders/{order['id']}/balance-payment", headers=headers)
    assert started.status_code == 200, started.json
    assert started.json["payment_intent_id"] == balance.payment_intent_id
    assert started.json["client_secret"]
    settle(client, headers, balance.payment_intent_id)
    run_consumers()

    row = order_row(order["id"])
    assert (row.amount_paid, row.balance_due, row.total) == (after["total"], 0, after["total"])
    assert row.payment_status == "succeeded" and row.status == "paid"
    assert db.session.get(BalancePayment, balance.id).status == "succeeded"
    assert any(e.note == f"balance of {done['difference']} paid" for e in row.timeline)
    again = client.post(f"/api/v1/orders/{order['id']}/balance-payment", headers=headers)
    assert again.status_code == 409 and again.json["error_code"] == "no_balance_due"
    assert [m for m in mail if "was changed" in m.subject]
    types = db.session.scalars(sa.select(OutboxEvent.type)).all()
    assert "order.edited" in types and "order.balance_paid" in types
    # The audit log has the admin's change of the order's total and of the line.
    audited = db.session.scalars(sa.select(AuditLog.entity).where(
        AuditLog.entity.in_(["orders", "order_items", "order_edits"]))).all()
    assert {"orders", "order_items", "order_edits"} <= set(audited)


def test_a_fall_is_refunded_through_the_ledger_and_stock_goes_back(
        client, admin, auth_headers, run_consumers):
    mug, cap = VariantFactory(price=1000, on_hand=10), VariantFactory(price=2500, on_hand=4)
    order, _ = paid(client, auth_headers, run_consumers, {mug: 2, cap: 1})
    cap_line = next(i["id"] for i in order["items"] if i["variant_id"] == cap.id)
    answer = edit(client, admin, order["id"], remove=[cap_line])
    assert answer.status_code == 201, answer.json
    fall = -answer.json["edit"]["difference"]
    assert fall > 0 and answer.json["edit"]["refund_id"] is not None
    assert levels(cap.id) == (4, 0) and levels(mug.id) == (8, 0)
    run_consumers()
    refund = db.session.get(Refund, answer.json["edit"]["refund_id"])
    assert (refund.amount, refund.status) == (fall, "succeeded")
    assert db.session.scalars(sa.select(FakeRefund.amount)).all() == [fall]
    row = order_row(order["id"])
    assert (row.amount_paid, row.amount_refunded) == (order["total"], fall)
    assert row.total == order["total"] - fall
    assert row.payment_status == "partially_refunded" and row.status == "paid"


def test_totals_are_checkouts_own_with_the_orders_discount(client, admin, auth_headers,
                                                           run_consumers, app):
    """The edited order's totals equal what a cart of the same lines, code and address
    would be charged (GET /cart/totals): one computation."""
    mug, cap = VariantFactory(price=1000, on_hand=10), VariantFactory(price=2999, on_hand=10)
    code = Discount(code="TENOFF", kind="percent", value=10)
    db.session.add(code)
    db.session.flush()
    app.config["TAX_RATE_BPS"] = 1900
    try:
        order, _ = paid(client, auth_headers, run_consumers, {mug: 1}, discount=code)
        answer = edit(client, admin, order["id"], add=[{"variant_id": cap.id, "quantity": 2}])
        assert answer.status_code == 201, answer.json
        after = answer.json["order"]
        shopper = UserFactory()
        fill_cart(shopper, {mug: 1, cap: 2}, discount=code)
        db.session.commit()
        totals = client.get("/api/v1/cart/totals", query_string={"country": "DE"},
                            headers=auth_headers(shopper)).json
    finally:
        app.config["TAX_RATE_BPS"] = 0
    for name in ("subtotal", "discount_total", "shipping_total", "tax_total", "total"):
        assert after[name] == totals[name], name
    assert after["discount_code"] == "TENOFF"
    assert [(i["sku"], i["quantity"]) for i in after["items"]] == [(mug.sku, 1), (cap.sku, 2)]


def test_an_unpaid_orders_payment_is_asked_the_new_total(client, admin, auth_headers,
                                                          run_consumers):
    mug = VariantFactory(price=1000, on_hand=10)
    placed, headers = place(client, auth_headers, {mug: 2})
    order, intent = placed["order"], placed["payment"]["payment_intent_id"]
    assert levels(mug.id) == (10, 2)
    answer = edit(client, admin, order["id"],
                  change=[{"order_item_id": order["items"][0]["id"], "quantity": 3}])
    assert answer.status_code == 201, answer.json
    new_total = answer.json["order"]["total"]
    assert levels(mug.id) == (10, 3)                      # reserved, not sold
    assert answer.json["order"]["balance_due"] == 0
    run_consumers()
    assert db.session.get(FakePayment, intent).amount == new_total
    settle(client, headers, intent)
    run_consumers()
    row = order_row(order["id"])
    assert (row.status, row.amount_paid, row.balance_due) == ("paid", new_total, 0)
    assert levels(mug.id) == (7, 0)
    assert db.session.scalar(sa.select(sa.func.count()).select_from(BalancePayment)) == 0


def test_a_payment_of_the_total_before_the_edit_is_taken_and_the_rest_asked(
        client, admin, auth_headers, run_consumers, enqueued):
    """The customer paid while the edit's new amount was on its way to the provider: the
    payment is taken, and the difference becomes a balance (or, lower, a refund)."""
    mug = VariantFactory(price=1000, on_hand=10)
    placed, headers = place(client, auth_headers, {mug: 2})
    order, intent = placed["order"], placed["payment"]["payment_intent_id"]
    run_consumers()
    answer = edit(client, admin, order["id"],
                  change=[{"order_item_id": order["items"][0]["id"], "quantity": 4}])
    assert answer.status_code == 201
    enqueued.clear()                                      # the amount's update never ran
    settle(client, headers, intent)
    run_consumers()
    row = order_row(order["id"])
    assert row.status == "paid" and row.amount_paid == order["total"]
    assert row.balance_due == row.total - order["total"] > 0
    assert db.session.scalar(sa.select(BalancePayment.amount)) == row.balance_due
    assert levels(mug.id) == (6, 0)


def test_a_replaced_balance_paid_late_is_refunded_in_full(client, admin, auth_headers,
                                                          run_consumers):
    mug = VariantFactory(price=1000, on_hand=20)
    order, headers = paid(client, auth_headers, run_consumers, {mug: 1})
    line = order["items"][0]["id"]
    first = edit(client, admin, order["id"], key="a",
                 change=[{"order_item_id": line, "quantity": 2}]).json
    run_consumers()
    old = db.session.get(BalancePayment, first["edit"]["balance_payment_id"])
    old_intent, old_amount = old.payment_intent_id, old.amount
    second = edit(client, admin, order["id"], key="b",
                  change=[{"order_item_id": line, "quantity": 3}]).json
    assert second["order"]["balance_due"] == second["order"]["total"] - order["total"]
    # The customer pays the first balance before its cancel reaches the provider.
    settle(client, headers, old_intent)
    run_consumers()
    db.session.expire_all()
    assert db.session.get(BalancePayment, old.id).status == "cancelled"
    refunds = db.session.scalars(sa.select(Refund)).all()
    assert [(r.amount, r.payment_intent_id, r.status) for r in refunds] == [
        (old_amount, old_intent, "succeeded")]
    row = order_row(order["id"])
    assert row.amount_paid == order["total"] + old_amount
    assert row.balance_due == second["order"]["balance_due"]


def test_cancelling_after_a_paid_balance_refunds_both_payments(client, admin, auth_headers,
                                                               run_consumers):
    mug = VariantFactory(price=1000, on_hand=20)
    order, headers = paid(client, auth_headers, run_consumers, {mug: 1})
    edit(client, admin, order["id"], change=[{"order_item_id": order["items"][0]["id"],
                                              "quantity": 3}])
    run_consumers()
    balance = db.session.scalar(sa.select(BalancePayment))
    settle(client, headers, balance.payment_intent_id)
    run_consumers()
    cancelled = client.post(f"/api/v1/orders/{order['id']}/cancel", headers=headers)
    assert cancelled.status_code == 200, cancelled.json
    run_consumers()
    row = order_row(order["id"])
    rows = db.session.scalars(sa.select(Refund).order_by(Refund.id)).all()
    # The newest payment first, the rest from the first payment, one row each.
    assert [(r.payment_intent_id, r.amount, r.status) for r in rows] == [
        (balance.payment_intent_id, balance.amount, "succeeded"),
        (row.payment_intent_id, order["total"], "succeeded")]
    assert rows[1].part_of_id == rows[0].id
    assert (row.amount_refunded, row.amount_paid) == (row.amount_paid, order["total"]
                                                      + balance.amount)
    assert row.status == "cancelled" and row.payment_status == "refunded"
    assert levels(mug.id) == (20, 0)


def test_refusals_change_nothing(client, admin, auth_headers, run_consumers):
    mug = VariantFactory(price=1000, on_hand=3)
    euro_only = VariantFactory(price=500, currency="eur", on_hand=5)
    order, _ = paid(client, auth_headers, run_consumers, {mug: 2})
    line = order["items"][0]["id"]
    cases = [
        ({"change": [{"order_item_id": line, "quantity": 9}]}, 409, "out_of_stock"),
        ({"change": [{"order_item_id": 999999, "quantity": 1}]}, 422, "invalid_order_edit"),
        ({"add": [{"variant_id": euro_only.id, "quantity": 1}]}, 422, "invalid_order_edit"),
        ({"add": [{"variant_id": 999999, "quantity": 1}]}, 422, "invalid_order_edit"),
        ({"remove": [line]}, 422, "invalid_order_edit"),
        ({}, 422, "invalid_order_edit"),
        ({"add": [], "change": []}, 422, "invalid_order_edit"),
        ({"change": [{"order_item_id": line, "quantity": 0}]}, 422, None),
        ({"remove": ["x"]}, 422, None),
    ]
    for number, (body, status, code) in enumerate(cases):
        answer = edit(client, admin, order["id"], key=f"k{number}", **body)
        assert (answer.status_code, answer.json.get("error_code")) == (status, code), body
    no_key = client.post(f"/api/v1/admin/orders/{order['id']}/edits", headers=admin,
                         json={"remove": [line]})
    assert no_key.status_code == 400 and no_key.json["error_code"] == "bad_idempotency_key"
    customer = client.post(f"/api/v1/admin/orders/{order['id']}/edits",
                           headers={**auth_headers(UserFactory()), "Idempotency-Key": "x"},
                           json={"remove": [line]})
    assert customer.status_code == 403
    missing = edit(client, admin, 999999, key="missing", remove=[1])
    assert missing.status_code == 404 and missing.json["error_code"] == "order_not_found"
    row = order_row(order["id"])
    assert [(i.quantity) for i in row.items] == [2] and row.total == order["total"]
    assert levels(mug.id) == (1, 0)
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Refund)) == 0


def test_shipped_hosted_and_lapsed_orders_are_not_editable(client, admin, auth_headers,
                                                          run_consumers):
    mug = VariantFactory(price=1000, on_hand=10)
    order, _ = paid(client, auth_headers, run_consumers, {mug: 3})
    line = order["items"][0]["id"]
    shipped = client.post(f"/api/v1/admin/orders/{order['id']}/shipments", headers=admin,
                          json={"lines": [{"order_item_id": line, "quantity": 1}]})
    assert shipped.status_code == 201
    refused = edit(client, admin, order["id"], change=[{"order_item_id": line, "quantity": 2}])
    assert refused.status_code == 409 and refused.json["error_code"] == "order_not_editable"

    placed, _ = place(client, auth_headers, {mug: 1})
    row = order_row(placed["order"]["id"])
    row.reservation_expires_at = utcnow() - timedelta(seconds=1)
    db.session.commit()
    lapsed = edit(client, admin, row.id, key="lapsed",
                  change=[{"order_item_id": row.items[0].id, "quantity": 2}])
    assert lapsed.status_code == 409 and lapsed.json["error_code"] == "order_not_editable"
    row.reservation_expires_at, row.payment_flow = utcnow() + timedelta(minutes=5), \
        "checkout_session"
    db.session.commit()
    hosted = edit(client, admin, row.id, key="hosted",
                  change=[{"order_item_id": row.items[0].id, "quantity": 2}])
    assert hosted.status_code == 409 and "hosted" in hosted.json["message"]


def test_the_same_key_replays_the_edit_once(client, admin, auth_headers, run_consumers):
    mug = VariantFactory(price=1000, on_hand=10)
    order, _ = paid(client, auth_headers, run_consumers, {mug: 1})
    body = {"change": [{"order_item_id": order["items"][0]["id"], "quantity": 2}]}
    first = edit(client, admin, order["id"], key="same", **body)
    second = edit(client, admin, order["id"], key="same", **body)
    assert (first.status_code, second.status_code) == (201, 200)
    assert second.headers["Idempotent-Replayed"] == "true"
    assert second.json == first.json
    assert levels(mug.id) == (8, 0)
    assert db.session.scalar(sa.select(sa.func.count()).select_from(BalancePayment)) == 1


def test_an_added_line_can_come_from_another_location(client, admin, auth_headers,
                                                      run_consumers):
    from models import Location, OrderAllocation
    from services import inventory

    mug = VariantFactory(price=1000, on_hand=1)
    order, _ = paid(client, auth_headers, run_consumers, {mug: 1})    # default's last one
    east = Location(code="east", name="East", priority=10)
    db.session.add(east)
    db.session.flush()
    inventory.set_stock(db.session.get(Variant, mug.id), 5, location_id=east.id)
    db.session.commit()
    answer = edit(client, admin, order["id"],
                  change=[{"order_item_id": order["items"][0]["id"], "quantity": 3}])
    assert answer.status_code == 201, answer.json
    held = db.session.execute(sa.select(OrderAllocation.location_id, OrderAllocation.quantity)
                              .where(OrderAllocation.order_id == order["id"])
                              .order_by(OrderAllocation.location_id)).all()
    assert sorted(held) == sorted([(inventory.default_location_id(), 1), (east.id, 2)])
    # Back down to 1: the last taken (East's) go back first.
    down = edit(client, admin, order["id"], key="down",
                change=[{"order_item_id": order["items"][0]["id"], "quantity": 1}])
    assert down.status_code == 201, down.json
    db.session.expire_all()
    assert [(s.location_id, s.on_hand) for s in sorted(db.session.get(Variant, mug.id).stock,
                                                        key=lambda s: s.location_id)] == \
        sorted([(inventory.default_location_id(), 0), (east.id, 5)])


# Crash points in the edit's payments ----------------------------------------------------

def test_crash_after_the_balance_payment_was_made_makes_one(client, admin, auth_headers,
                                                            run_consumers, app, enqueued):
    from tasks.payments import create_balance_payment_task

    mug = VariantFactory(price=1000, on_hand=10)
    order, _ = paid(client, auth_headers, run_consumers, {mug: 1})
    edit(client, admin, order["id"], change=[{"order_item_id": order["items"][0]["id"],
                                              "quantity": 2}])
    (event_id,) = [i for i, kind in enqueued if kind == "balance_payment.requested"]
    enqueued.clear()
    with crash_at("balance_payment.created"):
        assert run_crashing(create_balance_payment_task, event_id)
    assert db.session.scalar(sa.select(BalancePayment.payment_intent_id)) is None
    run_sweeps(app, run_consumers)
    run_sweeps(app, run_consumers)
    balance = db.session.scalar(sa.select(BalancePayment))
    payments = db.session.scalars(sa.select(FakePayment).where(
        FakePayment.order_id == order["id"])).all()
    assert len(payments) == 2 and balance.payment_intent_id in {p.id for p in payments}


def test_crash_while_refunding_a_fall_refunds_once(client, admin, auth_headers,
                                                   run_consumers, app, enqueued):
    from tasks.payments import submit_refund_task

    mug, cap = VariantFactory(price=1000, on_hand=10), VariantFactory(price=700, on_hand=10)
    order, _ = paid(client, auth_headers, run_consumers, {mug: 1, cap: 1})
    cap_line = next(i["id"] for i in order["items"] if i["variant_id"] == cap.id)
    answer = edit(client, admin, order["id"], remove=[cap_line])
    (event_id,) = [i for i, kind in enqueued if kind == "refund.requested"]
    enqueued.clear()
    with crash_at("refund.sent"):
        assert run_crashing(submit_refund_task, event_id)
    run_sweeps(app, run_consumers)
    run_sweeps(app, run_consumers)
    fall = -answer.json["edit"]["difference"]
    assert db.session.scalars(sa.select(FakeRefund.amount)).all() == [fall]
    assert db.session.scalars(sa.select(Refund.status)).all() == ["succeeded"]
    assert order_row(order["id"]).amount_refunded == fall


def test_crash_after_the_new_amount_was_sent_sends_it_again_harmlessly(
        client, admin, auth_headers, run_consumers, app, enqueued):
    from tasks.payments import update_payment_amount_task

    mug = VariantFactory(price=1000, on_hand=10)
    placed, _ = place(client, auth_headers, {mug: 1})
    run_consumers()
    answer = edit(client, admin, placed["order"]["id"],
                  change=[{"order_item_id": placed["order"]["items"][0]["id"], "quantity": 2}])
    (event_id,) = [i for i, kind in enqueued if kind == "payment.amount_changed"]
    enqueued.clear()
    with crash_at("payment_amount.sent"):
        assert run_crashing(update_payment_amount_task, event_id)
    run_sweeps(app, run_consumers)
    intent = placed["payment"]["payment_intent_id"]
    assert db.session.get(FakePayment, intent).amount == answer.json["order"]["total"]
    assert db.session.get(OutboxEvent, event_id).redo_at is None


def test_a_product_taken_off_sale_cannot_be_added(client, admin, auth_headers, run_consumers):
    mug = VariantFactory(price=1000, on_hand=10)
    draft = VariantFactory(product_id=ProductFactory(status="draft").id, price=100, on_hand=5)
    order, _ = paid(client, auth_headers, run_consumers, {mug: 1})
    answer = edit(client, admin, order["id"], add=[{"variant_id": draft.id, "quantity": 1}])
    assert answer.status_code == 422
    assert answer.json["errors"]["lines"] == [{"variant_id": draft.id,
                                               "reason": "not for sale"}]
