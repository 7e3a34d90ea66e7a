"""Stock levels. The only module that changes ``on_hand`` and ``reserved``: per location
(``stock_levels``) and in total on the variant, in the same statements' transaction.

Every change is a conditional ``UPDATE ... WHERE`` that states the invariant it needs, so
two writers can never both succeed where only one may: the database decides, not a value
read earlier. Every change locks the variant's row first, in variant id order, so changes
of one variant at any location take turns and never deadlock. Each change records an
``inventory.changed`` event (the variant's totals).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import sqlalchemy as sa
from sqlalchemy.orm import selectinload
from sqlalchemy.orm.attributes import set_committed_value
from sqlalchemy.orm.util import identity_key

from core import audit
from core.errors import Conflict
from models import (
    DEFAULT_LOCATION_CODE,
    Location,
    StockLevel,
    Variant,
    db,
    insert_ignoring_conflict,
)
from services import outbox
from services.allocation import Allocation, Level, allocate, combine, give_back

DEFAULT_KEY = "stockroom.inventory.default_location"


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


@sa.event.listens_for(Variant, "after_insert")
def _stock_at_the_default_location(mapper, connection, variant) -> None:
    """A new variant's stock is at the default location: its totals are then the sum of
    its levels from the start, whoever made it (the API, the demo, a test's factory)."""
    connection.execute(sa.insert(StockLevel.__table__).values(
        variant_id=variant.id,
        location_id=sa.select(Location.id).where(Location.code == DEFAULT_LOCATION_CODE)
        .scalar_subquery(),
        on_hand=variant.on_hand or 0, reserved=variant.reserved or 0))


def default_location_id() -> int:
    """The ``default`` location's id (made by the migration that introduced locations)."""
    cache = db.session.info.setdefault(DEFAULT_KEY, {})
    bind = id(db.session.get_bind())
    if bind not in cache:
        cache[bind] = db.session.scalar(
            sa.select(Location.id).where(Location.code == DEFAULT_LOCATION_CODE))
    return cache[bind]


def _as_allocations(lines: Mapping[int, int] | Iterable[Allocation]) -> list[Allocation]:
    """Allocations as given, or ``{variant_id: quantity}`` taken as held at the default
    location (one-location callers, and orders from before locations)."""
    if isinstance(lines, Mapping):
        location_id = default_location_id()
        return [Allocation(variant_id, location_id, quantity)
                for variant_id, quantity in lines.items()]
    return list(lines)


def order_allocations(order) -> list[Allocation]:
    """Where an order's units are held or were taken."""
    if order.allocations:
        return [Allocation(a.variant_id, a.location_id, a.quantity) for a in order.allocations]
    return _as_allocations(order.stock_lines())


def set_stock(variant: Variant, on_hand: int, low_stock_threshold: int | None = None,
              location_id: int | None = None) -> Variant:
    """Set the counted stock of ``variant`` at a location (the default one unless given);
    the variant's total moves by the difference. Raises ``StockBelowReserved`` (409) when
    ``on_hand`` would drop below what checkouts hold reserved there at this moment.

    The variant's row is locked first, as every stock change locks it: a checkout and a
    count of the same variant take turns, in any location."""
    location_id = location_id or default_location_id()
    _lock_variants([variant.id])
    before = {"on_hand": variant.on_hand, "low_stock_threshold": variant.low_stock_threshold}
    db.session.execute(insert_ignoring_conflict(StockLevel, ["variant_id", "location_id"])
                       .values(variant_id=variant.id, location_id=location_id, on_hand=0,
                               reserved=0))
    level = db.session.execute(
        sa.select(StockLevel.on_hand, StockLevel.reserved)
        .where(StockLevel.variant_id == variant.id, StockLevel.location_id == location_id)
    ).one()
    if on_hand < level.reserved:
        raise StockBelowReserved(
            f"on_hand cannot drop below the {level.reserved} units reserved by open orders "
            "at this location.",
            errors={"on_hand": [f"Must be at least {level.reserved} (reserved)."]})
    if low_stock_threshold is not None:
        # First, so that the move below judges the crossing by the new threshold.
        db.session.execute(sa.update(Variant).where(Variant.id == variant.id)
                           .values(low_stock_threshold=low_stock_threshold)
                           .execution_options(synchronize_session=False))
    _move(Allocation(variant.id, location_id, 0), on_hand=on_hand - level.on_hand)
    db.session.refresh(variant)
    audit.record("variants", variant.id, {
        name: (before[name], getattr(variant, name)) for name in before
        if before[name] != getattr(variant, name)})
    return variant


def _lock_variants(variant_ids) -> dict[int, Variant]:
    """Lock the variants' rows, always in id order: two transactions that lock the same
    rows take them in the same order, so they queue instead of deadlocking. Every change
    of a variant's stock, at any location, holds its row's lock: its levels are changed
    by one transaction at a time."""
    rows = db.session.scalars(
        sa.select(Variant).where(Variant.id.in_(sorted(variant_ids)))
        .order_by(Variant.id).with_for_update()
        .execution_options(populate_existing=True)
    ).all()
    return {variant.id: variant for variant in rows}


def reserve_stock(lines: Mapping[int, int]) -> list[Allocation]:
    """Reserve ``quantity`` of each variant (``{variant_id: quantity}``): all lines or none,
    from the active locations (``services.allocation``: one location that fills every line
    by priority, else each line across them by priority). Returns where each unit is held.

    Raises ``OutOfStock`` (409) naming every line that is short, with what is available.
    """
    if any(quantity < 1 for quantity in lines.values()):
        raise ValueError("quantities must be positive")
    variants = _lock_variants(lines)
    # Read in a statement of its own, after the locks are held: every writer of these
    # levels holds its variant's lock, so this sees the last one's commit. (Joined into the
    # locking SELECT it would not: PostgreSQL re-reads only the locked rows after a wait,
    # the joined levels would be those of before it; the races on PostgreSQL showed it.)
    rows = db.session.execute(
        sa.select(StockLevel.variant_id, StockLevel.location_id,
                  StockLevel.on_hand - StockLevel.reserved)
        .join(Location, Location.id == StockLevel.location_id)
        .where(StockLevel.variant_id.in_(sorted(lines)), Location.active.is_(True))
        .order_by(Location.priority, Location.id)).all()
    locations = list(dict.fromkeys(location_id for _, location_id, _ in rows))
    levels = [Level(*row) for row in rows]
    allocations, short = allocate(lines, levels, locations)
    if short:
        raise OutOfStock("Not enough stock for some lines.", errors={"lines": [
            {"variant_id": variant_id,
             "sku": variants[variant_id].sku if variant_id in variants else None,
             "requested": lines[variant_id], "available": available}
            for variant_id, available in sorted(short.items())]})
    for allocation in allocations:
        _move(allocation, reserved=allocation.quantity)
    return allocations


def release_stock(lines: Mapping[int, int] | Iterable[Allocation]) -> None:
    """Give back reserved units where they are held (an unpaid order cancelled or
    expired)."""
    allocations = _as_allocations(lines)
    _lock_variants({a.variant_id for a in allocations})
    for allocation in sorted(allocations):
        _move(allocation, reserved=-allocation.quantity)


def commit_stock(lines: Mapping[int, int] | Iterable[Allocation]) -> None:
    """Turn reserved units into sold ones: they leave both ``reserved`` and ``on_hand``."""
    allocations = _as_allocations(lines)
    _lock_variants({a.variant_id for a in allocations})
    for allocation in sorted(allocations):
        _move(allocation, reserved=-allocation.quantity, on_hand=-allocation.quantity)


def restock(lines: Mapping[int, int] | Iterable[Allocation]) -> None:
    """Put sold units back on hand where they were taken (a paid order cancelled)."""
    allocations = _as_allocations(lines)
    _lock_variants({a.variant_id for a in allocations})
    for allocation in sorted(allocations):
        _move(allocation, on_hand=allocation.quantity)


def change_held(held: list[Allocation], more: Mapping[int, int], fewer: Mapping[int, int],
                sold: bool) -> list[Allocation]:
    """An edited order's stock: ``more`` ({variant_id: quantity}) reserved from the active
    locations as checkout reserves (all or none: ``OutOfStock``), ``fewer`` given back from
    where ``held`` (its allocations) says they are, last taken first. Once ``sold`` (the
    order is paid) the added units are taken off hand as well and the fewer go back on
    hand. Every variant touched is locked first, in one statement in id order. Returns the
    order's allocations after the change."""
    _lock_variants(set(more) | set(fewer))
    taken = reserve_stock(more) if more else []
    try:
        given = give_back(held, fewer)
    except ValueError as error:
        raise StockAccountingError(str(error)) from error
    for allocation in sorted(given):
        if sold:
            _move(allocation, on_hand=allocation.quantity)
        else:
            _move(allocation, reserved=-allocation.quantity)
    if sold:
        for allocation in sorted(taken):
            _move(allocation, reserved=-allocation.quantity, on_hand=-allocation.quantity)
    return combine(held, taken, given)


_variants = Variant.__table__
_levels = StockLevel.__table__
_reserved, _on_hand = sa.bindparam("add_reserved"), sa.bindparam("add_on_hand")
# Every stock movement is these two statements, built once with bound parameters: the
# invariants each must keep are in its WHERE (the level's, then the variant's totals), and
# the variant's new levels come back in one round trip.
MOVE_LEVEL = (
    sa.update(_levels)
    .where(_levels.c.variant_id == sa.bindparam("level_variant_id"),
           _levels.c.location_id == sa.bindparam("level_location_id"),
           _levels.c.reserved + _reserved >= 0,
           _levels.c.on_hand + _on_hand >= 0,
           _levels.c.reserved + _reserved <= _levels.c.on_hand + _on_hand)
    .values(reserved=_levels.c.reserved + _reserved, on_hand=_levels.c.on_hand + _on_hand)
)
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


def _move(allocation: Allocation, reserved: int = 0, on_hand: int = 0) -> None:
    """Apply one change at one location, and to the variant's totals, as conditional
    updates stating the invariants they must keep."""
    # Each statement gets only its own parameters: a key named like a column would be
    # added to the UPDATE's SET clause.
    delta = {"add_reserved": reserved, "add_on_hand": on_hand}
    connection = db.session.connection()
    moved = connection.execute(MOVE_LEVEL, {
        "level_variant_id": allocation.variant_id,
        "level_location_id": allocation.location_id, **delta}).rowcount
    row = connection.execute(MOVE_STOCK, {"variant_id": allocation.variant_id, **delta}
                             ).one_or_none() if moved == 1 else None
    if row is None:
        raise StockAccountingError(
            f"variant {allocation.variant_id} at location {allocation.location_id}: cannot "
            f"move reserved by {reserved}, on_hand by {on_hand}")
    # The database answered with the new levels: give them to the session's copy of the
    # row, if it holds one, instead of reading the row again.
    loaded = db.session.identity_map.get(identity_key(Variant, allocation.variant_id))
    if loaded is not None:
        set_committed_value(loaded, "on_hand", row.on_hand)
        set_committed_value(loaded, "reserved", row.reserved)
    inventory_event(row)
    low_stock_check(row, max(0, (row.on_hand - on_hand) - (row.reserved - reserved)))


def low_stock_variants() -> sa.Select:
    """Variants at or under their low-stock threshold, the emptiest first."""
    available = Variant.on_hand - Variant.reserved
    return (sa.select(Variant).where(available <= Variant.low_stock_threshold)
            .options(selectinload(Variant.prices), selectinload(Variant.stock))
            .order_by(available, Variant.id))


def low_stock_for_seller(seller_id: int) -> sa.Select:
    """A seller's own variants at or under their threshold."""
    from models import Product

    return low_stock_variants().join(Product, Product.id == Variant.product_id).where(
        Product.seller_id == seller_id)


def stock_for_seller(seller_id: int) -> sa.Select:
    """A seller's own variants with their stock, by product and SKU."""
    from models import Product

    return (sa.select(Variant).join(Product, Product.id == Variant.product_id)
            .where(Product.seller_id == seller_id)
            .options(selectinload(Variant.prices), selectinload(Variant.stock))
            .order_by(Variant.product_id, Variant.sku))
