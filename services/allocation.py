"""Where checkout takes an order's units from: a pure function of the stock at each active
location, so that the rule is read (and tested) apart from the locking around it.

The rule: the first location, by priority (then id), that can fill every line alone;
failing one, each line from the locations by priority until it is filled (an order then
leaves in several parcels). A line no set of locations can fill is short.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import NamedTuple


class Allocation(NamedTuple):
    variant_id: int
    location_id: int
    quantity: int


class Level(NamedTuple):
    """What one location has of one variant, the locations in priority order."""

    variant_id: int
    location_id: int
    available: int


def allocate(lines: Mapping[int, int], levels: Sequence[Level],
             locations: Sequence[int]) -> tuple[list[Allocation], dict[int, int]]:
    """The allocations for ``lines`` ({variant_id: quantity}) from ``levels`` at
    ``locations`` (ids, in priority order), and the short lines ({variant_id: available in
    all}); allocations only when nothing is short."""
    have: dict[tuple[int, int], int] = {}
    for level in levels:
        have[(level.variant_id, level.location_id)] = max(0, level.available)
    for location_id in locations:
        if all(have.get((variant_id, location_id), 0) >= quantity
               for variant_id, quantity in lines.items()):
            return [Allocation(variant_id, location_id, quantity)
                    for variant_id, quantity in sorted(lines.items())], {}
    allocations, short = [], {}
    for variant_id, quantity in sorted(lines.items()):
        total = sum(have.get((variant_id, location_id), 0) for location_id in locations)
        if total < quantity:
            short[variant_id] = total
            continue
        left = quantity
        for location_id in locations:
            take = min(left, have.get((variant_id, location_id), 0))
            if take:
                allocations.append(Allocation(variant_id, location_id, take))
                left -= take
            if not left:
                break
    return (allocations, {}) if not short else ([], short)


def give_back(held: Sequence[Allocation], fewer: Mapping[int, int]) -> list[Allocation]:
    """Where ``fewer`` ({variant_id: quantity}) of an order's units come back from: the
    last taken first (the lowest-priority location of a split), never more than ``held``
    holds; raises ``ValueError`` when it holds too few."""
    back: list[Allocation] = []
    for variant_id, quantity in sorted(fewer.items()):
        left = quantity
        for allocation in reversed(held):
            if left == 0:
                break
            if allocation.variant_id == variant_id and allocation.quantity > 0:
                part = min(left, allocation.quantity)
                back.append(Allocation(variant_id, allocation.location_id, part))
                left -= part
        if left:
            raise ValueError(f"variant {variant_id}: {quantity} asked back, "
                             f"{quantity - left} held")
    return back


def combine(held: Sequence[Allocation], taken: Sequence[Allocation],
            given: Sequence[Allocation]) -> list[Allocation]:
    """``held`` with ``taken`` added and ``given`` taken away, one per (variant,
    location), in the order first held; none left at zero."""
    totals: dict[tuple[int, int], int] = {}
    for allocation in [*held, *taken]:
        key = (allocation.variant_id, allocation.location_id)
        totals[key] = totals.get(key, 0) + allocation.quantity
    for allocation in given:
        totals[(allocation.variant_id, allocation.location_id)] -= allocation.quantity
    return [Allocation(variant_id, location_id, quantity)
            for (variant_id, location_id), quantity in totals.items() if quantity > 0]
