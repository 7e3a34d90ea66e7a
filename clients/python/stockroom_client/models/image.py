from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="Image")


@_attrs_define
class Image:
    """
    Attributes:
        alt (str):
        id (int):
        position (int):
        url (str):
    """

    alt: str
    id: int
    position: int
    url: str

    def to_dict(self) -> dict[str, Any]:
        alt = self.alt

        id = self.id

        position = self.position

        url = self.url

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "alt": alt,
                "id": id,
                "position": position,
                "url": url,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        alt = d.pop("alt")

        id = d.pop("id")

        position = d.pop("position")

        url = d.pop("url")

        image = cls(
            alt=alt,
            id=id,
            position=position,
            url=url,
        )

        return image
