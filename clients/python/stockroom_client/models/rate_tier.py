from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="RateTier")


@_attrs_define
class RateTier:
    """
    Attributes:
        max_weight_g (int):
        price (int):
    """

    max_weight_g: int
    price: int

    def to_dict(self) -> dict[str, Any]:
        max_weight_g = self.max_weight_g

        price = self.price

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "max_weight_g": max_weight_g,
                "price": price,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        max_weight_g = d.pop("max_weight_g")

        price = d.pop("price")

        rate_tier = cls(
            max_weight_g=max_weight_g,
            price=price,
        )

        return rate_tier
