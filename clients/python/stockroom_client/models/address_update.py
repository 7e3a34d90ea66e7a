from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.address_update_country import AddressUpdateCountry
from ..types import UNSET, Unset

T = TypeVar("T", bound="AddressUpdate")


@_attrs_define
class AddressUpdate:
    """
    Attributes:
        city (str | Unset):
        country (AddressUpdateCountry | Unset):
        full_name (str | Unset):
        is_default (bool | Unset):
        line1 (str | Unset):
        line2 (None | str | Unset):
        phone (None | str | Unset):
        postal_code (str | Unset):
        region (None | str | Unset):
    """

    city: str | Unset = UNSET
    country: AddressUpdateCountry | Unset = UNSET
    full_name: str | Unset = UNSET
    is_default: bool | Unset = UNSET
    line1: str | Unset = UNSET
    line2: None | str | Unset = UNSET
    phone: None | str | Unset = UNSET
    postal_code: str | Unset = UNSET
    region: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        city = self.city

        country: str | Unset = UNSET
        if not isinstance(self.country, Unset):
            country = self.country.value

        full_name = self.full_name

        is_default = self.is_default

        line1 = self.line1

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

        postal_code = self.postal_code

        region: None | str | Unset
        if isinstance(self.region, Unset):
            region = UNSET
        else:
            region = self.region

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if city is not UNSET:
            field_dict["city"] = city
        if country is not UNSET:
            field_dict["country"] = country
        if full_name is not UNSET:
            field_dict["full_name"] = full_name
        if is_default is not UNSET:
            field_dict["is_default"] = is_default
        if line1 is not UNSET:
            field_dict["line1"] = line1
        if line2 is not UNSET:
            field_dict["line2"] = line2
        if phone is not UNSET:
            field_dict["phone"] = phone
        if postal_code is not UNSET:
            field_dict["postal_code"] = postal_code
        if region is not UNSET:
            field_dict["region"] = region

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        city = d.pop("city", UNSET)

        _country = d.pop("country", UNSET)
        country: AddressUpdateCountry | Unset
        if isinstance(_country, Unset):
            country = UNSET
        else:
            country = AddressUpdateCountry(_country)

        full_name = d.pop("full_name", UNSET)

        is_default = d.pop("is_default", UNSET)

        line1 = d.pop("line1", UNSET)

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

        postal_code = d.pop("postal_code", UNSET)

        def _parse_region(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        region = _parse_region(d.pop("region", UNSET))

        address_update = cls(
            city=city,
            country=country,
            full_name=full_name,
            is_default=is_default,
            line1=line1,
            line2=line2,
            phone=phone,
            postal_code=postal_code,
            region=region,
        )

        return address_update
