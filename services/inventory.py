"""Stock levels. The only module that changes ``on_hand`` and ``reserved``.

Every change is a conditional ``UPDATE ... WHERE`` that states the invariant it needs, so
two writers can never both succeed where only one may: the database decides, not a value
read earlier. Each change records an ``inventory.changed`` event.
"""

from __future__ import annotations

import sqlalchemy as sa

from core.errors import Conflict
from models import Variant, db
from services import outbox


class StockBelowReserved(Conflict):
    error_code = "stock_below_reserved"


def inventory_event(variant: Variant) -> None:
    outbox.record_event("inventory.changed", "product", variant.product_id, {
        "variant_id": variant.id, "product_id": variant.product_id, "sku": variant.sku,
        "on_hand": variant.on_hand, "reserved": variant.reserved,
        "available": variant.available, "low_stock_threshold": variant.low_stock_threshold,
    })


def set_stock(variant: Variant, on_hand: int, low_stock_threshold: int | None = None) -> Variant:
    """Set the counted stock of ``variant``. Raises ``StockBelowReserved`` (409) when
    ``on_hand`` would drop below what checkouts hold reserved at this moment."""
    values = {"on_hand": on_hand}
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
    return variant
