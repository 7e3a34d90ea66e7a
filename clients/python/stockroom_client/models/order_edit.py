from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.edit_changes import EditChanges
    from ..models.edit_line import EditLine


T = TypeVar("T", bound="OrderEdit")


@_attrs_define
class OrderEdit:
    """
    Attributes:
        balance_payment_id (int | None): The balance payment of a paid order's rise
        changes (EditChanges):
        created_at (datetime.datetime):
        currency (str):
        difference (int): total_after - total_before
        edited_by_id (int | None):
        id (int):
        lines_after (list[EditLine]):
        lines_before (list[EditLine]):
        order_id (int):
        refund_id (int | None): The refund of a paid order's fall
        total_after (int):
        total_before (int):
    """

    balance_payment_id: int | None
    changes: EditChanges
    created_at: datetime.datetime
    currency: str
    difference: int
    edited_by_id: int | None
    id: int
    lines_after: list[EditLine]
    lines_before: list[EditLine]
    order_id: int
    refund_id: int | None
    total_after: int
    total_before: int

    def to_dict(self) -> dict[str, Any]:
        balance_payment_id: int | None
        balance_payment_id = self.balance_payment_id

        changes = self.changes.to_dict()

        created_at = self.created_at.isoformat()

        currency = self.currency

        difference = self.difference

        edited_by_id: int | None
        edited_by_id = self.edited_by_id

        id = self.id

        lines_after = []
        for lines_after_item_data in self.lines_after:
            lines_after_item = lines_after_item_data.to_dict()
            lines_after.append(lines_after_item)

        lines_before = []
        for lines_before_item_data in self.lines_before:
            lines_before_item = lines_before_item_data.to_dict()
            lines_before.append(lines_before_item)

        order_id = self.order_id

        refund_id: int | None
        refund_id = self.refund_id

        total_after = self.total_after

        total_before = self.total_before

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "balance_payment_id": balance_payment_id,
                "changes": changes,
                "created_at": created_at,
                "currency": currency,
                "difference": difference,
                "edited_by_id": edited_by_id,
                "id": id,
                "lines_after": lines_after,
                "lines_before": lines_before,
                "order_id": order_id,
                "refund_id": refund_id,
                "total_after": total_after,
                "total_before": total_before,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.edit_changes import EditChanges  # noqa: PLC0415
        from ..models.edit_line import EditLine  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_balance_payment_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        balance_payment_id = _parse_balance_payment_id(d.pop("balance_payment_id"))

        changes = EditChanges.from_dict(d.pop("changes"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        currency = d.pop("currency")

        difference = d.pop("difference")

        def _parse_edited_by_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        edited_by_id = _parse_edited_by_id(d.pop("edited_by_id"))

        id = d.pop("id")

        lines_after = []
        _lines_after = d.pop("lines_after")
        for lines_after_item_data in _lines_after:
            lines_after_item = EditLine.from_dict(lines_after_item_data)

            lines_after.append(lines_after_item)

        lines_before = []
        _lines_before = d.pop("lines_before")
        for lines_before_item_data in _lines_before:
            lines_before_item = EditLine.from_dict(lines_before_item_data)

            lines_before.append(lines_before_item)

        order_id = d.pop("order_id")

        def _parse_refund_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        refund_id = _parse_refund_id(d.pop("refund_id"))

        total_after = d.pop("total_after")

        total_before = d.pop("total_before")

        order_edit = cls(
            balance_payment_id=balance_payment_id,
            changes=changes,
            created_at=created_at,
            currency=currency,
            difference=difference,
            edited_by_id=edited_by_id,
            id=id,
            lines_after=lines_after,
            lines_before=lines_before,
            order_id=order_id,
            refund_id=refund_id,
            total_after=total_after,
            total_before=total_before,
        )

        return order_edit
