from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="ShippingMethodSnapshot")


@_attrs_define
class ShippingMethodSnapshot:
    """
    Attributes:
        id (int):
        name (str):
        price (int):
    """

    id: int
    name: str
    price: int

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        name = self.name

        price = self.price

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id": id,
                "name": name,
                "price": price,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        name = d.pop("name")

        price = d.pop("price")

        shipping_method_snapshot = cls(
            id=id,
            name=name,
            price=price,
        )

        return shipping_method_snapshot
