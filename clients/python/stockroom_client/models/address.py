from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

T = TypeVar("T", bound="Address")


@_attrs_define
class Address:
    """
    Attributes:
        city (str):
        country (str):
        created_at (datetime.datetime):
        full_name (str):
        id (int):
        is_default (bool):
        line1 (str):
        line2 (None | str):
        phone (None | str):
        postal_code (str):
        region (None | str):
    """

    city: str
    country: str
    created_at: datetime.datetime
    full_name: str
    id: int
    is_default: bool
    line1: str
    line2: None | str
    phone: None | str
    postal_code: str
    region: None | str

    def to_dict(self) -> dict[str, Any]:
        city = self.city

        country = self.country

        created_at = self.created_at.isoformat()

        full_name = self.full_name

        id = self.id

        is_default = self.is_default

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
                "created_at": created_at,
                "full_name": full_name,
                "id": id,
                "is_default": is_default,
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

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        full_name = d.pop("full_name")

        id = d.pop("id")

        is_default = d.pop("is_default")

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

        address = cls(
            city=city,
            country=country,
            created_at=created_at,
            full_name=full_name,
            id=id,
            is_default=is_default,
            line1=line1,
            line2=line2,
            phone=phone,
            postal_code=postal_code,
            region=region,
        )

        return address
