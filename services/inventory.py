"""Stock levels. The only module that changes ``on_hand`` and ``reserved``.

Every change is a conditional ``UPDATE ... WHERE`` that states the invariant it needs, so
two writers can never both succeed where only one may: the database decides, not a value
read earlier. Each change records an ``inventory.changed`` event.
"""

from __future__ import annotations

from collections.abc import Mapping

import sqlalchemy as sa
from sqlalchemy.orm import selectinload
from sqlalchemy.orm.attributes import set_committed_value
from sqlalchemy.orm.util import identity_key

from core import audit
from core.errors import Conflict
from models import Variant, db
from services import outbox


class StockBelowReserved(Conflict):
    error_code = "stock_below_reserved"


class OutOfStock(Conflict):
    """Some lines cannot be reserved; ``errors["lines"]`` names each short one."""

    error_code = "out_of_stock"


class StockAccountingError(RuntimeError):
    """A release or commit found less reserved than it was asked to move: a bug upstream,
    never something to paper over."""


STOCK_COLUMNS = ("id", "product_id", "sku", "on_hand", "reserved", "low_stock_threshold")


def inventory_event(variant) -> None:
    """Record ``inventory.changed`` for a variant (or a row with its stock columns)."""
    outbox.record_event("inventory.changed", "product", variant.product_id, {
        "variant_id": variant.id, "product_id": variant.product_id, "sku": variant.sku,
        "on_hand": variant.on_hand, "reserved": variant.reserved,
        "available": max(0, variant.on_hand - variant.reserved),
        "low_stock_threshold": variant.low_stock_threshold,
    })


def low_stock_check(row, available_before: int) -> None:
    """Record ``inventory.low_stock`` when a change takes ``available`` from above the
    variant's threshold to at or below it: one alert per crossing, not one per order."""
    available = max(0, row.on_hand - row.reserved)
    if available_before > row.low_stock_threshold >= available:
        outbox.record_event("inventory.low_stock", "product", row.product_id, {
            "variant_id": row.id, "product_id": row.product_id, "sku": row.sku,
            "available": available, "low_stock_threshold": row.low_stock_threshold})


def set_stock(variant: Variant, on_hand: int, low_stock_threshold: int | None = None) -> Variant:
    """Set the counted stock of ``variant``. Raises ``StockBelowReserved`` (409) when
    ``on_hand`` would drop below what checkouts hold reserved at this moment."""
    values = {"on_hand": on_hand}
    available_before = variant.available
    before = {"on_hand": variant.on_hand, "low_stock_threshold": variant.low_stock_threshold}
    if low_stock_threshold is not None:
        values["low_stock_threshold"] = low_stock_threshold
    updated = db.session.execute(
        sa.update(Variant)
        .where(Variant.id == variant.id, Variant.reserved <= on_hand)
        .values(**values)
        .execution_options(synchronize_session=False)
    ).rowcount
    db.session.refresh(variant)
    if updated != 1:
        raise StockBelowReserved(
            f"on_hand cannot drop below the {variant.reserved} units reserved by open orders.",
            errors={"on_hand": [f"Must be at least {variant.reserved} (reserved)."]})
    inventory_event(variant)
    low_stock_check(variant, available_before)
    audit.record("variants", variant.id, {
        name: (before[name], value) for name, value in values.items() if before[name] != value})
    return variant


def _lock_variants(variant_ids) -> dict[int, Variant]:
    """Lock the variants' rows, always in id order: two transactions that lock the same
    rows take them in the same order, so they queue instead of deadlocking."""
    rows = db.session.scalars(
        sa.select(Variant).where(Variant.id.in_(sorted(variant_ids)))
        .order_by(Variant.id).with_for_update()
        .execution_options(populate_existing=True)
    ).all()
    return {variant.id: variant for variant in rows}


def reserve_stock(lines: Mapping[int, int]) -> None:
    """Reserve ``quantity`` of each variant (``{variant_id: quantity}``): all lines or none.

    Raises ``OutOfStock`` (409) naming every line that is short, with what is available.
    """
    if any(quantity < 1 for quantity in lines.values()):
        raise ValueError("quantities must be positive")
    variants = _lock_variants(lines)
    short = []
    for variant_id in sorted(lines):
        variant = variants.get(variant_id)
        available = variant.available if variant is not None else 0
        if available < lines[variant_id]:
            short.append({"variant_id": variant_id,
                          "sku": variant.sku if variant is not None else None,
                          "requested": lines[variant_id], "available": available})
    if short:
        raise OutOfStock("Not enough stock for some lines.", errors={"lines": short})
    for variant_id in sorted(lines):
        _move(variant_id, reserved=lines[variant_id])


def release_stock(lines: Mapping[int, int]) -> None:
    """Give back reserved units (an unpaid order cancelled or expired)."""
    _lock_variants(lines)
    for variant_id in sorted(lines):
        _move(variant_id, reserved=-lines[variant_id])


def commit_stock(lines: Mapping[int, int]) -> None:
    """Turn reserved units into sold ones: they leave both ``reserved`` and ``on_hand``."""
    _lock_variants(lines)
    for variant_id in sorted(lines):
        _move(variant_id, reserved=-lines[variant_id], on_hand=-lines[variant_id])


def restock(lines: Mapping[int, int]) -> None:
    """Put sold units back on hand (a paid order cancelled or refunded)."""
    _lock_variants(lines)
    for variant_id in sorted(lines):
        _move(variant_id, on_hand=lines[variant_id])


_variants = Variant.__table__
_reserved, _on_hand = sa.bindparam("add_reserved"), sa.bindparam("add_on_hand")
# Every stock movement is this one statement, built once with bound parameters: the
# invariants it must keep are in its WHERE, and the new levels come back in one round trip.
MOVE_STOCK = (
    sa.update(_variants)
    .where(_variants.c.id == sa.bindparam("variant_id"),
           _variants.c.reserved + _reserved >= 0,
           _variants.c.on_hand + _on_hand >= 0,
           _variants.c.reserved + _reserved <= _variants.c.on_hand + _on_hand)
    .values(reserved=_variants.c.reserved + _reserved,
            on_hand=_variants.c.on_hand + _on_hand)
    .returning(*(_variants.c[name] for name in STOCK_COLUMNS))
)


def _move(variant_id: int, reserved: int = 0, on_hand: int = 0) -> None:
    """Apply one change as a conditional update stating the invariants it must keep."""
    row = db.session.connection().execute(MOVE_STOCK, {
        "variant_id": variant_id, "add_reserved": reserved, "add_on_hand": on_hand}
    ).one_or_none()
    if row is None:
        raise StockAccountingError(
            f"variant {variant_id}: cannot move reserved by {reserved}, on_hand by {on_hand}")
    # The database answered with the new levels: give them to the session's copy of the
    # row, if it holds one, instead of reading the row again.
    loaded = db.session.identity_map.get(identity_key(Variant, variant_id))
    if loaded is not None:
        set_committed_value(loaded, "on_hand", row.on_hand)
        set_committed_value(loaded, "reserved", row.reserved)
    inventory_event(row)
    low_stock_check(row, max(0, (row.on_hand - on_hand) - (row.reserved - reserved)))


def low_stock_variants() -> sa.Select:
    """Variants at or under their low-stock threshold, the emptiest first."""
    available = Variant.on_hand - Variant.reserved
    return (sa.select(Variant).where(available <= Variant.low_stock_threshold)
            .options(selectinload(Variant.prices)).order_by(available, Variant.id))


def low_stock_for_seller(seller_id: int) -> sa.Select:
    """A seller's own variants at or under their threshold."""
    from models import Product

    return low_stock_variants().join(Product, Product.id == Variant.product_id).where(
        Product.seller_id == seller_id)


def stock_for_seller(seller_id: int) -> sa.Select:
    """A seller's own variants with their stock, by product and SKU."""
    from models import Product

    return (sa.select(Variant).join(Product, Product.id == Variant.product_id)
            .where(Product.seller_id == seller_id).options(selectinload(Variant.prices))
            .order_by(Variant.product_id, Variant.sku))
