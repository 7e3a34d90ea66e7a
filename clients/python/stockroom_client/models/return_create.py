from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.return_line_input import ReturnLineInput


T = TypeVar("T", bound="ReturnCreate")


@_attrs_define
class ReturnCreate:
    """
    Attributes:
        lines (list[ReturnLineInput]):
    """

    lines: list[ReturnLineInput]

    def to_dict(self) -> dict[str, Any]:
        lines = []
        for lines_item_data in self.lines:
            lines_item = lines_item_data.to_dict()
            lines.append(lines_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "lines": lines,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.return_line_input import ReturnLineInput  # noqa: PLC0415

        d = dict(src_dict)
        lines = []
        _lines = d.pop("lines")
        for lines_item_data in _lines:
            lines_item = ReturnLineInput.from_dict(lines_item_data)

            lines.append(lines_item)

        return_create = cls(
            lines=lines,
        )

        return return_create
