from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.cart_item import CartItem


T = TypeVar("T", bound="Cart")


@_attrs_define
class Cart:
    """
    Attributes:
        currency (str): Fixed by PUT /cart/currency or by the first line (its variant's own); STORE_CURRENCY for an
            empty cart with none
        discount_code (None | str):
        discount_total (int):
        id (int | None):
        items (list[CartItem]):
        subtotal (int):
    """

    currency: str
    discount_code: None | str
    discount_total: int
    id: int | None
    items: list[CartItem]
    subtotal: int

    def to_dict(self) -> dict[str, Any]:
        currency = self.currency

        discount_code: None | str
        discount_code = self.discount_code

        discount_total = self.discount_total

        id: int | None
        id = self.id

        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)

        subtotal = self.subtotal

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "currency": currency,
                "discount_code": discount_code,
                "discount_total": discount_total,
                "id": id,
                "items": items,
                "subtotal": subtotal,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.cart_item import CartItem  # noqa: PLC0415

        d = dict(src_dict)
        currency = d.pop("currency")

        def _parse_discount_code(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        discount_code = _parse_discount_code(d.pop("discount_code"))

        discount_total = d.pop("discount_total")

        def _parse_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        id = _parse_id(d.pop("id"))

        items = []
        _items = d.pop("items")
        for items_item_data in _items:
            items_item = CartItem.from_dict(items_item_data)

            items.append(items_item)

        subtotal = d.pop("subtotal")

        cart = cls(
            currency=currency,
            discount_code=discount_code,
            discount_total=discount_total,
            id=id,
            items=items,
            subtotal=subtotal,
        )

        return cart
