from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="Day")


@_attrs_define
class Day:
    """
    Attributes:
        date (str):
        orders (int):
        revenue (int):
    """

    date: str
    orders: int
    revenue: int

    def to_dict(self) -> dict[str, Any]:
        date = self.date

        orders = self.orders

        revenue = self.revenue

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "date": date,
                "orders": orders,
                "revenue": revenue,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        date = d.pop("date")

        orders = d.pop("orders")

        revenue = d.pop("revenue")

        day = cls(
            date=date,
            orders=orders,
            revenue=revenue,
        )

        return day
