from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="Inventory")


@_attrs_define
class Inventory:
    """
    Attributes:
        on_hand (int): At the location
        location_id (int | Unset): The stock location (default: the default location)
        low_stock_threshold (int | Unset):
    """

    on_hand: int
    location_id: int | Unset = UNSET
    low_stock_threshold: int | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        on_hand = self.on_hand

        location_id = self.location_id

        low_stock_threshold = self.low_stock_threshold

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "on_hand": on_hand,
            }
        )
        if location_id is not UNSET:
            field_dict["location_id"] = location_id
        if low_stock_threshold is not UNSET:
            field_dict["low_stock_threshold"] = low_stock_threshold

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        on_hand = d.pop("on_hand")

        location_id = d.pop("location_id", UNSET)

        low_stock_threshold = d.pop("low_stock_threshold", UNSET)

        inventory = cls(
            on_hand=on_hand,
            location_id=location_id,
            low_stock_threshold=low_stock_threshold,
        )

        return inventory
