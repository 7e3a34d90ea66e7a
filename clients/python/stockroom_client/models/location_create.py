from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.location_create_country import LocationCreateCountry
from ..types import UNSET, Unset

T = TypeVar("T", bound="LocationCreate")


@_attrs_define
class LocationCreate:
    """
    Attributes:
        code (str):
        name (str):
        active (bool | Unset):  Default: True.
        country (LocationCreateCountry | Unset): Where it is (ISO 3166-1 alpha-2)
        priority (int | Unset):  Default: 100.
    """

    code: str
    name: str
    active: bool | Unset = True
    country: LocationCreateCountry | Unset = UNSET
    priority: int | Unset = 100

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        name = self.name

        active = self.active

        country: str | Unset = UNSET
        if not isinstance(self.country, Unset):
            country = self.country.value

        priority = self.priority

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "code": code,
                "name": name,
            }
        )
        if active is not UNSET:
            field_dict["active"] = active
        if country is not UNSET:
            field_dict["country"] = country
        if priority is not UNSET:
            field_dict["priority"] = priority

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        code = d.pop("code")

        name = d.pop("name")

        active = d.pop("active", UNSET)

        _country = d.pop("country", UNSET)
        country: LocationCreateCountry | Unset
        if isinstance(_country, Unset):
            country = UNSET
        else:
            country = LocationCreateCountry(_country)

        priority = d.pop("priority", UNSET)

        location_create = cls(
            code=code,
            name=name,
            active=active,
            country=country,
            priority=priority,
        )

        return location_create
