"""Returns: requested by the customer within ``RETURN_WINDOW_DAYS`` of delivery for what
was shipped and not already returned; approved or rejected by staff; received line by line
(restocked to a location, or not: damaged); refunded for the received lines through the
refund ledger; ``refunded`` once that refund is confirmed.

Lines refund their goods after their share of the order's discount (in proportion,
rounded down), plus, for a tax-exclusive order, each of the order's tax rates on that,
rounded half up as checkout rounds; shipping is not refunded. A return's refund is taken on
the running total of what the order's returns took, so that several returns never refund
more than returning everything at once. The ledger's guard keeps every refund of an order
within what was paid.

Every step locks the order's row first (a receive and a checkout of the same variant then
only meet at the variant's lock in ``services.inventory``), records ``return.<step>`` and
emails the customer.
"""

from __future__ import annotations

from datetime import datetime, timedelta

import sqlalchemy as sa
from flask import current_app

from core.errors import Conflict, NotFound, ValidationFailed
from models import (
    Order,
    OrderReturn,
    OrderStatus,
    Refund,
    ReturnLine,
    ReturnStatus,
    db,
)
from services import inventory, orders, outbox, refunds
from services.allocation import Allocation
from services.shipments import shipped_quantities

R = ReturnStatus
# Returns that hold their units (a rejected one gives them back to what may be returned).
HOLDING = (R.REQUESTED, R.APPROVED, R.RECEIVED, R.REFUNDED)


class ReturnNotFound(NotFound):
    error_code = "return_not_found"


class ReturnWindowClosed(Conflict):
    error_code = "return_window_closed"


class ReturnNotAllowed(Conflict):
    error_code = "return_not_allowed"


class ReturnExceedsShipped(ValidationFailed):
    error_code = "return_exceeds_shipped"


def delivered_at(order: Order) -> datetime | None:
    moments = [entry.at for entry in order.timeline if entry.status == OrderStatus.DELIVERED]
    return max(moments) if moments else None


def returned_quantities(order_id: int) -> dict[int, int]:
    """{order_item_id: units in returns that hold them}."""
    rows = db.session.execute(
        sa.select(ReturnLine.order_item_id, sa.func.sum(ReturnLine.quantity))
        .join(OrderReturn, OrderReturn.id == ReturnLine.return_id)
        .where(OrderReturn.order_id == order_id, OrderReturn.status.in_(HOLDING))
        .group_by(ReturnLine.order_item_id))
    return {item_id: int(quantity) for item_id, quantity in rows}


def _refund_of(order: Order, quantities: dict[int, int]) -> int:
    """What returning ``quantities`` ({order_item_id: units}) of the order refunds in all:
    their goods less their share of the discount (rounded down), plus each of the order's
    tax rates on that (rounded half up) unless its prices included tax."""
    prices = {item.id: item.unit_price for item in order.items}
    goods = sum(prices[item_id] * quantity for item_id, quantity in quantities.items())
    share = order.discount_total * goods // order.subtotal if order.subtotal else 0
    after = goods - share
    if order.tax_included:
        return after
    return after + sum((2 * after * line["rate_bps"] + 10_000) // 20_000
                       for line in order.tax_lines)


def refund_for(order: Order, before: dict[int, int], now: dict[int, int]) -> int:
    """What ``now`` refunds on top of ``before`` (what earlier returns took): computed on
    the running total, so that the rounding of several returns never adds up to more than
    returning everything at once would refund."""
    together = dict(before)
    for item_id, quantity in now.items():
        together[item_id] = together.get(item_id, 0) + quantity
    return _refund_of(order, together) - _refund_of(order, before)


def received_quantities(order_id: int, but: int | None = None) -> dict[int, int]:
    """{order_item_id: units received by the order's returns} (but return ``but``)."""
    query = (sa.select(ReturnLine.order_item_id, sa.func.sum(ReturnLine.received_quantity))
             .join(OrderReturn, OrderReturn.id == ReturnLine.return_id)
             .where(OrderReturn.order_id == order_id,
                    OrderReturn.status.in_((R.RECEIVED, R.REFUNDED)),
                    ReturnLine.received_quantity > 0)
             .group_by(ReturnLine.order_item_id))
    if but is not None:
        query = query.where(OrderReturn.id != but)
    return {item_id: int(quantity) for item_id, quantity in db.session.execute(query)}


def _event(kind: str, order: Order, found: OrderReturn, **extra) -> None:
    outbox.record_event(f"return.{kind}", "order", order.id, {
        "return_id": found.id, "order_id": order.id, "number": order.number,
        "user_id": order.user_id, "status": found.status, "refund_total": found.refund_total,
        "lines": [{"order_item_id": line.order_item_id, "quantity": line.quantity}
                  for line in found.lines], **extra})
    orders.notify(order, "return_update", return_id=found.id, step=kind,
                  refund_total=found.refund_total)


def request_return(order: Order, lines: list[dict], now: datetime) -> OrderReturn:
    """The customer's return of ``lines`` [{order_item_id, quantity, reason}] of a locked,
    delivered ``order``: 409 ``return_not_allowed`` before delivery, 409
    ``return_window_closed`` after the window, 422 ``return_exceeds_shipped`` for more
    than was shipped and is not already being returned."""
    delivered = delivered_at(order)
    if order.status not in (OrderStatus.DELIVERED, OrderStatus.REFUNDED) or delivered is None:
        raise ReturnNotAllowed("Only a delivered order can be returned.")
    window = timedelta(days=current_app.config["RETURN_WINDOW_DAYS"])
    if now > delivered + window:
        raise ReturnWindowClosed(
            f"Returns close {window.days} days after delivery ({delivered:%Y-%m-%d}).")
    wanted: dict[int, dict] = {}
    for line in lines:
        entry = wanted.setdefault(line["order_item_id"], {"quantity": 0, "reason": ""})
        entry["quantity"] += line["quantity"]
        entry["reason"] = entry["reason"] or line.get("reason") or ""
    shipped, returned = shipped_quantities(order.id), returned_quantities(order.id)
    items = {item.id for item in order.items}
    problems = []
    for item_id, entry in sorted(wanted.items()):
        left = shipped.get(item_id, 0) - returned.get(item_id, 0)
        if item_id not in items or entry["quantity"] > left:
            problems.append({"order_item_id": item_id, "requested": entry["quantity"],
                             "returnable": max(0, left) if item_id in items else 0})
    if problems:
        raise ReturnExceedsShipped("Some lines cannot be returned as asked.",
                                   errors={"lines": problems})
    found = OrderReturn(order_id=order.id, status=R.REQUESTED.value, created_at=now,
                        updated_at=now,
                        refund_total=refund_for(order, returned, {
                            item_id: entry["quantity"] for item_id, entry in wanted.items()}),
                        lines=[ReturnLine(order_item_id=item_id, quantity=entry["quantity"],
                                          reason=entry["reason"][:200])
                               for item_id, entry in sorted(wanted.items())])
    db.session.add(found)
    db.session.flush()
    _event("requested", order, found)
    return found


def get_return(return_id: int, *, lock: bool = False) -> tuple[OrderReturn, Order]:
    """A return and its order, the order locked first when asked (every change does)."""
    order_id = db.session.scalar(sa.select(OrderReturn.order_id)
                                 .where(OrderReturn.id == return_id))
    if order_id is None:
        raise ReturnNotFound("Return not found.")
    order = orders.get_order(order_id, lock=lock)
    found = db.session.scalar(sa.select(OrderReturn).where(OrderReturn.id == return_id)
                              .execution_options(populate_existing=True))
    return found, order


def _decide(return_id: int, new: ReturnStatus, now: datetime, note: str | None) -> OrderReturn:
    found, order = get_return(return_id, lock=True)
    if found.status != R.REQUESTED:
        raise ReturnNotAllowed(f"A {found.status} return cannot be {new}.")
    found.status, found.note, found.updated_at = new.value, note, now
    db.session.flush()
    _event(new.value, order, found)
    return found


def approve(return_id: int, now: datetime, note: str | None = None) -> OrderReturn:
    return _decide(return_id, R.APPROVED, now, note)


def reject(return_id: int, now: datetime, note: str | None = None) -> OrderReturn:
    return _decide(return_id, R.REJECTED, now, note)


def _taken_from(order: Order, variant_id: int) -> int:
    """Where the order's units of a variant were taken (the first, by allocation)."""
    for allocation in inventory.order_allocations(order):
        if allocation.variant_id == variant_id:
            return allocation.location_id
    return inventory.default_location_id()


def receive(return_id: int, lines: list[dict], admin_id: int | None,
            now: datetime) -> OrderReturn:
    """The units arrived: each entry [{order_item_id, quantity, restock, location_id}] goes
    back on hand at ``location_id`` (default: where it was taken) when ``restock``, else
    not (damaged); a line may come in two entries, the restocked units and the damaged
    ones, together at most what the return asked for. The received units are refunded
    through the ledger. Only an approved return is received (409 otherwise)."""
    found, order = get_return(return_id, lock=True)
    if found.status != R.APPROVED:
        raise ReturnNotAllowed(f"A {found.status} return cannot be received.")
    asked = {line.order_item_id: line for line in found.lines}
    got: dict[int, dict] = {}
    for entry in lines:
        item = got.setdefault(entry["order_item_id"], {"received": 0, "restocked": 0,
                                                       "location_id": None})
        item["received"] += entry["quantity"]
        if entry.get("restock", True):
            item["restocked"] += entry["quantity"]
            item["location_id"] = item["location_id"] or entry.get("location_id")
    problems = [{"order_item_id": item_id, "problem": "not a line of this return"}
                for item_id in got if item_id not in asked]
    problems += [{"order_item_id": item_id, "problem": f"at most {asked[item_id].quantity}"}
                 for item_id, item in got.items()
                 if item_id in asked and item["received"] > asked[item_id].quantity]
    if problems:
        raise ReturnExceedsShipped("Some lines cannot be received as given.",
                                   errors={"lines": problems})
    items = {item.id: item for item in order.items}
    back: list[Allocation] = []
    for item_id, line in asked.items():
        item = got.get(item_id, {"received": 0, "restocked": 0, "location_id": None})
        line.received_quantity, line.restocked_quantity = item["received"], item["restocked"]
        line.received_at = now
        variant_id = items[item_id].variant_id
        if line.restocked_quantity and variant_id is not None:
            line.location_id = item["location_id"] or _taken_from(order, variant_id)
            back.append(Allocation(variant_id, line.location_id, line.restocked_quantity))
    if back:
        inventory.restock(back)
    found.refund_total = refund_for(
        order, received_quantities(order.id, but=found.id),
        {line.order_item_id: line.received_quantity for line in found.lines
         if line.received_quantity})
    found.status, found.updated_at = R.RECEIVED.value, now
    if found.refund_total:
        refund = refunds.request_refund(order, found.refund_total, f"return {found.id}",
                                        admin_id, now)
        found.refund_id = refund.id
    db.session.flush()
    _event("received", order, found)
    return found


def refunds_confirmed(order: Order, confirmed: list[Refund], now: datetime) -> None:
    """The refunds of returns among ``confirmed`` make those returns ``refunded``."""
    # A refund split over an edited order's payments is through when all its rows are.
    ids = {refund.part_of_id or refund.id for refund in confirmed}
    if not ids:
        return
    for found in db.session.scalars(sa.select(OrderReturn).where(
            OrderReturn.refund_id.in_(sorted(ids)), OrderReturn.status == R.RECEIVED)):
        if not refunds.request_settled(found.refund_id):
            continue
        found.status, found.updated_at = R.REFUNDED.value, now
        db.session.flush()
        _event("refunded", order, found)


def order_returns(order_id: int) -> list[OrderReturn]:
    return list(db.session.scalars(sa.select(OrderReturn).where(OrderReturn.order_id == order_id)
                                   .order_by(OrderReturn.id)))


def admin_returns(status: str | None) -> sa.Select:
    query = sa.select(OrderReturn).order_by(OrderReturn.id.desc())
    return query.where(OrderReturn.status == status) if status else query
