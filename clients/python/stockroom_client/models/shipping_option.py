from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

T = TypeVar("T", bound="ShippingOption")


@_attrs_define
class ShippingOption:
    """
    Attributes:
        currency (str):
        estimated_days (int | None):
        id (int):
        name (str):
        price (int):
    """

    currency: str
    estimated_days: int | None
    id: int
    name: str
    price: int

    def to_dict(self) -> dict[str, Any]:
        currency = self.currency

        estimated_days: int | None
        estimated_days = self.estimated_days

        id = self.id

        name = self.name

        price = self.price

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "currency": currency,
                "estimated_days": estimated_days,
                "id": id,
                "name": name,
                "price": price,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        currency = d.pop("currency")

        def _parse_estimated_days(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        estimated_days = _parse_estimated_days(d.pop("estimated_days"))

        id = d.pop("id")

        name = d.pop("name")

        price = d.pop("price")

        shipping_option = cls(
            currency=currency,
            estimated_days=estimated_days,
            id=id,
            name=name,
            price=price,
        )

        return shipping_option
