from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

T = TypeVar("T", bound="CartItem")


@_attrs_define
class CartItem:
    """
    Attributes:
        available (int):
        id (int):
        line_total (int | None):
        product_name (str):
        quantity (int):
        sku (str):
        unit_price (int | None): In the cart's currency; null when the variant has lost its price in it since it was
            added (checkout then refuses the cart)
        variant_id (int):
        variant_name (str):
    """

    available: int
    id: int
    line_total: int | None
    product_name: str
    quantity: int
    sku: str
    unit_price: int | None
    variant_id: int
    variant_name: str

    def to_dict(self) -> dict[str, Any]:
        available = self.available

        id = self.id

        line_total: int | None
        line_total = self.line_total

        product_name = self.product_name

        quantity = self.quantity

        sku = self.sku

        unit_price: int | None
        unit_price = self.unit_price

        variant_id = self.variant_id

        variant_name = self.variant_name

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "available": available,
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
        available = d.pop("available")

        id = d.pop("id")

        def _parse_line_total(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        line_total = _parse_line_total(d.pop("line_total"))

        product_name = d.pop("product_name")

        quantity = d.pop("quantity")

        sku = d.pop("sku")

        def _parse_unit_price(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        unit_price = _parse_unit_price(d.pop("unit_price"))

        variant_id = d.pop("variant_id")

        variant_name = d.pop("variant_name")

        cart_item = cls(
            available=available,
            id=id,
            line_total=line_total,
            product_name=product_name,
            quantity=quantity,
            sku=sku,
            unit_price=unit_price,
            variant_id=variant_id,
            variant_name=variant_name,
        )

        return cart_item
