from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.tax_rate_create_country import TaxRateCreateCountry
from ..types import UNSET, Unset

T = TypeVar("T", bound="TaxRateCreate")


@_attrs_define
class TaxRateCreate:
    """
    Attributes:
        country (TaxRateCreateCountry):
        name (str):
        rate_bps (int): Basis points: 2000 is 20 %
        applies_to_shipping (bool | Unset):  Default: True.
        region (None | str | Unset): Absent: the whole country
    """

    country: TaxRateCreateCountry
    name: str
    rate_bps: int
    applies_to_shipping: bool | Unset = True
    region: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        country = self.country.value

        name = self.name

        rate_bps = self.rate_bps

        applies_to_shipping = self.applies_to_shipping

        region: None | str | Unset
        if isinstance(self.region, Unset):
            region = UNSET
        else:
            region = self.region

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "country": country,
                "name": name,
                "rate_bps": rate_bps,
            }
        )
        if applies_to_shipping is not UNSET:
            field_dict["applies_to_shipping"] = applies_to_shipping
        if region is not UNSET:
            field_dict["region"] = region

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        country = TaxRateCreateCountry(d.pop("country"))

        name = d.pop("name")

        rate_bps = d.pop("rate_bps")

        applies_to_shipping = d.pop("applies_to_shipping", UNSET)

        def _parse_region(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        region = _parse_region(d.pop("region", UNSET))

        tax_rate_create = cls(
            country=country,
            name=name,
            rate_bps=rate_bps,
            applies_to_shipping=applies_to_shipping,
            region=region,
        )

        return tax_rate_create
