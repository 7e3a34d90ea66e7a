from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.payment_provider import PaymentProvider

T = TypeVar("T", bound="Payment")


@_attrs_define
class Payment:
    """
    Attributes:
        checkout_url (None | str):
        client_secret (None | str):
        payment_intent_id (None | str):
        provider (PaymentProvider):
        session_id (None | str):
    """

    checkout_url: None | str
    client_secret: None | str
    payment_intent_id: None | str
    provider: PaymentProvider
    session_id: None | str

    def to_dict(self) -> dict[str, Any]:
        checkout_url: None | str
        checkout_url = self.checkout_url

        client_secret: None | str
        client_secret = self.client_secret

        payment_intent_id: None | str
        payment_intent_id = self.payment_intent_id

        provider = self.provider.value

        session_id: None | str
        session_id = self.session_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "checkout_url": checkout_url,
                "client_secret": client_secret,
                "payment_intent_id": payment_intent_id,
                "provider": provider,
                "session_id": session_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_checkout_url(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        checkout_url = _parse_checkout_url(d.pop("checkout_url"))

        def _parse_client_secret(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        client_secret = _parse_client_secret(d.pop("client_secret"))

        def _parse_payment_intent_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        payment_intent_id = _parse_payment_intent_id(d.pop("payment_intent_id"))

        provider = PaymentProvider(d.pop("provider"))

        def _parse_session_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        session_id = _parse_session_id(d.pop("session_id"))

        payment = cls(
            checkout_url=checkout_url,
            client_secret=client_secret,
            payment_intent_id=payment_intent_id,
            provider=provider,
            session_id=session_id,
        )

        return payment
