from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="EditAdd")


@_attrs_define
class EditAdd:
    """
    Attributes:
        quantity (int):
        variant_id (int):
    """

    quantity: int
    variant_id: int

    def to_dict(self) -> dict[str, Any]:
        quantity = self.quantity

        variant_id = self.variant_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "quantity": quantity,
                "variant_id": variant_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        quantity = d.pop("quantity")

        variant_id = d.pop("variant_id")

        edit_add = cls(
            quantity=quantity,
            variant_id=variant_id,
        )

        return edit_add
