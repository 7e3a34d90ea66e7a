"""Shipments: an order ships in parcels, partially_shipped until every unit has left, with
one email and one shipment.created event per parcel; PATCH status=shipped ships the rest;
no unit ships twice; a crash in a shipment's email is redone by the sweeps."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from core import faults
from models import EmailMessage, OutboxEvent, WebhookDelivery, db
from tests.factories import UserFactory, VariantFactory, make_order
from tests.harness import crash_at, run_sweeps

ADMIN = "/api/v1/admin/orders"


@pytest.fixture
def admin(auth_headers):
    return auth_headers(UserFactory(role="admin"))


@pytest.fixture
def paid_order():
    customer = UserFactory()
    tee = VariantFactory(price=2000, sku="TEE", name="M")
    mug = VariantFactory(price=900, sku="MUG", name="Blue")
    order = make_order(customer, [(tee, 3), (mug, 1)])
    db.session.commit()
    return order, customer


def _items(order):
    return {item.sku: item.id for item in order.items}


def _events(kind):
    return db.session.scalars(sa.select(OutboxEvent).where(OutboxEvent.type == kind)
                              .order_by(OutboxEvent.id)).all()


def test_an_order_ships_in_parts_then_whole(client, admin, paid_order, auth_headers,
                                            run_consumers, mail, app, monkeypatch):
    order, customer = paid_order
    items = _items(order)
    monkeypatch.setitem(app.config, "SUPABASE_FUNCTIONS_URL", "http://127.0.0.1:9/functions/v1")
    first = client.post(f"{ADMIN}/{order.id}/shipments", headers=admin, json={
        "lines": [{"order_item_id": items["TEE"], "quantity": 2}], "carrier": "DHL",
        "tracking_number": "JD0001"})
    assert first.status_code == 201, first.json
    assert first.json["lines"] == [{"order_item_id": items["TEE"], "quantity": 2}]
    assert (first.json["carrier"], first.json["tracking_number"], first.json["location_id"]) \
        == ("DHL", "JD0001", None)
    mine = client.get(f"/api/v1/orders/{order.id}", headers=auth_headers(customer)).json
    assert mine["status"] == "partially_shipped"
    assert [s["id"] for s in mine["shipments"]] == [first.json["id"]]
    assert {i["sku"]: i["id"] for i in mine["items"]} == items

    rest = client.post(f"{ADMIN}/{order.id}/shipments", headers=admin, json={
        "lines": [{"order_item_id": items["TEE"], "quantity": 1},
                  {"order_item_id": items["MUG"], "quantity": 1}],
        "carrier": "UPS", "tracking_number": "1Z02"})
    assert rest.status_code == 201
    detail = client.get(f"{ADMIN}/{order.id}", headers=admin).json
    assert (detail["status"], detail["tracking_number"]) == ("shipped", "1Z02")
    assert [t["status"] for t in detail["timeline"]][-2:] == ["partially_shipped", "shipped"]

    run_consumers()
    # One email per parcel, each with its lines and tracking.
    subjects = [m.subject for m in mail]
    assert subjects == [f"Part of your Stockroom order {order.number} is on its way",
                        f"Your Stockroom order {order.number} is on its way"]
    assert "2 x Product" in mail[0].text and "JD0001" in mail[0].text
    assert "The rest follows" in mail[0].text and "1Z02" in mail[1].text
    created = _events("shipment.created")
    assert [e.data["tracking_number"] for e in created] == ["JD0001", "1Z02"]
    assert [e.data["complete"] for e in created] == [False, True]
    # shipment.created goes to both functions the contract names.
    functions = db.session.scalars(sa.select(WebhookDelivery.function).where(
        WebhookDelivery.event_id == created[0].id).order_by(WebhookDelivery.function)).all()
    assert functions == ["notify_user", "order_status_update"]


def test_no_unit_ships_twice_and_bad_lines_are_refused(client, admin, paid_order):
    order, _ = paid_order
    items = _items(order)
    for lines in ([{"order_item_id": items["TEE"], "quantity": 4}],
                  [{"order_item_id": items["TEE"], "quantity": 2},
                   {"order_item_id": items["TEE"], "quantity": 2}],
                  [{"order_item_id": 999_999, "quantity": 1}]):
        refused = client.post(f"{ADMIN}/{order.id}/shipments", headers=admin,
                              json={"lines": lines})
        assert refused.status_code == 422, lines
        assert refused.json["error_code"] == "nothing_to_ship"
    for body in ({"lines": []}, {"lines": [{"order_item_id": items["TEE"], "quantity": 0}]},
                 {"lines": [{"order_item_id": items["TEE"]}]}, {}):
        assert client.post(f"{ADMIN}/{order.id}/shipments", headers=admin,
                           json=body).status_code == 422
    db.session.expire_all()
    assert order.status == "paid" and order.shipments == []


def test_only_a_paid_order_ships(client, admin):
    pending = make_order(UserFactory(), [(VariantFactory(), 1)], status="pending_payment")
    cancelled = make_order(UserFactory(), [(VariantFactory(), 1)], status="cancelled")
    db.session.commit()
    for order in (pending, cancelled):
        refused = client.post(f"{ADMIN}/{order.id}/shipments", headers=admin, json={
            "lines": [{"order_item_id": order.items[0].id, "quantity": 1}]})
        assert refused.status_code == 409 and refused.json["error_code"] == "order_not_shippable"
    assert client.post(f"{ADMIN}/999999/shipments", headers=admin, json={
        "lines": [{"order_item_id": 1, "quantity": 1}]}).status_code == 404
    customer = client.post(f"{ADMIN}/{pending.id}/shipments", headers={}, json={
        "lines": [{"order_item_id": 1, "quantity": 1}]})
    assert customer.status_code == 401


def test_patch_shipped_ships_what_is_left(client, admin, paid_order, run_consumers, mail):
    order, _ = paid_order
    items = _items(order)
    client.post(f"{ADMIN}/{order.id}/shipments", headers=admin, json={
        "lines": [{"order_item_id": items["MUG"], "quantity": 1}]})
    shipped = client.patch(f"{ADMIN}/{order.id}", headers=admin, json={
        "status": "shipped", "tracking_number": "LAST", "carrier": "GLS"})
    assert shipped.status_code == 200, shipped.json
    assert shipped.json["status"] == "shipped"
    assert [s["lines"] for s in shipped.json["shipments"]] == [
        [{"order_item_id": items["MUG"], "quantity": 1}],
        [{"order_item_id": items["TEE"], "quantity": 3}]]
    assert shipped.json["shipments"][1]["tracking_number"] == "LAST"
    again = client.patch(f"{ADMIN}/{order.id}", headers=admin, json={"status": "delivered"})
    assert again.json["status"] == "delivered"
    run_consumers()
    assert len([m for m in mail if "on its way" in m.subject]) == 2


def test_a_crash_in_a_shipment_email_is_redone_by_the_sweeps(client, admin, paid_order, app,
                                                            run_consumers, mail, enqueued):
    order, _ = paid_order
    items = _items(order)
    client.post(f"{ADMIN}/{order.id}/shipments", headers=admin, json={
        "lines": [{"order_item_id": items["TEE"], "quantity": 1}], "tracking_number": "C1"})
    with crash_at("email.claimed"), pytest.raises(faults.Crashed):
        run_consumers()
    db.session.rollback()
    assert mail == []
    enqueued.clear()
    run_sweeps(app, run_consumers)
    run_sweeps(app, run_consumers)
    sent = [m for m in mail if "C1" in m.text]
    assert len(sent) == 1
    assert db.session.scalar(sa.select(sa.func.count()).select_from(EmailMessage).where(
        EmailMessage.kind == "order_shipped")) == 1
