from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.zone_create_countries_item import ZoneCreateCountriesItem
from ..types import UNSET, Unset

T = TypeVar("T", bound="ZoneCreate")


@_attrs_define
class ZoneCreate:
    """
    Attributes:
        name (str):
        countries (list[ZoneCreateCountriesItem] | Unset):
    """

    name: str
    countries: list[ZoneCreateCountriesItem] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        countries: list[str] | Unset = UNSET
        if not isinstance(self.countries, Unset):
            countries = []
            for countries_item_data in self.countries:
                countries_item = countries_item_data.value
                countries.append(countries_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
            }
        )
        if countries is not UNSET:
            field_dict["countries"] = countries

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        _countries = d.pop("countries", UNSET)
        countries: list[ZoneCreateCountriesItem] | Unset = UNSET
        if _countries is not UNSET:
            countries = []
            for countries_item_data in _countries:
                countries_item = ZoneCreateCountriesItem(countries_item_data)

                countries.append(countries_item)

        zone_create = cls(
            name=name,
            countries=countries,
        )

        return zone_create
