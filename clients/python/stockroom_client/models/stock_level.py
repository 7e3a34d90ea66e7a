from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="StockLevel")


@_attrs_define
class StockLevel:
    """
    Attributes:
        available (int):
        location_id (int):
        on_hand (int):
        reserved (int):
    """

    available: int
    location_id: int
    on_hand: int
    reserved: int

    def to_dict(self) -> dict[str, Any]:
        available = self.available

        location_id = self.location_id

        on_hand = self.on_hand

        reserved = self.reserved

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "available": available,
                "location_id": location_id,
                "on_hand": on_hand,
                "reserved": reserved,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        available = d.pop("available")

        location_id = d.pop("location_id")

        on_hand = d.pop("on_hand")

        reserved = d.pop("reserved")

        stock_level = cls(
            available=available,
            location_id=location_id,
            on_hand=on_hand,
            reserved=reserved,
        )

        return stock_level
