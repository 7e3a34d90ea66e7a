"""Stock reservations: all or none, never negative, never oversold, under real concurrency."""

from __future__ import annotations

import threading
from collections import Counter

import pytest
import sqlalchemy as sa

from models import Variant, db
from services import inventory
from tests.factories import VariantFactory


def _levels(variant_id):
    variant = db.session.get(Variant, variant_id)
    db.session.refresh(variant)
    return variant.on_hand, variant.reserved


def test_reserve_is_all_or_none(enqueued):
    plenty, scarce = VariantFactory(on_hand=10), VariantFactory(on_hand=1, sku="SCARCE")
    with pytest.raises(inventory.OutOfStock) as refused:
        inventory.reserve_stock({plenty.id: 2, scarce.id: 3})
    assert refused.value.errors == {"lines": [
        {"variant_id": scarce.id, "sku": "SCARCE", "requested": 3, "available": 1}]}
    assert _levels(plenty.id) == (10, 0) and _levels(scarce.id) == (1, 0)
    inventory.reserve_stock({plenty.id: 2, scarce.id: 1})
    assert _levels(plenty.id) == (10, 2) and _levels(scarce.id) == (1, 1)
    assert [t for _, t in enqueued] == []  # nothing leaves before the commit
    db.session.commit()
    assert [t for _, t in enqueued].count("inventory.changed") == 2


def test_an_unknown_variant_is_short():
    with pytest.raises(inventory.OutOfStock):
        inventory.reserve_stock({987654: 1})


def test_release_commit_and_restock_keep_the_books():
    variant = VariantFactory(on_hand=10)
    inventory.reserve_stock({variant.id: 4})
    inventory.release_stock({variant.id: 1})
    assert _levels(variant.id) == (10, 3)
    inventory.commit_stock({variant.id: 3})
    assert _levels(variant.id) == (7, 0)
    inventory.restock({variant.id: 2})
    assert _levels(variant.id) == (9, 0)


@pytest.mark.parametrize("move", [
    lambda v: inventory.release_stock({v: 1}),
    lambda v: inventory.commit_stock({v: 1}),
])
def test_moving_more_than_is_reserved_is_a_loud_error(move):
    variant = VariantFactory(on_hand=5)
    with pytest.raises(inventory.StockAccountingError):
        move(variant.id)
    assert _levels(variant.id) == (5, 0)


def test_quantities_must_be_positive():
    variant = VariantFactory(on_hand=5)
    with pytest.raises(ValueError, match="positive"):
        inventory.reserve_stock({variant.id: 0})


def _run_concurrently(app, count, work):
    """Run ``work(i)`` in ``count`` threads released together; collect outcome names."""
    barrier = threading.Barrier(count)
    outcomes: Counter = Counter()
    lock = threading.Lock()

    def worker(index):
        with app.app_context():
            barrier.wait()
            try:
                work(index)
                db.session.commit()
                outcome = "ok"
            except inventory.OutOfStock:
                db.session.rollback()
                outcome = "out_of_stock"
            except Exception as exc:  # anything else is a failure the test reports
                db.session.rollback()
                outcome = f"{type(exc).__name__}: {exc}"
            with lock:
                outcomes[outcome] += 1

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return outcomes


@pytest.mark.postgres
@pytest.mark.committed
def test_200_concurrent_reservations_of_50_units_sell_exactly_50(app):
    variant_id = VariantFactory(on_hand=50).id
    db.session.commit()
    outcomes = _run_concurrently(app, 200, lambda _: inventory.reserve_stock({variant_id: 1}))
    assert outcomes == {"ok": 50, "out_of_stock": 150}
    assert _levels(variant_id) == (50, 50)


@pytest.mark.postgres
@pytest.mark.committed
def test_opposite_line_orders_never_deadlock_and_conserve_stock(app):
    first = VariantFactory(on_hand=60).id
    second = VariantFactory(on_hand=60).id
    db.session.commit()

    def reserve(index):
        # Half the callers list the lines one way round, half the other.
        lines = {first: 1, second: 1} if index % 2 else {second: 1, first: 1}
        inventory.reserve_stock(lines)

    outcomes = _run_concurrently(app, 100, reserve)
    assert outcomes == {"ok": 60, "out_of_stock": 40}
    assert _levels(first) == (60, 60) and _levels(second) == (60, 60)
    assert db.session.scalar(sa.select(sa.func.min(Variant.on_hand - Variant.reserved))) >= 0
