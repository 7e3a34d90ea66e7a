from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.shipment_line import ShipmentLine


T = TypeVar("T", bound="Shipment")


@_attrs_define
class Shipment:
    """
    Attributes:
        carrier (None | str):
        created_at (datetime.datetime):
        id (int):
        lines (list[ShipmentLine]):
        location_id (int | None): Where the units left from: the location holding all of the order's units, null when
            they were held at several
        tracking_number (None | str):
    """

    carrier: None | str
    created_at: datetime.datetime
    id: int
    lines: list[ShipmentLine]
    location_id: int | None
    tracking_number: None | str

    def to_dict(self) -> dict[str, Any]:
        carrier: None | str
        carrier = self.carrier

        created_at = self.created_at.isoformat()

        id = self.id

        lines = []
        for lines_item_data in self.lines:
            lines_item = lines_item_data.to_dict()
            lines.append(lines_item)

        location_id: int | None
        location_id = self.location_id

        tracking_number: None | str
        tracking_number = self.tracking_number

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "carrier": carrier,
                "created_at": created_at,
                "id": id,
                "lines": lines,
                "location_id": location_id,
                "tracking_number": tracking_number,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.shipment_line import ShipmentLine  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_carrier(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        carrier = _parse_carrier(d.pop("carrier"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        id = d.pop("id")

        lines = []
        _lines = d.pop("lines")
        for lines_item_data in _lines:
            lines_item = ShipmentLine.from_dict(lines_item_data)

            lines.append(lines_item)

        def _parse_location_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        location_id = _parse_location_id(d.pop("location_id"))

        def _parse_tracking_number(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        tracking_number = _parse_tracking_number(d.pop("tracking_number"))

        shipment = cls(
            carrier=carrier,
            created_at=created_at,
            id=id,
            lines=lines,
            location_id=location_id,
            tracking_number=tracking_number,
        )

        return shipment
