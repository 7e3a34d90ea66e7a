from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.location_update_country import LocationUpdateCountry
from ..types import UNSET, Unset

T = TypeVar("T", bound="LocationUpdate")


@_attrs_define
class LocationUpdate:
    """
    Attributes:
        active (bool | Unset):
        code (str | Unset):
        country (LocationUpdateCountry | Unset): Where it is (ISO 3166-1 alpha-2)
        name (str | Unset):
        priority (int | Unset):
    """

    active: bool | Unset = UNSET
    code: str | Unset = UNSET
    country: LocationUpdateCountry | Unset = UNSET
    name: str | Unset = UNSET
    priority: int | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        active = self.active

        code = self.code

        country: str | Unset = UNSET
        if not isinstance(self.country, Unset):
            country = self.country.value

        name = self.name

        priority = self.priority

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if active is not UNSET:
            field_dict["active"] = active
        if code is not UNSET:
            field_dict["code"] = code
        if country is not UNSET:
            field_dict["country"] = country
        if name is not UNSET:
            field_dict["name"] = name
        if priority is not UNSET:
            field_dict["priority"] = priority

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        active = d.pop("active", UNSET)

        code = d.pop("code", UNSET)

        _country = d.pop("country", UNSET)
        country: LocationUpdateCountry | Unset
        if isinstance(_country, Unset):
            country = UNSET
        else:
            country = LocationUpdateCountry(_country)

        name = d.pop("name", UNSET)

        priority = d.pop("priority", UNSET)

        location_update = cls(
            active=active,
            code=code,
            country=country,
            name=name,
            priority=priority,
        )

        return location_update
