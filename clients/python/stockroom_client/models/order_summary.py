from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.order_summary_payment_status import OrderSummaryPaymentStatus
from ..models.order_summary_status import OrderSummaryStatus

T = TypeVar("T", bound="OrderSummary")


@_attrs_define
class OrderSummary:
    """
    Attributes:
        created_at (datetime.datetime):
        currency (str):
        id (int):
        number (str):
        payment_status (OrderSummaryPaymentStatus):
        status (OrderSummaryStatus):
        total (int):
    """

    created_at: datetime.datetime
    currency: str
    id: int
    number: str
    payment_status: OrderSummaryPaymentStatus
    status: OrderSummaryStatus
    total: int

    def to_dict(self) -> dict[str, Any]:
        created_at = self.created_at.isoformat()

        currency = self.currency

        id = self.id

        number = self.number

        payment_status = self.payment_status.value

        status = self.status.value

        total = self.total

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "created_at": created_at,
                "currency": currency,
                "id": id,
                "number": number,
                "payment_status": payment_status,
                "status": status,
                "total": total,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        currency = d.pop("currency")

        id = d.pop("id")

        number = d.pop("number")

        payment_status = OrderSummaryPaymentStatus(d.pop("payment_status"))

        status = OrderSummaryStatus(d.pop("status"))

        total = d.pop("total")

        order_summary = cls(
            created_at=created_at,
            currency=currency,
            id=id,
            number=number,
            payment_status=payment_status,
            status=status,
            total=total,
        )

        return order_summary
