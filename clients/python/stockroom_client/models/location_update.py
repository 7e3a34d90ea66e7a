from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.location_update_country_type_1 import LocationUpdateCountryType1
from ..models.location_update_country_type_2_type_1 import LocationUpdateCountryType2Type1
from ..models.location_update_country_type_3_type_1 import LocationUpdateCountryType3Type1
from ..types import UNSET, Unset

T = TypeVar("T", bound="LocationUpdate")


@_attrs_define
class LocationUpdate:
    """
    Attributes:
        active (bool | Unset):
        code (str | Unset):
        country (LocationUpdateCountryType1 | LocationUpdateCountryType2Type1 | LocationUpdateCountryType3Type1 | None |
            Unset):
        name (str | Unset):
        priority (int | Unset):
    """

    active: bool | Unset = UNSET
    code: str | Unset = UNSET
    country: (
        LocationUpdateCountryType1 | LocationUpdateCountryType2Type1 | LocationUpdateCountryType3Type1 | None | Unset
    ) = UNSET
    name: str | Unset = UNSET
    priority: int | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        active = self.active

        code = self.code

        country: None | str | Unset
        if isinstance(self.country, Unset):
            country = UNSET
        elif isinstance(self.country, LocationUpdateCountryType1):
            country = self.country.value
        elif isinstance(self.country, LocationUpdateCountryType2Type1):
            country = self.country.value
        elif isinstance(self.country, LocationUpdateCountryType3Type1):
            country = self.country.value
        else:
            country = self.country

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

        def _parse_country(
            data: object,
        ) -> (
            LocationUpdateCountryType1
            | LocationUpdateCountryType2Type1
            | LocationUpdateCountryType3Type1
            | None
            | Unset
        ):
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                country_type_1 = LocationUpdateCountryType1(data)

                return country_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, str):
                    raise TypeError()
                country_type_2_type_1 = LocationUpdateCountryType2Type1(data)

                return country_type_2_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, str):
                    raise TypeError()
                country_type_3_type_1 = LocationUpdateCountryType3Type1(data)

                return country_type_3_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(
                LocationUpdateCountryType1
                | LocationUpdateCountryType2Type1
                | LocationUpdateCountryType3Type1
                | None
                | Unset,
                data,
            )

        country = _parse_country(d.pop("country", UNSET))

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
