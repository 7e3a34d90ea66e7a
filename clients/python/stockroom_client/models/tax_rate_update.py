from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.tax_rate_update_country import TaxRateUpdateCountry
from ..types import UNSET, Unset

T = TypeVar("T", bound="TaxRateUpdate")


@_attrs_define
class TaxRateUpdate:
    """
    Attributes:
        applies_to_shipping (bool | Unset):
        country (TaxRateUpdateCountry | Unset):
        name (str | Unset):
        rate_bps (int | Unset): Basis points: 2000 is 20 %
        region (None | str | Unset): Absent: the whole country
    """

    applies_to_shipping: bool | Unset = UNSET
    country: TaxRateUpdateCountry | Unset = UNSET
    name: str | Unset = UNSET
    rate_bps: int | Unset = UNSET
    region: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        applies_to_shipping = self.applies_to_shipping

        country: str | Unset = UNSET
        if not isinstance(self.country, Unset):
            country = self.country.value

        name = self.name

        rate_bps = self.rate_bps

        region: None | str | Unset
        if isinstance(self.region, Unset):
            region = UNSET
        else:
            region = self.region

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if applies_to_shipping is not UNSET:
            field_dict["applies_to_shipping"] = applies_to_shipping
        if country is not UNSET:
            field_dict["country"] = country
        if name is not UNSET:
            field_dict["name"] = name
        if rate_bps is not UNSET:
            field_dict["rate_bps"] = rate_bps
        if region is not UNSET:
            field_dict["region"] = region

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        applies_to_shipping = d.pop("applies_to_shipping", UNSET)

        _country = d.pop("country", UNSET)
        country: TaxRateUpdateCountry | Unset
        if isinstance(_country, Unset):
            country = UNSET
        else:
            country = TaxRateUpdateCountry(_country)

        name = d.pop("name", UNSET)

        rate_bps = d.pop("rate_bps", UNSET)

        def _parse_region(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        region = _parse_region(d.pop("region", UNSET))

        tax_rate_update = cls(
            applies_to_shipping=applies_to_shipping,
            country=country,
            name=name,
            rate_bps=rate_bps,
            region=region,
        )

        return tax_rate_update
