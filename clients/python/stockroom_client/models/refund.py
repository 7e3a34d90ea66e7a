from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.refund_status import RefundStatus

T = TypeVar("T", bound="Refund")


@_attrs_define
class Refund:
    """
    Attributes:
        amount (int):
        created_at (datetime.datetime):
        currency (str):
        failure_reason (None | str):
        id (int):
        order_id (int):
        provider_refund_id (None | str):
        reason (str):
        status (RefundStatus):
    """

    amount: int
    created_at: datetime.datetime
    currency: str
    failure_reason: None | str
    id: int
    order_id: int
    provider_refund_id: None | str
    reason: str
    status: RefundStatus

    def to_dict(self) -> dict[str, Any]:
        amount = self.amount

        created_at = self.created_at.isoformat()

        currency = self.currency

        failure_reason: None | str
        failure_reason = self.failure_reason

        id = self.id

        order_id = self.order_id

        provider_refund_id: None | str
        provider_refund_id = self.provider_refund_id

        reason = self.reason

        status = self.status.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "amount": amount,
                "created_at": created_at,
                "currency": currency,
                "failure_reason": failure_reason,
                "id": id,
                "order_id": order_id,
                "provider_refund_id": provider_refund_id,
                "reason": reason,
                "status": status,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        amount = d.pop("amount")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        currency = d.pop("currency")

        def _parse_failure_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        failure_reason = _parse_failure_reason(d.pop("failure_reason"))

        id = d.pop("id")

        order_id = d.pop("order_id")

        def _parse_provider_refund_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        provider_refund_id = _parse_provider_refund_id(d.pop("provider_refund_id"))

        reason = d.pop("reason")

        status = RefundStatus(d.pop("status"))

        refund = cls(
            amount=amount,
            created_at=created_at,
            currency=currency,
            failure_reason=failure_reason,
            id=id,
            order_id=order_id,
            provider_refund_id=provider_refund_id,
            reason=reason,
            status=status,
        )

        return refund
