from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.return_status import ReturnStatus

if TYPE_CHECKING:
    from ..models.return_line import ReturnLine


T = TypeVar("T", bound="Return")


@_attrs_define
class Return:
    """
    Attributes:
        created_at (datetime.datetime):
        id (int):
        lines (list[ReturnLine]):
        note (None | str):
        order_id (int):
        refund_id (int | None):
        refund_total (int): What the lines refund: asked for, then as received (their share of discount and tax;
            shipping is not refunded)
        status (ReturnStatus):
    """

    created_at: datetime.datetime
    id: int
    lines: list[ReturnLine]
    note: None | str
    order_id: int
    refund_id: int | None
    refund_total: int
    status: ReturnStatus

    def to_dict(self) -> dict[str, Any]:
        created_at = self.created_at.isoformat()

        id = self.id

        lines = []
        for lines_item_data in self.lines:
            lines_item = lines_item_data.to_dict()
            lines.append(lines_item)

        note: None | str
        note = self.note

        order_id = self.order_id

        refund_id: int | None
        refund_id = self.refund_id

        refund_total = self.refund_total

        status = self.status.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "created_at": created_at,
                "id": id,
                "lines": lines,
                "note": note,
                "order_id": order_id,
                "refund_id": refund_id,
                "refund_total": refund_total,
                "status": status,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.return_line import ReturnLine  # noqa: PLC0415

        d = dict(src_dict)
        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        id = d.pop("id")

        lines = []
        _lines = d.pop("lines")
        for lines_item_data in _lines:
            lines_item = ReturnLine.from_dict(lines_item_data)

            lines.append(lines_item)

        def _parse_note(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        note = _parse_note(d.pop("note"))

        order_id = d.pop("order_id")

        def _parse_refund_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        refund_id = _parse_refund_id(d.pop("refund_id"))

        refund_total = d.pop("refund_total")

        status = ReturnStatus(d.pop("status"))

        return_ = cls(
            created_at=created_at,
            id=id,
            lines=lines,
            note=note,
            order_id=order_id,
            refund_id=refund_id,
            refund_total=refund_total,
            status=status,
        )

        return return_
