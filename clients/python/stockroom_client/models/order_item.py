from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

T = TypeVar("T", bound="OrderItem")


@_attrs_define
class OrderItem:
    """
    Attributes:
        id (int): The line's id (shipments and returns name lines by it)
        line_total (int):
        product_name (str):
        quantity (int):
        sku (str):
        unit_price (int):
        variant_id (int | None):
        variant_name (str):
    """

    id: int
    line_total: int
    product_name: str
    quantity: int
    sku: str
    unit_price: int
    variant_id: int | None
    variant_name: str

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        line_total = self.line_total

        product_name = self.product_name

        quantity = self.quantity

        sku = self.sku

        unit_price = self.unit_price

        variant_id: int | None
        variant_id = self.variant_id

        variant_name = self.variant_name

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id": id,
                "line_total": line_total,
                "product_name": product_name,
                "quantity": quantity,
                "sku": sku,
                "unit_price": unit_price,
                "variant_id": variant_id,
                "variant_name": variant_name,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        line_total = d.pop("line_total")

        product_name = d.pop("product_name")

        quantity = d.pop("quantity")

        sku = d.pop("sku")

        unit_price = d.pop("unit_price")

        def _parse_variant_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        variant_id = _parse_variant_id(d.pop("variant_id"))

        variant_name = d.pop("variant_name")

        order_item = cls(
            id=id,
            line_total=line_total,
            product_name=product_name,
            quantity=quantity,
            sku=sku,
            unit_price=unit_price,
            variant_id=variant_id,
            variant_name=variant_name,
        )

        return order_item
