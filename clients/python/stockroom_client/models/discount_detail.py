from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.discount_detail_kind import DiscountDetailKind

if TYPE_CHECKING:
    from ..models.money import Money


T = TypeVar("T", bound="DiscountDetail")


@_attrs_define
class DiscountDetail:
    """
    Attributes:
        active (bool):
        code (str):
        created_at (datetime.datetime):
        currency (str):
        discounted (list[Money]): Per currency: what the code took off those orders
        ends_at (datetime.datetime | None):
        id (int):
        kind (DiscountDetailKind):
        max_uses (int | None):
        min_subtotal (int):
        paid_orders (int): Paid orders that used the code
        per_customer_limit (int | None):
        revenue (list[Money]): Per currency: those orders' totals less what was refunded
        starts_at (datetime.datetime | None):
        uses (int):
        value (int):
    """

    active: bool
    code: str
    created_at: datetime.datetime
    currency: str
    discounted: list[Money]
    ends_at: datetime.datetime | None
    id: int
    kind: DiscountDetailKind
    max_uses: int | None
    min_subtotal: int
    paid_orders: int
    per_customer_limit: int | None
    revenue: list[Money]
    starts_at: datetime.datetime | None
    uses: int
    value: int

    def to_dict(self) -> dict[str, Any]:
        active = self.active

        code = self.code

        created_at = self.created_at.isoformat()

        currency = self.currency

        discounted = []
        for discounted_item_data in self.discounted:
            discounted_item = discounted_item_data.to_dict()
            discounted.append(discounted_item)

        ends_at: None | str
        if isinstance(self.ends_at, datetime.datetime):
            ends_at = self.ends_at.isoformat()
        else:
            ends_at = self.ends_at

        id = self.id

        kind = self.kind.value

        max_uses: int | None
        max_uses = self.max_uses

        min_subtotal = self.min_subtotal

        paid_orders = self.paid_orders

        per_customer_limit: int | None
        per_customer_limit = self.per_customer_limit

        revenue = []
        for revenue_item_data in self.revenue:
            revenue_item = revenue_item_data.to_dict()
            revenue.append(revenue_item)

        starts_at: None | str
        if isinstance(self.starts_at, datetime.datetime):
            starts_at = self.starts_at.isoformat()
        else:
            starts_at = self.starts_at

        uses = self.uses

        value = self.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "active": active,
                "code": code,
                "created_at": created_at,
                "currency": currency,
                "discounted": discounted,
                "ends_at": ends_at,
                "id": id,
                "kind": kind,
                "max_uses": max_uses,
                "min_subtotal": min_subtotal,
                "paid_orders": paid_orders,
                "per_customer_limit": per_customer_limit,
                "revenue": revenue,
                "starts_at": starts_at,
                "uses": uses,
                "value": value,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.money import Money  # noqa: PLC0415

        d = dict(src_dict)
        active = d.pop("active")

        code = d.pop("code")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        currency = d.pop("currency")

        discounted = []
        _discounted = d.pop("discounted")
        for discounted_item_data in _discounted:
            discounted_item = Money.from_dict(discounted_item_data)

            discounted.append(discounted_item)

        def _parse_ends_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                ends_at_type_0 = datetime.datetime.fromisoformat(data)

                return ends_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        ends_at = _parse_ends_at(d.pop("ends_at"))

        id = d.pop("id")

        kind = DiscountDetailKind(d.pop("kind"))

        def _parse_max_uses(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        max_uses = _parse_max_uses(d.pop("max_uses"))

        min_subtotal = d.pop("min_subtotal")

        paid_orders = d.pop("paid_orders")

        def _parse_per_customer_limit(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        per_customer_limit = _parse_per_customer_limit(d.pop("per_customer_limit"))

        revenue = []
        _revenue = d.pop("revenue")
        for revenue_item_data in _revenue:
            revenue_item = Money.from_dict(revenue_item_data)

            revenue.append(revenue_item)

        def _parse_starts_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                starts_at_type_0 = datetime.datetime.fromisoformat(data)

                return starts_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        starts_at = _parse_starts_at(d.pop("starts_at"))

        uses = d.pop("uses")

        value = d.pop("value")

        discount_detail = cls(
            active=active,
            code=code,
            created_at=created_at,
            currency=currency,
            discounted=discounted,
            ends_at=ends_at,
            id=id,
            kind=kind,
            max_uses=max_uses,
            min_subtotal=min_subtotal,
            paid_orders=paid_orders,
            per_customer_limit=per_customer_limit,
            revenue=revenue,
            starts_at=starts_at,
            uses=uses,
            value=value,
        )

        return discount_detail
