from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="EditLine")


@_attrs_define
class EditLine:
    """
    Attributes:
        order_item_id (int):
        quantity (int):
        sku (str):
        unit_price (int):
    """

    order_item_id: int
    quantity: int
    sku: str
    unit_price: int

    def to_dict(self) -> dict[str, Any]:
        order_item_id = self.order_item_id

        quantity = self.quantity

        sku = self.sku

        unit_price = self.unit_price

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "order_item_id": order_item_id,
                "quantity": quantity,
                "sku": sku,
                "unit_price": unit_price,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        order_item_id = d.pop("order_item_id")

        quantity = d.pop("quantity")

        sku = d.pop("sku")

        unit_price = d.pop("unit_price")

        edit_line = cls(
            order_item_id=order_item_id,
            quantity=quantity,
            sku=sku,
            unit_price=unit_price,
        )

        return edit_line
