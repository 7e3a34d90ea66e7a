from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="PriceInput")


@_attrs_define
class PriceInput:
    """
    Attributes:
        amount (int):
        currency (str):
        compare_at_price (int | None | Unset):
    """

    amount: int
    currency: str
    compare_at_price: int | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        amount = self.amount

        currency = self.currency

        compare_at_price: int | None | Unset
        if isinstance(self.compare_at_price, Unset):
            compare_at_price = UNSET
        else:
            compare_at_price = self.compare_at_price

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "amount": amount,
                "currency": currency,
            }
        )
        if compare_at_price is not UNSET:
            field_dict["compare_at_price"] = compare_at_price

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        amount = d.pop("amount")

        currency = d.pop("currency")

        def _parse_compare_at_price(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        compare_at_price = _parse_compare_at_price(d.pop("compare_at_price", UNSET))

        price_input = cls(
            amount=amount,
            currency=currency,
            compare_at_price=compare_at_price,
        )

        return price_input
