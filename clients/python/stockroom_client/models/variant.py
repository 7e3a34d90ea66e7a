from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.price import Price
    from ..models.stock_level import StockLevel
    from ..models.variant_options import VariantOptions


T = TypeVar("T", bound="Variant")


@_attrs_define
class Variant:
    """
    Attributes:
        available (int):
        compare_at_price (int | None):
        currency (str):
        id (int):
        low_stock_threshold (int):
        name (str):
        on_hand (int):
        options (VariantOptions):
        price (int): In `currency`: the variant's own, or the one the read asked for
        prices (list[Price]): Every currency the variant is priced in, its own first
        product_id (int):
        reserved (int):
        sku (str):
        stock (list[StockLevel]): Per location; on_hand and reserved above are their sums
        weight_g (int):
    """

    available: int
    compare_at_price: int | None
    currency: str
    id: int
    low_stock_threshold: int
    name: str
    on_hand: int
    options: VariantOptions
    price: int
    prices: list[Price]
    product_id: int
    reserved: int
    sku: str
    stock: list[StockLevel]
    weight_g: int

    def to_dict(self) -> dict[str, Any]:
        available = self.available

        compare_at_price: int | None
        compare_at_price = self.compare_at_price

        currency = self.currency

        id = self.id

        low_stock_threshold = self.low_stock_threshold

        name = self.name

        on_hand = self.on_hand

        options = self.options.to_dict()

        price = self.price

        prices = []
        for prices_item_data in self.prices:
            prices_item = prices_item_data.to_dict()
            prices.append(prices_item)

        product_id = self.product_id

        reserved = self.reserved

        sku = self.sku

        stock = []
        for stock_item_data in self.stock:
            stock_item = stock_item_data.to_dict()
            stock.append(stock_item)

        weight_g = self.weight_g

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "available": available,
                "compare_at_price": compare_at_price,
                "currency": currency,
                "id": id,
                "low_stock_threshold": low_stock_threshold,
                "name": name,
                "on_hand": on_hand,
                "options": options,
                "price": price,
                "prices": prices,
                "product_id": product_id,
                "reserved": reserved,
                "sku": sku,
                "stock": stock,
                "weight_g": weight_g,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.price import Price  # noqa: PLC0415
        from ..models.stock_level import StockLevel  # noqa: PLC0415
        from ..models.variant_options import VariantOptions  # noqa: PLC0415

        d = dict(src_dict)
        available = d.pop("available")

        def _parse_compare_at_price(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        compare_at_price = _parse_compare_at_price(d.pop("compare_at_price"))

        currency = d.pop("currency")

        id = d.pop("id")

        low_stock_threshold = d.pop("low_stock_threshold")

        name = d.pop("name")

        on_hand = d.pop("on_hand")

        options = VariantOptions.from_dict(d.pop("options"))

        price = d.pop("price")

        prices = []
        _prices = d.pop("prices")
        for prices_item_data in _prices:
            prices_item = Price.from_dict(prices_item_data)

            prices.append(prices_item)

        product_id = d.pop("product_id")

        reserved = d.pop("reserved")

        sku = d.pop("sku")

        stock = []
        _stock = d.pop("stock")
        for stock_item_data in _stock:
            stock_item = StockLevel.from_dict(stock_item_data)

            stock.append(stock_item)

        weight_g = d.pop("weight_g")

        variant = cls(
            available=available,
            compare_at_price=compare_at_price,
            currency=currency,
            id=id,
            low_stock_threshold=low_stock_threshold,
            name=name,
            on_hand=on_hand,
            options=options,
            price=price,
            prices=prices,
            product_id=product_id,
            reserved=reserved,
            sku=sku,
            stock=stock,
            weight_g=weight_g,
        )

        return variant
