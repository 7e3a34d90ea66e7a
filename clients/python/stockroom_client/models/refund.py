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
        part_of_id (int | None): A refund larger than one payment holds is one row per payment: the first row's id, on
            the others
        payment_intent_id (None | str): The payment it gives back from (null: the order's first)
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
    part_of_id: int | None
    payment_intent_id: None | str
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

        part_of_id: int | None
        part_of_id = self.part_of_id

        payment_intent_id: None | str
        payment_intent_id = self.payment_intent_id

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
                "part_of_id": part_of_id,
                "payment_intent_id": payment_intent_id,
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

        def _parse_part_of_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        part_of_id = _parse_part_of_id(d.pop("part_of_id"))

        def _parse_payment_intent_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        payment_intent_id = _parse_payment_intent_id(d.pop("payment_intent_id"))

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
            part_of_id=part_of_id,
            payment_intent_id=payment_intent_id,
            provider_refund_id=provider_refund_id,
            reason=reason,
            status=status,
        )

        return refund
