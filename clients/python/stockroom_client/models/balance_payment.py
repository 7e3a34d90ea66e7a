from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.balance_payment_status import BalancePaymentStatus

T = TypeVar("T", bound="BalancePayment")


@_attrs_define
class BalancePayment:
    """
    Attributes:
        amount (int):
        created_at (datetime.datetime):
        currency (str):
        id (int):
        paid_at (datetime.datetime | None):
        payment_intent_id (None | str): null until the payment is made at the provider
        status (BalancePaymentStatus): cancelled: replaced by a later edit's balance, or its order cancelled (a payment
            that still arrives is refunded)
    """

    amount: int
    created_at: datetime.datetime
    currency: str
    id: int
    paid_at: datetime.datetime | None
    payment_intent_id: None | str
    status: BalancePaymentStatus

    def to_dict(self) -> dict[str, Any]:
        amount = self.amount

        created_at = self.created_at.isoformat()

        currency = self.currency

        id = self.id

        paid_at: None | str
        if isinstance(self.paid_at, datetime.datetime):
            paid_at = self.paid_at.isoformat()
        else:
            paid_at = self.paid_at

        payment_intent_id: None | str
        payment_intent_id = self.payment_intent_id

        status = self.status.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "amount": amount,
                "created_at": created_at,
                "currency": currency,
                "id": id,
                "paid_at": paid_at,
                "payment_intent_id": payment_intent_id,
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

        id = d.pop("id")

        def _parse_paid_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                paid_at_type_0 = datetime.datetime.fromisoformat(data)

                return paid_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        paid_at = _parse_paid_at(d.pop("paid_at"))

        def _parse_payment_intent_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        payment_intent_id = _parse_payment_intent_id(d.pop("payment_intent_id"))

        status = BalancePaymentStatus(d.pop("status"))

        balance_payment = cls(
            amount=amount,
            created_at=created_at,
            currency=currency,
            id=id,
            paid_at=paid_at,
            payment_intent_id=payment_intent_id,
            status=status,
        )

        return balance_payment
