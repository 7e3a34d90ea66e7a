"""The back office's changes to an order: its tracking, and moves along the state machine
that a person makes (shipping what is left, delivering, cancelling)."""

from __future__ import annotations

from datetime import datetime

from models import CancelledBy, Order, OrderStatus, db
from services import orders, shipments

S = OrderStatus


def admin_update_order(order_id: int, changes: dict, now: datetime) -> Order:
    """Set the tracking details and/or move the order along the state machine (``shipped``
    ships every unit left, in one shipment with these tracking details). ``paid`` and
    ``refunded`` are the payments' to set (409); ``cancelled`` cancels as the customer's
    cancel does (stock back, a paid order refunded in full)."""
    order = orders.get_order(order_id, lock=True)
    for name in ("tracking_number", "carrier"):
        if name in changes:
            setattr(order, name, changes[name])
    new = changes.get("status")
    if new is not None and new != order.status:
        if new in (S.PAID, S.REFUNDED):
            raise orders.StatusSetByPayments(
                f"An order becomes {new} through its payment (use the refund endpoint for "
                "refunds), not by hand.")
        if new == S.CANCELLED:
            orders.cancel(order, now, "cancelled by an admin", CancelledBy.ADMIN)
        elif new == S.SHIPPED and order.status in shipments.SHIPPABLE:
            shipments.ship_the_rest(order, now, changes.get("note"))
        else:
            orders.transition(order, new, now, changes.get("note"))
    db.session.flush()
    return order
