from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.payment_provider import PaymentProvider

T = TypeVar("T", bound="Payment")


@_attrs_define
class Payment:
    """
    Attributes:
        client_secret (str):
        payment_intent_id (str):
        provider (PaymentProvider):
    """

    client_secret: str
    payment_intent_id: str
    provider: PaymentProvider

    def to_dict(self) -> dict[str, Any]:
        client_secret = self.client_secret

        payment_intent_id = self.payment_intent_id

        provider = self.provider.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "client_secret": client_secret,
                "payment_intent_id": payment_intent_id,
                "provider": provider,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        client_secret = d.pop("client_secret")

        payment_intent_id = d.pop("payment_intent_id")

        provider = PaymentProvider(d.pop("provider"))

        payment = cls(
            client_secret=client_secret,
            payment_intent_id=payment_intent_id,
            provider=provider,
        )

        return payment
