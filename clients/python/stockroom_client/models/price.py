from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

T = TypeVar("T", bound="Price")


@_attrs_define
class Price:
    """
    Attributes:
        amount (int): In the currency's minor unit
        compare_at_price (int | None):
        currency (str):
    """

    amount: int
    compare_at_price: int | None
    currency: str

    def to_dict(self) -> dict[str, Any]:
        amount = self.amount

        compare_at_price: int | None
        compare_at_price = self.compare_at_price

        currency = self.currency

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "amount": amount,
                "compare_at_price": compare_at_price,
                "currency": currency,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        amount = d.pop("amount")

        def _parse_compare_at_price(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        compare_at_price = _parse_compare_at_price(d.pop("compare_at_price"))

        currency = d.pop("currency")

        price = cls(
            amount=amount,
            compare_at_price=compare_at_price,
            currency=currency,
        )

        return price
