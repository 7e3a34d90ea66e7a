from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.admin_order_update_status import AdminOrderUpdateStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="AdminOrderUpdate")


@_attrs_define
class AdminOrderUpdate:
    """
    Attributes:
        carrier (None | str | Unset):
        note (str | Unset):
        status (AdminOrderUpdateStatus | Unset):
        tracking_number (None | str | Unset):
    """

    carrier: None | str | Unset = UNSET
    note: str | Unset = UNSET
    status: AdminOrderUpdateStatus | Unset = UNSET
    tracking_number: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        carrier: None | str | Unset
        if isinstance(self.carrier, Unset):
            carrier = UNSET
        else:
            carrier = self.carrier

        note = self.note

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value

        tracking_number: None | str | Unset
        if isinstance(self.tracking_number, Unset):
            tracking_number = UNSET
        else:
            tracking_number = self.tracking_number

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if carrier is not UNSET:
            field_dict["carrier"] = carrier
        if note is not UNSET:
            field_dict["note"] = note
        if status is not UNSET:
            field_dict["status"] = status
        if tracking_number is not UNSET:
            field_dict["tracking_number"] = tracking_number

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_carrier(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        carrier = _parse_carrier(d.pop("carrier", UNSET))

        note = d.pop("note", UNSET)

        _status = d.pop("status", UNSET)
        status: AdminOrderUpdateStatus | Unset
        if isinstance(_status, Unset):
            status = UNSET
        else:
            status = AdminOrderUpdateStatus(_status)

        def _parse_tracking_number(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        tracking_number = _parse_tracking_number(d.pop("tracking_number", UNSET))

        admin_order_update = cls(
            carrier=carrier,
            note=note,
            status=status,
            tracking_number=tracking_number,
        )

        return admin_order_update
