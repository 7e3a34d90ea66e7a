from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

T = TypeVar("T", bound="TaxRate")


@_attrs_define
class TaxRate:
    """
    Attributes:
        applies_to_shipping (bool):
        country (str):
        id (int):
        name (str):
        rate_bps (int):
        region (None | str):
    """

    applies_to_shipping: bool
    country: str
    id: int
    name: str
    rate_bps: int
    region: None | str

    def to_dict(self) -> dict[str, Any]:
        applies_to_shipping = self.applies_to_shipping

        country = self.country

        id = self.id

        name = self.name

        rate_bps = self.rate_bps

        region: None | str
        region = self.region

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "applies_to_shipping": applies_to_shipping,
                "country": country,
                "id": id,
                "name": name,
                "rate_bps": rate_bps,
                "region": region,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        applies_to_shipping = d.pop("applies_to_shipping")

        country = d.pop("country")

        id = d.pop("id")

        name = d.pop("name")

        rate_bps = d.pop("rate_bps")

        def _parse_region(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        region = _parse_region(d.pop("region"))

        tax_rate = cls(
            applies_to_shipping=applies_to_shipping,
            country=country,
            id=id,
            name=name,
            rate_bps=rate_bps,
            region=region,
        )

        return tax_rate
