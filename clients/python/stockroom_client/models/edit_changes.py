from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.edit_add import EditAdd
    from ..models.edit_change import EditChange


T = TypeVar("T", bound="EditChanges")


@_attrs_define
class EditChanges:
    """
    Attributes:
        add (list[EditAdd]):
        change (list[EditChange]):
        remove (list[int]):
    """

    add: list[EditAdd]
    change: list[EditChange]
    remove: list[int]

    def to_dict(self) -> dict[str, Any]:
        add = []
        for add_item_data in self.add:
            add_item = add_item_data.to_dict()
            add.append(add_item)

        change = []
        for change_item_data in self.change:
            change_item = change_item_data.to_dict()
            change.append(change_item)

        remove = self.remove

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "add": add,
                "change": change,
                "remove": remove,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.edit_add import EditAdd  # noqa: PLC0415
        from ..models.edit_change import EditChange  # noqa: PLC0415

        d = dict(src_dict)
        add = []
        _add = d.pop("add")
        for add_item_data in _add:
            add_item = EditAdd.from_dict(add_item_data)

            add.append(add_item)

        change = []
        _change = d.pop("change")
        for change_item_data in _change:
            change_item = EditChange.from_dict(change_item_data)

            change.append(change_item)

        remove = cast(list[int], d.pop("remove"))

        edit_changes = cls(
            add=add,
            change=change,
            remove=remove,
        )

        return edit_changes
