from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.shipping_address_input_country import ShippingAddressInputCountry
from ..types import UNSET, Unset

T = TypeVar("T", bound="ShippingAddressInput")


@_attrs_define
class ShippingAddressInput:
    """
    Attributes:
        city (str):
        country (ShippingAddressInputCountry):
        full_name (str):
        line1 (str):
        postal_code (str):
        line2 (None | str | Unset):
        phone (None | str | Unset):
        region (None | str | Unset):
    """

    city: str
    country: ShippingAddressInputCountry
    full_name: str
    line1: str
    postal_code: str
    line2: None | str | Unset = UNSET
    phone: None | str | Unset = UNSET
    region: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        city = self.city

        country = self.country.value

        full_name = self.full_name

        line1 = self.line1

        postal_code = self.postal_code

        line2: None | str | Unset
        if isinstance(self.line2, Unset):
            line2 = UNSET
        else:
            line2 = self.line2

        phone: None | str | Unset
        if isinstance(self.phone, Unset):
            phone = UNSET
        else:
            phone = self.phone

        region: None | str | Unset
        if isinstance(self.region, Unset):
            region = UNSET
        else:
            region = self.region

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "city": city,
                "country": country,
                "full_name": full_name,
                "line1": line1,
                "postal_code": postal_code,
            }
        )
        if line2 is not UNSET:
            field_dict["line2"] = line2
        if phone is not UNSET:
            field_dict["phone"] = phone
        if region is not UNSET:
            field_dict["region"] = region

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        city = d.pop("city")

        country = ShippingAddressInputCountry(d.pop("country"))

        full_name = d.pop("full_name")

        line1 = d.pop("line1")

        postal_code = d.pop("postal_code")

        def _parse_line2(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        line2 = _parse_line2(d.pop("line2", UNSET))

        def _parse_phone(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        phone = _parse_phone(d.pop("phone", UNSET))

        def _parse_region(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        region = _parse_region(d.pop("region", UNSET))

        shipping_address_input = cls(
            city=city,
            country=country,
            full_name=full_name,
            line1=line1,
            postal_code=postal_code,
            line2=line2,
            phone=phone,
            region=region,
        )

        return shipping_address_input
