"""Shipments: an order leaves in one or more parcels, each with its lines and tracking.

A shipment is created under the order's row lock, so two shipments of the same order
made at once take turns, and the second sees what the first shipped: no unit ships twice.
The order is ``partially_shipped`` while some units are still to ship, ``shipped`` once
none is. Each shipment records ``shipment.created`` (delivered to ``order_status_update``
and ``notify_user``) and one email to the customer with its lines and tracking.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime

import sqlalchemy as sa

from core import faults
from core.errors import Conflict, ValidationFailed
from models import Order, OrderEvent, OrderStatus, Shipment, ShipmentLine, db
from services import orders, outbox

S = OrderStatus
# From these an order may ship (``processing`` and ``paid`` alike: staff may skip
# ``processing``).
SHIPPABLE = frozenset({S.PAID, S.PROCESSING, S.PARTIALLY_SHIPPED})


class NotShippable(Conflict):
    error_code = "order_not_shippable"


class NothingToShip(ValidationFailed):
    error_code = "nothing_to_ship"


def shipped_quantities(order_id: int) -> dict[int, int]:
    """{order_item_id: units shipped so far}."""
    rows = db.session.execute(
        sa.select(ShipmentLine.order_item_id, sa.func.sum(ShipmentLine.quantity))
        .join(Shipment, Shipment.id == ShipmentLine.shipment_id)
        .where(Shipment.order_id == order_id).group_by(ShipmentLine.order_item_id))
    return {item_id: int(quantity) for item_id, quantity in rows}


def unshipped(order: Order) -> dict[int, int]:
    """{order_item_id: units still to ship} of the order's lines."""
    shipped = shipped_quantities(order.id)
    return {item.id: item.quantity - shipped.get(item.id, 0) for item in order.items
            if item.quantity > shipped.get(item.id, 0)}


def _check_lines(order: Order, lines: Mapping[int, int]) -> dict[int, int]:
    """What is left of each line once ``lines`` ship; refuses more than is left."""
    left = unshipped(order)
    items = {item.id for item in order.items}
    errors = []
    for item_id, quantity in sorted(lines.items()):
        if item_id not in items:
            errors.append({"order_item_id": item_id, "problem": "not a line of this order"})
        elif quantity > left.get(item_id, 0):
            errors.append({"order_item_id": item_id, "problem":
                           f"only {left.get(item_id, 0)} left to ship", "requested": quantity})
    if errors:
        raise NothingToShip("Some lines cannot ship as asked.", errors={"lines": errors})
    return {item_id: quantity - lines.get(item_id, 0) for item_id, quantity in left.items()}


def ship(order: Order, lines: Mapping[int, int], carrier: str | None,
         tracking_number: str | None, now: datetime, note: str | None = None) -> Shipment:
    """Ship ``lines`` ({order_item_id: quantity}) of a locked ``order`` in one parcel.
    409 ``order_not_shippable`` unless it is paid (or processing, or partly shipped); 422
    ``nothing_to_ship`` for a line that is not the order's or more than is left of it."""
    if order.status not in SHIPPABLE:
        raise NotShippable(f"A {order.status} order cannot ship.")
    if not lines:
        raise NothingToShip("A shipment needs at least one line.",
                            errors={"lines": ["At least one line."]})
    still_left = _check_lines(order, lines)
    # Where the parcel leaves from, when the order's units are all held at one location.
    held_at = {allocation.location_id for allocation in order.allocations}
    shipment = Shipment(order_id=order.id, carrier=carrier, tracking_number=tracking_number,
                        created_at=now, location_id=held_at.pop() if len(held_at) == 1 else None,
                        lines=[ShipmentLine(order_item_id=item_id, quantity=quantity)
                               for item_id, quantity in sorted(lines.items())])
    db.session.add(shipment)
    db.session.flush()
    # The order's own tracking fields show the latest parcel's.
    if tracking_number is not None:
        order.tracking_number = tracking_number
    if carrier is not None:
        order.carrier = carrier
    complete = not any(still_left.values())
    new = S.SHIPPED if complete else S.PARTIALLY_SHIPPED
    if order.status != new:
        orders.transition(order, new, now, note)
    else:
        order.timeline.append(OrderEvent(status=order.status, at=now,
                                         note=note or f"shipment {shipment.id} sent"))
    sent = [{"order_item_id": line.order_item_id, "quantity": line.quantity}
            for line in shipment.lines]
    outbox.record_event("shipment.created", "order", order.id, {
        "shipment_id": shipment.id, "order_id": order.id, "number": order.number,
        "user_id": order.user_id, "lines": sent, "carrier": carrier,
        "tracking_number": tracking_number, "complete": complete})
    orders.notify(order, "order_shipped", shipment_id=shipment.id, lines=sent,
                  tracking_number=tracking_number, carrier=carrier, complete=complete)
    db.session.flush()
    return shipment


def create_shipment(order_id: int, lines: list[dict], carrier: str | None,
                    tracking_number: str | None, now: datetime) -> Shipment:
    """The admin's ``POST /admin/orders/{id}/shipments``: lines given twice add up."""
    order = orders.get_order(order_id, lock=True)
    faults.step("shipment.order_locked")
    wanted: dict[int, int] = {}
    for line in lines:
        wanted[line["order_item_id"]] = wanted.get(line["order_item_id"], 0) + line["quantity"]
    return ship(order, wanted, carrier, tracking_number, now)


def ship_the_rest(order: Order, now: datetime, note: str | None = None) -> Shipment:
    """``PATCH status=shipped``: one shipment of every unit left, with the order's tracking."""
    return ship(order, unshipped(order), order.carrier, order.tracking_number, now, note)

