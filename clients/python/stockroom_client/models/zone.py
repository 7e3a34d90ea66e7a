from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

T = TypeVar("T", bound="Zone")


@_attrs_define
class Zone:
    """
    Attributes:
        countries (list[str]):
        id (int):
        name (str):
    """

    countries: list[str]
    id: int
    name: str

    def to_dict(self) -> dict[str, Any]:
        countries = self.countries

        id = self.id

        name = self.name

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "countries": countries,
                "id": id,
                "name": name,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        countries = cast(list[str], d.pop("countries"))

        id = d.pop("id")

        name = d.pop("name")

        zone = cls(
            countries=countries,
            id=id,
            name=name,
        )

        return zone
