from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="ReturnLineInput")


@_attrs_define
class ReturnLineInput:
    """
    Attributes:
        order_item_id (int):
        quantity (int):
        reason (str | Unset):
    """

    order_item_id: int
    quantity: int
    reason: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        order_item_id = self.order_item_id

        quantity = self.quantity

        reason = self.reason

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "order_item_id": order_item_id,
                "quantity": quantity,
            }
        )
        if reason is not UNSET:
            field_dict["reason"] = reason

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        order_item_id = d.pop("order_item_id")

        quantity = d.pop("quantity")

        reason = d.pop("reason", UNSET)

        return_line_input = cls(
            order_item_id=order_item_id,
            quantity=quantity,
            reason=reason,
        )

        return return_line_input
