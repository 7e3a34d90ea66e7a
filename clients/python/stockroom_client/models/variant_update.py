from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.price_input import PriceInput
    from ..models.variant_update_options import VariantUpdateOptions


T = TypeVar("T", bound="VariantUpdate")


@_attrs_define
class VariantUpdate:
    """
    Attributes:
        compare_at_price (int | None | Unset):
        currency (str | Unset):
        low_stock_threshold (int | Unset):
        name (str | Unset):
        on_hand (int | Unset):
        options (VariantUpdateOptions | Unset):
        price (int | Unset):
        prices (list[PriceInput] | Unset): Its prices in other currencies (all of them: a PATCH replaces the list)
        sku (str | Unset):
        weight_g (int | Unset):
    """

    compare_at_price: int | None | Unset = UNSET
    currency: str | Unset = UNSET
    low_stock_threshold: int | Unset = UNSET
    name: str | Unset = UNSET
    on_hand: int | Unset = UNSET
    options: VariantUpdateOptions | Unset = UNSET
    price: int | Unset = UNSET
    prices: list[PriceInput] | Unset = UNSET
    sku: str | Unset = UNSET
    weight_g: int | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        compare_at_price: int | None | Unset
        if isinstance(self.compare_at_price, Unset):
            compare_at_price = UNSET
        else:
            compare_at_price = self.compare_at_price

        currency = self.currency

        low_stock_threshold = self.low_stock_threshold

        name = self.name

        on_hand = self.on_hand

        options: dict[str, Any] | Unset = UNSET
        if not isinstance(self.options, Unset):
            options = self.options.to_dict()

        price = self.price

        prices: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.prices, Unset):
            prices = []
            for prices_item_data in self.prices:
                prices_item = prices_item_data.to_dict()
                prices.append(prices_item)

        sku = self.sku

        weight_g = self.weight_g

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if compare_at_price is not UNSET:
            field_dict["compare_at_price"] = compare_at_price
        if currency is not UNSET:
            field_dict["currency"] = currency
        if low_stock_threshold is not UNSET:
            field_dict["low_stock_threshold"] = low_stock_threshold
        if name is not UNSET:
            field_dict["name"] = name
        if on_hand is not UNSET:
            field_dict["on_hand"] = on_hand
        if options is not UNSET:
            field_dict["options"] = options
        if price is not UNSET:
            field_dict["price"] = price
        if prices is not UNSET:
            field_dict["prices"] = prices
        if sku is not UNSET:
            field_dict["sku"] = sku
        if weight_g is not UNSET:
            field_dict["weight_g"] = weight_g

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.price_input import PriceInput  # noqa: PLC0415
        from ..models.variant_update_options import VariantUpdateOptions  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_compare_at_price(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        compare_at_price = _parse_compare_at_price(d.pop("compare_at_price", UNSET))

        currency = d.pop("currency", UNSET)

        low_stock_threshold = d.pop("low_stock_threshold", UNSET)

        name = d.pop("name", UNSET)

        on_hand = d.pop("on_hand", UNSET)

        _options = d.pop("options", UNSET)
        options: VariantUpdateOptions | Unset
        if isinstance(_options, Unset):
            options = UNSET
        else:
            options = VariantUpdateOptions.from_dict(_options)

        price = d.pop("price", UNSET)

        _prices = d.pop("prices", UNSET)
        prices: list[PriceInput] | Unset = UNSET
        if _prices is not UNSET:
            prices = []
            for prices_item_data in _prices:
                prices_item = PriceInput.from_dict(prices_item_data)

                prices.append(prices_item)

        sku = d.pop("sku", UNSET)

        weight_g = d.pop("weight_g", UNSET)

        variant_update = cls(
            compare_at_price=compare_at_price,
            currency=currency,
            low_stock_threshold=low_stock_threshold,
            name=name,
            on_hand=on_hand,
            options=options,
            price=price,
            prices=prices,
            sku=sku,
            weight_g=weight_g,
        )

        return variant_update
