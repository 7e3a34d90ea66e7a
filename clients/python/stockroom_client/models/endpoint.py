from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

T = TypeVar("T", bound="Endpoint")


@_attrs_define
class Endpoint:
    """
    Attributes:
        active (bool):
        created_at (datetime.datetime):
        description (None | str):
        event_types (list[str]):
        id (int):
        url (str):
    """

    active: bool
    created_at: datetime.datetime
    description: None | str
    event_types: list[str]
    id: int
    url: str

    def to_dict(self) -> dict[str, Any]:
        active = self.active

        created_at = self.created_at.isoformat()

        description: None | str
        description = self.description

        event_types = self.event_types

        id = self.id

        url = self.url

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "active": active,
                "created_at": created_at,
                "description": description,
                "event_types": event_types,
                "id": id,
                "url": url,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        active = d.pop("active")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        def _parse_description(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        description = _parse_description(d.pop("description"))

        event_types = cast(list[str], d.pop("event_types"))

        id = d.pop("id")

        url = d.pop("url")

        endpoint = cls(
            active=active,
            created_at=created_at,
            description=description,
            event_types=event_types,
            id=id,
            url=url,
        )

        return endpoint
