from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

T = TypeVar("T", bound="CategoryTree")


@_attrs_define
class CategoryTree:
    """
    Attributes:
        children (list[CategoryTree]):
        id (int):
        name (str):
        parent_id (int | None):
        slug (str):
    """

    children: list[CategoryTree]
    id: int
    name: str
    parent_id: int | None
    slug: str

    def to_dict(self) -> dict[str, Any]:
        children = []
        for children_item_data in self.children:
            children_item = children_item_data.to_dict()
            children.append(children_item)

        id = self.id

        name = self.name

        parent_id: int | None
        parent_id = self.parent_id

        slug = self.slug

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "children": children,
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
        children = []
        _children = d.pop("children")
        for children_item_data in _children:
            children_item = CategoryTree.from_dict(children_item_data)

            children.append(children_item)

        id = d.pop("id")

        name = d.pop("name")

        def _parse_parent_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        parent_id = _parse_parent_id(d.pop("parent_id"))

        slug = d.pop("slug")

        category_tree = cls(
            children=children,
            id=id,
            name=name,
            parent_id=parent_id,
            slug=slug,
        )

        return category_tree
