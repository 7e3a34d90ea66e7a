from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

T = TypeVar("T", bound="ReturnLine")


@_attrs_define
class ReturnLine:
    """
    Attributes:
        location_id (int | None):
        order_item_id (int):
        quantity (int):
        reason (str):
        received_quantity (int | None):
        restocked_quantity (int | None): Of the received units, those back on hand (the rest were damaged)
    """

    location_id: int | None
    order_item_id: int
    quantity: int
    reason: str
    received_quantity: int | None
    restocked_quantity: int | None

    def to_dict(self) -> dict[str, Any]:
        location_id: int | None
        location_id = self.location_id

        order_item_id = self.order_item_id

        quantity = self.quantity

        reason = self.reason

        received_quantity: int | None
        received_quantity = self.received_quantity

        restocked_quantity: int | None
        restocked_quantity = self.restocked_quantity

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "location_id": location_id,
                "order_item_id": order_item_id,
                "quantity": quantity,
                "reason": reason,
                "received_quantity": received_quantity,
                "restocked_quantity": restocked_quantity,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_location_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        location_id = _parse_location_id(d.pop("location_id"))

        order_item_id = d.pop("order_item_id")

        quantity = d.pop("quantity")

        reason = d.pop("reason")

        def _parse_received_quantity(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        received_quantity = _parse_received_quantity(d.pop("received_quantity"))

        def _parse_restocked_quantity(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        restocked_quantity = _parse_restocked_quantity(d.pop("restocked_quantity"))

        return_line = cls(
            location_id=location_id,
            order_item_id=order_item_id,
            quantity=quantity,
            reason=reason,
            received_quantity=received_quantity,
            restocked_quantity=restocked_quantity,
        )

        return return_line
