"""Order edits: staff add, change and remove an order's lines before anything of it ships.

The stock moves through ``services.inventory`` (``change_held``: reserved while the order
is unpaid, taken off hand once paid), the totals are recomputed by ``services.pricing``,
the code checkout charges with (the lines it kept at the prices they were sold at, the
added ones at today's price, the order's discount code, shipping method and address), and
the money follows: an unpaid order's payment is asked for the new total after the commit;
a paid order's fall is refunded, its rise asked as a balance payment
(``services.balance_payments``). The timeline records each edit; the audit log its rows.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

import sqlalchemy as sa
from flask import current_app

from core import faults
from core.errors import Conflict, DomainError, ValidationFailed
from models import (
    MAX_LINE_QUANTITY,
    Discount,
    Order,
    OrderAllocation,
    OrderEdit,
    OrderEvent,
    OrderItem,
    OrderStatus,
    ProductStatus,
    Variant,
    db,
)
from services import (
    balance_payments,
    carrier_rates,
    checkout,
    currencies,
    inventory,
    orders,
    outbox,
    pricing,
    tax_providers,
)
from services.payment_providers import ProviderRefused

S = OrderStatus
EDITABLE = frozenset({S.PENDING_PAYMENT, S.PAID, S.PROCESSING})


class NotEditable(Conflict):
    error_code = "order_not_editable"


class InvalidEdit(ValidationFailed):
    error_code = "invalid_order_edit"


class Plan:
    """An edit worked out against an order's lines: the quantity each kept line will have,
    the lines to add, and the stock each variant needs more or fewer of."""

    def __init__(self, order: Order, changes: dict):
        if not any(changes.get(name) for name in ("add", "change", "remove")):
            raise InvalidEdit("Nothing to edit: give add, change or remove.",
                              errors={"_schema": ["Give add, change or remove."]})
        items = {item.id: item for item in order.items}
        problems: list[dict] = []
        self.quantities = {item.id: item.quantity for item in order.items}
        for item_id in changes.get("remove") or []:
            if item_id not in items:
                problems.append({"order_item_id": item_id, "reason": "not a line of this order"})
            else:
                self.quantities[item_id] = 0
        changed: set[int] = set()
        for line in changes.get("change") or []:
            item_id = line["order_item_id"]
            if item_id not in items:
                problems.append({"order_item_id": item_id, "reason": "not a line of this order"})
            elif item_id in changed:
                problems.append({"order_item_id": item_id, "reason": "changed twice"})
            elif self.quantities[item_id] == 0:
                problems.append({"order_item_id": item_id, "reason": "also removed"})
            else:
                self.quantities[item_id] = line["quantity"]
            changed.add(item_id)
        added: dict[int, int] = {}
        for line in changes.get("add") or []:
            added[line["variant_id"]] = added.get(line["variant_id"], 0) + line["quantity"]
        wanted = set(added) | {item.variant_id for item in order.items
                               if item.variant_id is not None}
        variants = {variant.id: variant for variant in db.session.scalars(
            sa.select(Variant).where(Variant.id.in_(sorted(wanted))))}
        book = currencies.PriceBook(variants.values(), order.currency)
        for variant_id, quantity in added.items():
            variant = variants.get(variant_id)
            reason = ("no such variant" if variant is None else
                      "not for sale" if variant.product.status != ProductStatus.ACTIVE.value
                      else f"no price in {order.currency.upper()}"
                      if book.price(variant) is None else
                      f"more than {MAX_LINE_QUANTITY} of one variant"
                      if quantity > MAX_LINE_QUANTITY else None)
            if reason is not None:
                problems.append({"variant_id": variant_id, "reason": reason})
        for item_id, quantity in self.quantities.items():
            if quantity and items[item_id].variant_id is None:
                problems.append({"order_item_id": item_id,
                                 "reason": "its variant was deleted; remove the line"})
        if problems:
            raise InvalidEdit("Some lines cannot be edited as asked.",
                              errors={"lines": problems})
        if not any(self.quantities.values()) and not added:
            raise InvalidEdit("An edit cannot remove every line: cancel the order instead.",
                              errors={"remove": ["Leave at least one line."]})
        self.items, self.added, self.variants = items, added, variants
        self.added_lines = [pricing.Line(variants[variant_id], quantity,
                                         book.amount(variants[variant_id]))
                            for variant_id, quantity in added.items()]
        before: dict[int, int] = {}
        after: dict[int, int] = {}
        for item in order.items:
            if item.variant_id is not None:
                before[item.variant_id] = before.get(item.variant_id, 0) + item.quantity
                after[item.variant_id] = (after.get(item.variant_id, 0)
                                          + self.quantities[item.id])
        for variant_id, quantity in added.items():
            after[variant_id] = after.get(variant_id, 0) + quantity
        self.more = {v: after[v] - before.get(v, 0) for v in after if after[v] > before.get(v, 0)}
        self.fewer = {v: before[v] - after.get(v, 0) for v in before
                      if before[v] > after.get(v, 0)}

    def lines(self) -> list[pricing.Line]:
        """The order's lines after the edit, priced: kept lines at their sold price."""
        kept = [pricing.Line(self.variants[self.items[item_id].variant_id], quantity,
                             self.items[item_id].unit_price)
                for item_id, quantity in self.quantities.items() if quantity]
        return kept + self.added_lines


def _totals(order: Order, lines: Sequence[pricing.Line], fetch: bool) -> pricing.Totals:
    discount = db.session.get(Discount, order.discount_id) if order.discount_id else None
    method = (order.shipping_method or {}).get("id")
    return pricing.totals(lines, order.currency, discount,
                          checkout.destination_of(order.shipping_address), method,
                          fetch_quotes=fetch)


def prefetch_pricing(order_id: int, changes: dict) -> None:
    """Before the edit locks anything: the carrier quotes and Stripe Tax calculation its
    totals will need (never a network call under the locks). Refusals are left to
    ``edit_order``; a tax provider that is down is a 503 now."""
    if not (carrier_rates.live() or tax_providers.tax_provider().name != "table"):
        return
    try:
        order = orders.get_order(order_id)
        _totals(order, Plan(order, changes).lines(), fetch=True)
    except tax_providers.TaxUnavailable:
        raise
    except DomainError:
        return
    finally:
        db.session.rollback()


def _check_editable(order: Order, now: datetime) -> None:
    if order.status not in EDITABLE or order.shipments:
        raise NotEditable(f"An order that is {order.status} (or has shipped a parcel) can "
                          "no longer be edited.")
    if order.status == S.PENDING_PAYMENT:
        if order.payment_flow == "checkout_session":
            raise NotEditable("A hosted Checkout order cannot be edited before it is paid "
                              "(the hosted page's amount is fixed): cancel it instead.")
        if order.reservation_expires_at is not None and order.reservation_expires_at <= now:
            raise NotEditable("This order's reservation has lapsed.")


def _snapshot(order: Order) -> list[dict]:
    return [{"order_item_id": item.id, "sku": item.sku, "quantity": item.quantity,
             "unit_price": item.unit_price} for item in order.items]


def edit_order(order_id: int, changes: dict, admin_id: int | None, now: datetime) -> OrderEdit:
    """Apply ``changes`` ({add, change, remove}) to an order that has not shipped: 409
    ``order_not_editable`` otherwise; 422 ``invalid_order_edit`` naming each line that
    cannot change as asked; 409 ``out_of_stock`` when added units are not there (nothing
    changes). The order's row is locked first, then its variants (as checkout and payment
    lock them): an edit and a payment, an expiry or another edit of one order take turns."""
    order = orders.get_order(order_id, lock=True)
    faults.step("edit.order_locked")
    _check_editable(order, now)
    plan = Plan(order, changes)
    before, total_before = _snapshot(order), order.total
    sold = order.paid_at is not None
    held = inventory.change_held(inventory.order_allocations(order), plan.more, plan.fewer,
                                 sold=sold)
    charged = _totals(order, plan.lines(), fetch=False)

    for item_id, quantity in plan.quantities.items():
        item = plan.items[item_id]
        if quantity == 0:
            order.items.remove(item)
        elif quantity != item.quantity:
            item.quantity, item.line_total = quantity, item.unit_price * quantity
    for line in plan.added_lines:
        order.items.append(OrderItem(
            variant_id=line.variant.id, product_id=line.variant.product_id,
            sku=line.variant.sku, product_name=line.variant.product.name,
            variant_name=line.variant.name, unit_price=line.unit_price,
            quantity=line.quantity, line_total=line.unit_price * line.quantity))
    method = charged.shipping_method
    order.subtotal, order.discount_total = charged.subtotal, charged.discount_total
    order.shipping_total, order.tax_total = charged.shipping_total, charged.tax_total
    order.tax_lines, order.total = charged.tax_lines, charged.total
    order.tax_calculation_id = charged.tax_calculation_id
    if method is not None:
        order.shipping_method = {"id": method.id, "name": method.name, "price": method.price}
    # The old rows go first: the new may repeat their keys.
    order.allocations.clear()
    db.session.flush()
    order.allocations.extend(OrderAllocation(variant_id=a.variant_id, location_id=a.location_id,
                                             quantity=a.quantity) for a in held)
    db.session.flush()

    edit = OrderEdit(order_id=order.id, edited_by_id=admin_id, changes=changes,
                     lines_before=before, lines_after=_snapshot(order),
                     total_before=total_before, total_after=order.total,
                     currency=order.currency, created_at=now)
    db.session.add(edit)
    db.session.flush()
    refund = balance = None
    if sold and edit.difference:
        refund, balance = balance_payments.settle_difference(
            order, edit.difference, now, f"order edit {edit.id}", admin_id)
        edit.refund_id = refund.id if refund else None
        edit.balance_payment_id = balance.id if balance else None
    elif not sold and edit.difference and order.payment_intent_id is not None:
        outbox.record_event("payment.amount_changed", "order", order.id,
                            {"order_id": order.id, "amount": order.total})
    order.timeline.append(OrderEvent(status=order.status, at=now, note=_note(edit, refund,
                                                                               balance)))
    db.session.flush()
    data = {"order_id": order.id, "edit_id": edit.id, "number": order.number,
            "user_id": order.user_id, "total_before": total_before, "total": order.total,
            "currency": order.currency, "balance_due": order.balance_due,
            "refund": refund.amount if refund else 0}
    outbox.record_event("order.edited", "order", order.id, data)
    orders.notify(order, "order_edited", edit_id=edit.id, total_before=total_before,
                  balance_due=order.balance_due, refund=data["refund"])
    return edit


def _note(edit: OrderEdit, refund, balance) -> str:
    parts = [f"{len(edit.changes.get(kind) or [])} {kind}"
             for kind in ("add", "change", "remove") if edit.changes.get(kind)]
    note = (f"edited ({', '.join(parts)}): total {edit.total_before} → {edit.total_after} "
            f"{edit.currency.upper()}")
    if refund is not None:
        note += f"; {refund.amount} to refund"
    if balance is not None:
        note += f"; balance of {balance.amount} asked"
    return note[:500]


def order_edits(order_id: int) -> list[OrderEdit]:
    return list(db.session.scalars(sa.select(OrderEdit).where(OrderEdit.order_id == order_id)
                                   .order_by(OrderEdit.id)))


def update_payment_amount(order_id: int, provider, now: datetime) -> str:
    """Ask an unpaid order's payment for its total (after an edit changed it). Set, then
    read again: of two edits whose tasks cross, the last set is the last total. A payment
    that can no longer change (it succeeded meanwhile) is left to the inbox, which settles
    the difference."""
    for _ in range(5):
        order = db.session.get(Order, order_id)
        if order is None or order.status != S.PENDING_PAYMENT or order.payment_intent_id is None:
            return "nothing to update"
        intent_id, amount = order.payment_intent_id, order.total
        db.session.commit()
        try:
            state = provider.update_payment_amount(intent_id, amount)
        except ProviderRefused as refused:
            current_app.logger.info("payment %s kept its amount: %s", intent_id, refused)
            return "payment fixed"
        faults.step("payment_amount.sent")
        db.session.commit()
        db.session.expire_all()
        if db.session.get(Order, order_id).total == state.amount:
            return "updated"
    return "still changing"
