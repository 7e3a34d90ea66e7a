"""Stock per location: where checkout takes units from (one location that fills every line,
by priority, else lines split by priority), what expiry, cancel, payment and late payment
move back or on (exactly what was taken, where), the totals kept as the sums, counts per
location through the API, and the locations' own endpoints."""

from __future__ import annotations

from datetime import timedelta

import pytest
import sqlalchemy as sa

from models import Location, Order, OrderAllocation, StockLevel, Variant, db, utcnow
from services import inventory, orders
from services.allocation import Allocation, Level, allocate
from tests.factories import UserFactory, VariantFactory, fill_cart

ADDRESS = {"full_name": "Ada", "line1": "1 Main St", "city": "Berlin", "postal_code": "10115",
           "country": "DE"}


# The rule, alone

@pytest.mark.parametrize(("lines", "levels", "expected"), [
    # The first location (by priority) that fills every line takes the whole order.
    ({1: 2, 2: 1}, [(1, 10, 5), (2, 10, 5), (1, 20, 9), (2, 20, 9)],
     [(1, 10, 2), (2, 10, 1)]),
    # The first cannot fill line 2; the second fills both: all from the second.
    ({1: 2, 2: 3}, [(1, 10, 5), (2, 10, 1), (1, 20, 9), (2, 20, 9)],
     [(1, 20, 2), (2, 20, 3)]),
    # None fills every line: each line from the locations by priority.
    ({1: 4, 2: 3}, [(1, 10, 5), (2, 10, 1), (1, 20, 0), (2, 20, 9)],
     [(1, 10, 4), (2, 10, 1), (2, 20, 2)]),
    # One line split over two locations.
    ({1: 7}, [(1, 10, 3), (1, 20, 3), (1, 30, 3)], [(1, 10, 3), (1, 20, 3), (1, 30, 1)]),
])
def test_checkout_takes_from_one_location_if_it_can_else_by_priority(lines, levels, expected):
    found, short = allocate(lines, [Level(*level) for level in levels], [10, 20, 30])
    assert short == {} and found == [Allocation(*row) for row in expected]
    assert sum(a.quantity for a in found) == sum(lines.values())


def test_a_line_no_set_of_locations_can_fill_is_short():
    found, short = allocate({1: 5, 2: 1}, [Level(1, 10, 2), Level(1, 20, 2), Level(2, 10, 9)],
                            [10, 20])
    assert (found, short) == ([], {1: 4})


# Through the stock module

@pytest.fixture
def two_locations():
    default = db.session.scalar(sa.select(Location).where(Location.code == "default"))
    east = Location(code="east", name="East", priority=10, active=True)
    db.session.add(east)
    db.session.flush()
    return default, east


def levels(variant_id):
    db.session.expire_all()
    return {level.location_id: (level.on_hand, level.reserved) for level in db.session.scalars(
        sa.select(StockLevel).where(StockLevel.variant_id == variant_id))}


def totals(variant_id):
    db.session.expire_all()
    variant = db.session.get(Variant, variant_id)
    return variant.on_hand, variant.reserved


def test_stock_counted_per_location_adds_up_to_the_variants_total(two_locations):
    default, east = two_locations
    variant = VariantFactory(on_hand=4)
    inventory.set_stock(variant, 6, location_id=east.id)
    assert levels(variant.id) == {default.id: (4, 0), east.id: (6, 0)}
    assert totals(variant.id) == (10, 0)
    held = inventory.reserve_stock({variant.id: 7})
    # East (priority 10) cannot fill 7 alone, nor default: 6 from East, 1 from default.
    assert held == [Allocation(variant.id, east.id, 6), Allocation(variant.id, default.id, 1)]
    assert levels(variant.id) == {default.id: (4, 1), east.id: (6, 6)}
    with pytest.raises(inventory.StockBelowReserved):
        inventory.set_stock(variant, 5, location_id=east.id)
    inventory.set_stock(variant, 9, location_id=east.id)
    assert totals(variant.id) == (13, 7)
    inventory.release_stock(held)
    assert levels(variant.id) == {default.id: (4, 0), east.id: (9, 0)}
    assert totals(variant.id) == (13, 0)


def test_an_inactive_location_gives_nothing(two_locations):
    _, east = two_locations
    variant = VariantFactory(on_hand=1)
    inventory.set_stock(variant, 5, location_id=east.id)
    east.active = False
    db.session.flush()
    with pytest.raises(inventory.OutOfStock) as short:
        inventory.reserve_stock({variant.id: 2})
    assert short.value.errors["lines"][0]["available"] == 1


def _checkout(client, headers, key="k"):
    answer = client.post("/api/v1/checkout", json={"shipping_address": ADDRESS},
                         headers={**headers, "Idempotency-Key": key})
    assert answer.status_code == 201, answer.json
    return answer.json


def test_an_order_remembers_where_its_units_are_and_moves_exactly_those(
        client, auth_headers, two_locations, run_consumers, app):
    default, east = two_locations
    tee = VariantFactory(on_hand=2, price=1000)
    inventory.set_stock(tee, 3, location_id=east.id)
    user = UserFactory()
    fill_cart(user, {tee: 4})
    db.session.commit()
    headers = auth_headers(user)
    placed = _checkout(client, headers)
    held = db.session.scalars(sa.select(OrderAllocation).order_by(OrderAllocation.id)).all()
    assert [(a.location_id, a.quantity) for a in held] == [(east.id, 3), (default.id, 1)]
    assert levels(tee.id) == {default.id: (2, 1), east.id: (3, 3)}

    # Paid: the units leave the locations that held them.
    intent = placed["payment"]["payment_intent_id"]
    client.post(f"/api/v1/payments/fake/{intent}/settle", json={"outcome": "succeeded"},
                headers=headers)
    run_consumers()
    assert levels(tee.id) == {default.id: (1, 0), east.id: (0, 0)}
    assert totals(tee.id) == (1, 0)
    # Cancelled after payment (by an admin): they go back where they came from.
    order = db.session.get(Order, placed["order"]["id"])
    orders.cancel(order, utcnow(), "test", orders.CancelledBy.ADMIN)
    db.session.commit()
    assert levels(tee.id) == {default.id: (2, 0), east.id: (3, 0)}


def test_expiry_releases_what_was_held_and_a_late_payment_takes_stock_anew(
        client, auth_headers, two_locations, run_consumers, app):
    default, east = two_locations
    tee = VariantFactory(on_hand=5, price=1000)
    inventory.set_stock(tee, 2, location_id=east.id)
    user = UserFactory()
    fill_cart(user, {tee: 2})
    db.session.commit()
    headers = auth_headers(user)
    placed = _checkout(client, headers)
    assert levels(tee.id) == {default.id: (5, 0), east.id: (2, 2)}
    later = utcnow() + timedelta(seconds=app.config["RESERVATION_TTL_SECONDS"] + 1)
    assert orders.expire_reservations(later) == 1
    db.session.commit()
    assert levels(tee.id) == {default.id: (5, 0), east.id: (2, 0)}
    # East is counted down meanwhile; the late payment takes its units from default.
    inventory.set_stock(tee, 0, location_id=east.id)
    db.session.commit()
    intent = placed["payment"]["payment_intent_id"]
    client.post(f"/api/v1/payments/fake/{intent}/settle", json={"outcome": "succeeded"},
                headers=headers)
    run_consumers()
    order = db.session.get(Order, placed["order"]["id"])
    assert order.status == "paid"
    assert [(a.location_id, a.quantity) for a in order.allocations] == [(default.id, 2)]
    assert levels(tee.id) == {default.id: (3, 0), east.id: (0, 0)}


def test_locations_are_managed_by_admins_and_stock_is_counted_per_location(
        client, auth_headers, two_locations):
    default, east = two_locations
    admin = auth_headers(UserFactory(role="admin"))
    listed = client.get("/api/v1/admin/locations", headers=admin).json
    assert [loc["code"] for loc in listed] == ["east", "default"]
    made = client.post("/api/v1/admin/locations", headers=admin, json={
        "code": "west", "name": "West", "country": "US", "priority": 50})
    assert made.status_code == 201 and made.json["active"] is True
    assert client.post("/api/v1/admin/locations", headers=admin, json={
        "code": "west", "name": "Again"}).json["error_code"] == "location_code_taken"
    assert client.post("/api/v1/admin/locations", headers=admin, json={
        "code": "West Side", "name": "x"}).status_code == 422
    assert client.patch(f"/api/v1/admin/locations/{default.id}", headers=admin,
                        json={"code": "main"}).status_code == 409
    assert client.patch(f"/api/v1/admin/locations/{made.json['id']}", headers=admin,
                        json={"active": False}).json["active"] is False
    assert client.get("/api/v1/admin/locations",
                      headers=auth_headers(UserFactory())).status_code == 403

    variant = VariantFactory(on_hand=3)
    counted = client.put(f"/api/v1/variants/{variant.id}/inventory", headers=admin,
                         json={"on_hand": 8, "location_id": east.id})
    assert counted.status_code == 200, counted.json
    assert (counted.json["on_hand"], counted.json["available"]) == (11, 11)
    assert counted.json["stock"] == [
        {"location_id": default.id, "on_hand": 3, "reserved": 0, "available": 3},
        {"location_id": east.id, "on_hand": 8, "reserved": 0, "available": 8}]
    assert client.put(f"/api/v1/variants/{variant.id}/inventory", headers=admin,
                      json={"on_hand": 1, "location_id": 999_999}).status_code == 404
    # Without location_id: the default location, as before locations.
    again = client.put(f"/api/v1/variants/{variant.id}/inventory", headers=admin,
                       json={"on_hand": 1})
    assert again.json["on_hand"] == 9


def test_a_shipment_leaves_from_the_location_that_held_the_order(client, auth_headers,
                                                                 two_locations, run_consumers):
    _, east = two_locations
    tee = VariantFactory(on_hand=0, price=1000)
    inventory.set_stock(tee, 5, location_id=east.id)
    user = UserFactory()
    fill_cart(user, {tee: 2})
    db.session.commit()
    headers = auth_headers(user)
    placed = _checkout(client, headers)
    intent = placed["payment"]["payment_intent_id"]
    client.post(f"/api/v1/payments/fake/{intent}/settle", json={"outcome": "succeeded"},
                headers=headers)
    run_consumers()
    admin = auth_headers(UserFactory(role="admin"))
    shipped = client.patch(f"/api/v1/admin/orders/{placed['order']['id']}", headers=admin,
                           json={"status": "shipped"})
    assert shipped.json["shipments"][0]["location_id"] == east.id
