from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.zone_update_countries_item import ZoneUpdateCountriesItem
from ..types import UNSET, Unset

T = TypeVar("T", bound="ZoneUpdate")


@_attrs_define
class ZoneUpdate:
    """
    Attributes:
        countries (list[ZoneUpdateCountriesItem] | Unset):
        name (str | Unset):
    """

    countries: list[ZoneUpdateCountriesItem] | Unset = UNSET
    name: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        countries: list[str] | Unset = UNSET
        if not isinstance(self.countries, Unset):
            countries = []
            for countries_item_data in self.countries:
                countries_item = countries_item_data.value
                countries.append(countries_item)

        name = self.name

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if countries is not UNSET:
            field_dict["countries"] = countries
        if name is not UNSET:
            field_dict["name"] = name

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        _countries = d.pop("countries", UNSET)
        countries: list[ZoneUpdateCountriesItem] | Unset = UNSET
        if _countries is not UNSET:
            countries = []
            for countries_item_data in _countries:
                countries_item = ZoneUpdateCountriesItem(countries_item_data)

                countries.append(countries_item)

        name = d.pop("name", UNSET)

        zone_update = cls(
            countries=countries,
            name=name,
        )

        return zone_update
