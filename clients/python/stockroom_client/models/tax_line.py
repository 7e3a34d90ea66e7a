from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="TaxLine")


@_attrs_define
class TaxLine:
    """
    Attributes:
        amount (int):
        name (str):
        rate_bps (int): The rate in basis points (2000: 20 %)
    """

    amount: int
    name: str
    rate_bps: int

    def to_dict(self) -> dict[str, Any]:
        amount = self.amount

        name = self.name

        rate_bps = self.rate_bps

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "amount": amount,
                "name": name,
                "rate_bps": rate_bps,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        amount = d.pop("amount")

        name = d.pop("name")

        rate_bps = d.pop("rate_bps")

        tax_line = cls(
            amount=amount,
            name=name,
            rate_bps=rate_bps,
        )

        return tax_line
