from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

T = TypeVar("T", bound="TopProduct")


@_attrs_define
class TopProduct:
    """
    Attributes:
        name (str):
        product_id (int | None):
        revenue (int):
        units (int):
    """

    name: str
    product_id: int | None
    revenue: int
    units: int

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        product_id: int | None
        product_id = self.product_id

        revenue = self.revenue

        units = self.units

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
                "product_id": product_id,
                "revenue": revenue,
                "units": units,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        def _parse_product_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        product_id = _parse_product_id(d.pop("product_id"))

        revenue = d.pop("revenue")

        units = d.pop("units")

        top_product = cls(
            name=name,
            product_id=product_id,
            revenue=revenue,
            units=units,
        )

        return top_product
