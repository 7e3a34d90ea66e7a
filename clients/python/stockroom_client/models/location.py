from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

T = TypeVar("T", bound="Location")


@_attrs_define
class Location:
    """
    Attributes:
        active (bool): Checkout takes no stock from an inactive location
        code (str):
        country (None | str):
        id (int):
        name (str):
        priority (int): Checkout takes stock from the lowest first
    """

    active: bool
    code: str
    country: None | str
    id: int
    name: str
    priority: int

    def to_dict(self) -> dict[str, Any]:
        active = self.active

        code = self.code

        country: None | str
        country = self.country

        id = self.id

        name = self.name

        priority = self.priority

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "active": active,
                "code": code,
                "country": country,
                "id": id,
                "name": name,
                "priority": priority,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        active = d.pop("active")

        code = d.pop("code")

        def _parse_country(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        country = _parse_country(d.pop("country"))

        id = d.pop("id")

        name = d.pop("name")

        priority = d.pop("priority")

        location = cls(
            active=active,
            code=code,
            country=country,
            id=id,
            name=name,
            priority=priority,
        )

        return location
