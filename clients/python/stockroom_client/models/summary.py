from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..models.summary_interval import SummaryInterval

if TYPE_CHECKING:
    from ..models.day import Day
    from ..models.period import Period
    from ..models.top_product import TopProduct


T = TypeVar("T", bound="Summary")


@_attrs_define
class Summary:
    """
    Attributes:
        average_order_value (int):
        currency (str):
        from_ (str):
        interval (SummaryInterval):
        orders (int):
        revenue (int):
        revenue_by_day (list[Day]):
        revenue_by_interval (list[Period]):
        timezone (str):
        to (str):
        top_products (list[TopProduct]):
        units (int):
    """

    average_order_value: int
    currency: str
    from_: str
    interval: SummaryInterval
    orders: int
    revenue: int
    revenue_by_day: list[Day]
    revenue_by_interval: list[Period]
    timezone: str
    to: str
    top_products: list[TopProduct]
    units: int

    def to_dict(self) -> dict[str, Any]:
        average_order_value = self.average_order_value

        currency = self.currency

        from_ = self.from_

        interval = self.interval.value

        orders = self.orders

        revenue = self.revenue

        revenue_by_day = []
        for revenue_by_day_item_data in self.revenue_by_day:
            revenue_by_day_item = revenue_by_day_item_data.to_dict()
            revenue_by_day.append(revenue_by_day_item)

        revenue_by_interval = []
        for revenue_by_interval_item_data in self.revenue_by_interval:
            revenue_by_interval_item = revenue_by_interval_item_data.to_dict()
            revenue_by_interval.append(revenue_by_interval_item)

        timezone = self.timezone

        to = self.to

        top_products = []
        for top_products_item_data in self.top_products:
            top_products_item = top_products_item_data.to_dict()
            top_products.append(top_products_item)

        units = self.units

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "average_order_value": average_order_value,
                "currency": currency,
                "from": from_,
                "interval": interval,
                "orders": orders,
                "revenue": revenue,
                "revenue_by_day": revenue_by_day,
                "revenue_by_interval": revenue_by_interval,
                "timezone": timezone,
                "to": to,
                "top_products": top_products,
                "units": units,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.day import Day  # noqa: PLC0415
        from ..models.period import Period  # noqa: PLC0415
        from ..models.top_product import TopProduct  # noqa: PLC0415

        d = dict(src_dict)
        average_order_value = d.pop("average_order_value")

        currency = d.pop("currency")

        from_ = d.pop("from")

        interval = SummaryInterval(d.pop("interval"))

        orders = d.pop("orders")

        revenue = d.pop("revenue")

        revenue_by_day = []
        _revenue_by_day = d.pop("revenue_by_day")
        for revenue_by_day_item_data in _revenue_by_day:
            revenue_by_day_item = Day.from_dict(revenue_by_day_item_data)

            revenue_by_day.append(revenue_by_day_item)

        revenue_by_interval = []
        _revenue_by_interval = d.pop("revenue_by_interval")
        for revenue_by_interval_item_data in _revenue_by_interval:
            revenue_by_interval_item = Period.from_dict(revenue_by_interval_item_data)

            revenue_by_interval.append(revenue_by_interval_item)

        timezone = d.pop("timezone")

        to = d.pop("to")

        top_products = []
        _top_products = d.pop("top_products")
        for top_products_item_data in _top_products:
            top_products_item = TopProduct.from_dict(top_products_item_data)

            top_products.append(top_products_item)

        units = d.pop("units")

        summary = cls(
            average_order_value=average_order_value,
            currency=currency,
            from_=from_,
            interval=interval,
            orders=orders,
            revenue=revenue,
            revenue_by_day=revenue_by_day,
            revenue_by_interval=revenue_by_interval,
            timezone=timezone,
            to=to,
            top_products=top_products,
            units=units,
        )

        return summary
