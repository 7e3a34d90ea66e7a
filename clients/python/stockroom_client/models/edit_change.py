from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="EditChange")


@_attrs_define
class EditChange:
    """
    Attributes:
        order_item_id (int):
        quantity (int):
    """

    order_item_id: int
    quantity: int

    def to_dict(self) -> dict[str, Any]:
        order_item_id = self.order_item_id

        quantity = self.quantity

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "order_item_id": order_item_id,
                "quantity": quantity,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        order_item_id = d.pop("order_item_id")

        quantity = d.pop("quantity")

        edit_change = cls(
            order_item_id=order_item_id,
            quantity=quantity,
        )

        return edit_change
