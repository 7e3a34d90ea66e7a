from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.location_create_country_type_1 import LocationCreateCountryType1
from ..models.location_create_country_type_2_type_1 import LocationCreateCountryType2Type1
from ..models.location_create_country_type_3_type_1 import LocationCreateCountryType3Type1
from ..types import UNSET, Unset

T = TypeVar("T", bound="LocationCreate")


@_attrs_define
class LocationCreate:
    """
    Attributes:
        code (str):
        name (str):
        active (bool | Unset):  Default: True.
        country (LocationCreateCountryType1 | LocationCreateCountryType2Type1 | LocationCreateCountryType3Type1 | None |
            Unset):
        priority (int | Unset):  Default: 100.
    """

    code: str
    name: str
    active: bool | Unset = True
    country: (
        LocationCreateCountryType1 | LocationCreateCountryType2Type1 | LocationCreateCountryType3Type1 | None | Unset
    ) = UNSET
    priority: int | Unset = 100

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        name = self.name

        active = self.active

        country: None | str | Unset
        if isinstance(self.country, Unset):
            country = UNSET
        elif isinstance(self.country, LocationCreateCountryType1):
            country = self.country.value
        elif isinstance(self.country, LocationCreateCountryType2Type1):
            country = self.country.value
        elif isinstance(self.country, LocationCreateCountryType3Type1):
            country = self.country.value
        else:
            country = self.country

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

        def _parse_country(
            data: object,
        ) -> (
            LocationCreateCountryType1
            | LocationCreateCountryType2Type1
            | LocationCreateCountryType3Type1
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
                country_type_1 = LocationCreateCountryType1(data)

                return country_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, str):
                    raise TypeError()
                country_type_2_type_1 = LocationCreateCountryType2Type1(data)

                return country_type_2_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, str):
                    raise TypeError()
                country_type_3_type_1 = LocationCreateCountryType3Type1(data)

                return country_type_3_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(
                LocationCreateCountryType1
                | LocationCreateCountryType2Type1
                | LocationCreateCountryType3Type1
                | None
                | Unset,
                data,
            )

        country = _parse_country(d.pop("country", UNSET))

        priority = d.pop("priority", UNSET)

        location_create = cls(
            code=code,
            name=name,
            active=active,
            country=country,
            priority=priority,
        )

        return location_create
