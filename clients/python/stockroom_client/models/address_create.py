from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.address_create_country import AddressCreateCountry
from ..types import UNSET, Unset

T = TypeVar("T", bound="AddressCreate")


@_attrs_define
class AddressCreate:
    """
    Attributes:
        city (str):
        country (AddressCreateCountry):
        full_name (str):
        line1 (str):
        postal_code (str):
        is_default (bool | Unset):  Default: False.
        line2 (None | str | Unset):
        phone (None | str | Unset):
        region (None | str | Unset):
    """

    city: str
    country: AddressCreateCountry
    full_name: str
    line1: str
    postal_code: str
    is_default: bool | Unset = False
    line2: None | str | Unset = UNSET
    phone: None | str | Unset = UNSET
    region: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        city = self.city

        country = self.country.value

        full_name = self.full_name

        line1 = self.line1

        postal_code = self.postal_code

        is_default = self.is_default

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
        if is_default is not UNSET:
            field_dict["is_default"] = is_default
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

        country = AddressCreateCountry(d.pop("country"))

        full_name = d.pop("full_name")

        line1 = d.pop("line1")

        postal_code = d.pop("postal_code")

        is_default = d.pop("is_default", UNSET)

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

        address_create = cls(
            city=city,
            country=country,
            full_name=full_name,
            line1=line1,
            postal_code=postal_code,
            is_default=is_default,
            line2=line2,
            phone=phone,
            region=region,
        )

        return address_create
