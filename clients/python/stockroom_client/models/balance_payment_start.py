from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..models.balance_payment_start_provider import BalancePaymentStartProvider

if TYPE_CHECKING:
    from ..models.balance_payment import BalancePayment


T = TypeVar("T", bound="BalancePaymentStart")


@_attrs_define
class BalancePaymentStart:
    """
    Attributes:
        balance_payment (BalancePayment):
        client_secret (str): For Stripe.js to confirm
        payment_intent_id (str):
        provider (BalancePaymentStartProvider):
    """

    balance_payment: BalancePayment
    client_secret: str
    payment_intent_id: str
    provider: BalancePaymentStartProvider

    def to_dict(self) -> dict[str, Any]:
        balance_payment = self.balance_payment.to_dict()

        client_secret = self.client_secret

        payment_intent_id = self.payment_intent_id

        provider = self.provider.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "balance_payment": balance_payment,
                "client_secret": client_secret,
                "payment_intent_id": payment_intent_id,
                "provider": provider,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.balance_payment import BalancePayment  # noqa: PLC0415

        d = dict(src_dict)
        balance_payment = BalancePayment.from_dict(d.pop("balance_payment"))

        client_secret = d.pop("client_secret")

        payment_intent_id = d.pop("payment_intent_id")

        provider = BalancePaymentStartProvider(d.pop("provider"))

        balance_payment_start = cls(
            balance_payment=balance_payment,
            client_secret=client_secret,
            payment_intent_id=payment_intent_id,
            provider=provider,
        )

        return balance_payment_start
