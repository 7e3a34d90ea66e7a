from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

T = TypeVar("T", bound="OrderAddress")


@_attrs_define
class OrderAddress:
    """
    Attributes:
        city (str):
        country (str):
        full_name (str):
        line1 (str):
        line2 (None | str):
        phone (None | str):
        postal_code (str):
        region (None | str):
    """

    city: str
    country: str
    full_name: str
    line1: str
    line2: None | str
    phone: None | str
    postal_code: str
    region: None | str

    def to_dict(self) -> dict[str, Any]:
        city = self.city

        country = self.country

        full_name = self.full_name

        line1 = self.line1

        line2: None | str
        line2 = self.line2

        phone: None | str
        phone = self.phone

        postal_code = self.postal_code

        region: None | str
        region = self.region

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "city": city,
                "country": country,
                "full_name": full_name,
                "line1": line1,
                "line2": line2,
                "phone": phone,
                "postal_code": postal_code,
                "region": region,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        city = d.pop("city")

        country = d.pop("country")

        full_name = d.pop("full_name")

        line1 = d.pop("line1")

        def _parse_line2(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        line2 = _parse_line2(d.pop("line2"))

        def _parse_phone(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        phone = _parse_phone(d.pop("phone"))

        postal_code = d.pop("postal_code")

        def _parse_region(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        region = _parse_region(d.pop("region"))

        order_address = cls(
            city=city,
            country=country,
            full_name=full_name,
            line1=line1,
            line2=line2,
            phone=phone,
            postal_code=postal_code,
            region=region,
        )

        return order_address
