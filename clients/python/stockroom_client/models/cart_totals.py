from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.tax_line import TaxLine


T = TypeVar("T", bound="CartTotals")


@_attrs_define
class CartTotals:
    """
    Attributes:
        currency (str):
        discount_total (int):
        shipping_total (int):
        subtotal (int):
        tax_lines (list[TaxLine]):
        tax_total (int):
        total (int):
    """

    currency: str
    discount_total: int
    shipping_total: int
    subtotal: int
    tax_lines: list[TaxLine]
    tax_total: int
    total: int

    def to_dict(self) -> dict[str, Any]:
        currency = self.currency

        discount_total = self.discount_total

        shipping_total = self.shipping_total

        subtotal = self.subtotal

        tax_lines = []
        for tax_lines_item_data in self.tax_lines:
            tax_lines_item = tax_lines_item_data.to_dict()
            tax_lines.append(tax_lines_item)

        tax_total = self.tax_total

        total = self.total

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "currency": currency,
                "discount_total": discount_total,
                "shipping_total": shipping_total,
                "subtotal": subtotal,
                "tax_lines": tax_lines,
                "tax_total": tax_total,
                "total": total,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.tax_line import TaxLine  # noqa: PLC0415

        d = dict(src_dict)
        currency = d.pop("currency")

        discount_total = d.pop("discount_total")

        shipping_total = d.pop("shipping_total")

        subtotal = d.pop("subtotal")

        tax_lines = []
        _tax_lines = d.pop("tax_lines")
        for tax_lines_item_data in _tax_lines:
            tax_lines_item = TaxLine.from_dict(tax_lines_item_data)

            tax_lines.append(tax_lines_item)

        tax_total = d.pop("tax_total")

        total = d.pop("total")

        cart_totals = cls(
            currency=currency,
            discount_total=discount_total,
            shipping_total=shipping_total,
            subtotal=subtotal,
            tax_lines=tax_lines,
            tax_total=tax_total,
            total=total,
        )

        return cart_totals
