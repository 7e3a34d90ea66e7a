from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.timeline_entry_status import TimelineEntryStatus

T = TypeVar("T", bound="TimelineEntry")


@_attrs_define
class TimelineEntry:
    """
    Attributes:
        at (datetime.datetime):
        note (None | str):
        status (TimelineEntryStatus):
    """

    at: datetime.datetime
    note: None | str
    status: TimelineEntryStatus

    def to_dict(self) -> dict[str, Any]:
        at = self.at.isoformat()

        note: None | str
        note = self.note

        status = self.status.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "at": at,
                "note": note,
                "status": status,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        at = datetime.datetime.fromisoformat(d.pop("at"))

        def _parse_note(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        note = _parse_note(d.pop("note"))

        status = TimelineEntryStatus(d.pop("status"))

        timeline_entry = cls(
            at=at,
            note=note,
            status=status,
        )

        return timeline_entry
