from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

T = TypeVar("T", bound="ImageOrder")


@_attrs_define
class ImageOrder:
    """
    Attributes:
        image_ids (list[int]):
    """

    image_ids: list[int]

    def to_dict(self) -> dict[str, Any]:
        image_ids = self.image_ids

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "image_ids": image_ids,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        image_ids = cast(list[int], d.pop("image_ids"))

        image_order = cls(
            image_ids=image_ids,
        )

        return image_order
