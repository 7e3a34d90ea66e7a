from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

T = TypeVar("T", bound="Category")


@_attrs_define
class Category:
    """
    Attributes:
        id (int):
        name (str):
        parent_id (int | None):
        slug (str):
    """

    id: int
    name: str
    parent_id: int | None
    slug: str

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        name = self.name

        parent_id: int | None
        parent_id = self.parent_id

        slug = self.slug

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id": id,
                "name": name,
                "parent_id": parent_id,
                "slug": slug,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        name = d.pop("name")

        def _parse_parent_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        parent_id = _parse_parent_id(d.pop("parent_id"))

        slug = d.pop("slug")

        category = cls(
            id=id,
            name=name,
            parent_id=parent_id,
            slug=slug,
        )

        return category
