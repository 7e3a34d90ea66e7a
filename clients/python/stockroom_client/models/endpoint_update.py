from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.endpoint_update_event_types_item import EndpointUpdateEventTypesItem
from ..types import UNSET, Unset

T = TypeVar("T", bound="EndpointUpdate")


@_attrs_define
class EndpointUpdate:
    """
    Attributes:
        active (bool | Unset):
        description (str | Unset):
        event_types (list[EndpointUpdateEventTypesItem] | Unset):
        secret (str | Unset):
        url (str | Unset):
    """

    active: bool | Unset = UNSET
    description: str | Unset = UNSET
    event_types: list[EndpointUpdateEventTypesItem] | Unset = UNSET
    secret: str | Unset = UNSET
    url: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        active = self.active

        description = self.description

        event_types: list[str] | Unset = UNSET
        if not isinstance(self.event_types, Unset):
            event_types = []
            for event_types_item_data in self.event_types:
                event_types_item = event_types_item_data.value
                event_types.append(event_types_item)

        secret = self.secret

        url = self.url

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if active is not UNSET:
            field_dict["active"] = active
        if description is not UNSET:
            field_dict["description"] = description
        if event_types is not UNSET:
            field_dict["event_types"] = event_types
        if secret is not UNSET:
            field_dict["secret"] = secret
        if url is not UNSET:
            field_dict["url"] = url

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        active = d.pop("active", UNSET)

        description = d.pop("description", UNSET)

        _event_types = d.pop("event_types", UNSET)
        event_types: list[EndpointUpdateEventTypesItem] | Unset = UNSET
        if _event_types is not UNSET:
            event_types = []
            for event_types_item_data in _event_types:
                event_types_item = EndpointUpdateEventTypesItem(event_types_item_data)

                event_types.append(event_types_item)

        secret = d.pop("secret", UNSET)

        url = d.pop("url", UNSET)

        endpoint_update = cls(
            active=active,
            description=description,
            event_types=event_types,
            secret=secret,
            url=url,
        )

        return endpoint_update
