from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="ReceivedLine")


@_attrs_define
class ReceivedLine:
    """
    Attributes:
        order_item_id (int):
        quantity (int):
        location_id (int | Unset): Where it goes back (default: where it was taken)
        restock (bool | Unset): Back on hand (false: damaged, not restocked); a line may come in two entries, restocked
            and damaged Default: True.
    """

    order_item_id: int
    quantity: int
    location_id: int | Unset = UNSET
    restock: bool | Unset = True

    def to_dict(self) -> dict[str, Any]:
        order_item_id = self.order_item_id

        quantity = self.quantity

        location_id = self.location_id

        restock = self.restock

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "order_item_id": order_item_id,
                "quantity": quantity,
            }
        )
        if location_id is not UNSET:
            field_dict["location_id"] = location_id
        if restock is not UNSET:
            field_dict["restock"] = restock

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        order_item_id = d.pop("order_item_id")

        quantity = d.pop("quantity")

        location_id = d.pop("location_id", UNSET)

        restock = d.pop("restock", UNSET)

        received_line = cls(
            order_item_id=order_item_id,
            quantity=quantity,
            location_id=location_id,
            restock=restock,
        )

        return received_line
