from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="Period")


@_attrs_define
class Period:
    """
    Attributes:
        end (str): Last store day of the period, inclusive
        orders (int):
        revenue (int):
        start (str): First store day of the period
    """

    end: str
    orders: int
    revenue: int
    start: str

    def to_dict(self) -> dict[str, Any]:
        end = self.end

        orders = self.orders

        revenue = self.revenue

        start = self.start

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "end": end,
                "orders": orders,
                "revenue": revenue,
                "start": start,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        end = d.pop("end")

        orders = d.pop("orders")

        revenue = d.pop("revenue")

        start = d.pop("start")

        period = cls(
            end=end,
            orders=orders,
            revenue=revenue,
            start=start,
        )

        return period
