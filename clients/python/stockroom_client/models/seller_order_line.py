from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.seller_order_line_status import SellerOrderLineStatus

T = TypeVar("T", bound="SellerOrderLine")


@_attrs_define
class SellerOrderLine:
    """
    Attributes:
        created_at (datetime.datetime):
        currency (str):
        id (int): The line's id (shipments and returns name lines by it)
        line_total (int):
        number (str):
        order_id (int):
        product_id (int | None):
        product_name (str):
        quantity (int):
        sku (str):
        status (SellerOrderLineStatus):
        unit_price (int):
        variant_id (int | None):
        variant_name (str):
    """

    created_at: datetime.datetime
    currency: str
    id: int
    line_total: int
    number: str
    order_id: int
    product_id: int | None
    product_name: str
    quantity: int
    sku: str
    status: SellerOrderLineStatus
    unit_price: int
    variant_id: int | None
    variant_name: str

    def to_dict(self) -> dict[str, Any]:
        created_at = self.created_at.isoformat()

        currency = self.currency

        id = self.id

        line_total = self.line_total

        number = self.number

        order_id = self.order_id

        product_id: int | None
        product_id = self.product_id

        product_name = self.product_name

        quantity = self.quantity

        sku = self.sku

        status = self.status.value

        unit_price = self.unit_price

        variant_id: int | None
        variant_id = self.variant_id

        variant_name = self.variant_name

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "created_at": created_at,
                "currency": currency,
                "id": id,
                "line_total": line_total,
                "number": number,
                "order_id": order_id,
                "product_id": product_id,
                "product_name": product_name,
                "quantity": quantity,
                "sku": sku,
                "status": status,
                "unit_price": unit_price,
                "variant_id": variant_id,
                "variant_name": variant_name,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        currency = d.pop("currency")

        id = d.pop("id")

        line_total = d.pop("line_total")

        number = d.pop("number")

        order_id = d.pop("order_id")

        def _parse_product_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        product_id = _parse_product_id(d.pop("product_id"))

        product_name = d.pop("product_name")

        quantity = d.pop("quantity")

        sku = d.pop("sku")

        status = SellerOrderLineStatus(d.pop("status"))

        unit_price = d.pop("unit_price")

        def _parse_variant_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        variant_id = _parse_variant_id(d.pop("variant_id"))

        variant_name = d.pop("variant_name")

        seller_order_line = cls(
            created_at=created_at,
            currency=currency,
            id=id,
            line_total=line_total,
            number=number,
            order_id=order_id,
            product_id=product_id,
            product_name=product_name,
            quantity=quantity,
            sku=sku,
            status=status,
            unit_price=unit_price,
            variant_id=variant_id,
            variant_name=variant_name,
        )

        return seller_order_line
