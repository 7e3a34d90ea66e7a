from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.price import Price
    from ..models.variant_public_options import VariantPublicOptions


T = TypeVar("T", bound="VariantPublic")


@_attrs_define
class VariantPublic:
    """
    Attributes:
        available (int):
        currency (str):
        id (int):
        name (str):
        options (VariantPublicOptions):
        price (int): In `currency`: the variant's own, or the one the read asked for
        prices (list[Price]): Every currency the variant is priced in, its own first
        sku (str):
        weight_g (int):
    """

    available: int
    currency: str
    id: int
    name: str
    options: VariantPublicOptions
    price: int
    prices: list[Price]
    sku: str
    weight_g: int

    def to_dict(self) -> dict[str, Any]:
        available = self.available

        currency = self.currency

        id = self.id

        name = self.name

        options = self.options.to_dict()

        price = self.price

        prices = []
        for prices_item_data in self.prices:
            prices_item = prices_item_data.to_dict()
            prices.append(prices_item)

        sku = self.sku

        weight_g = self.weight_g

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "available": available,
                "currency": currency,
                "id": id,
                "name": name,
                "options": options,
                "price": price,
                "prices": prices,
                "sku": sku,
                "weight_g": weight_g,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.price import Price  # noqa: PLC0415
        from ..models.variant_public_options import VariantPublicOptions  # noqa: PLC0415

        d = dict(src_dict)
        available = d.pop("available")

        currency = d.pop("currency")

        id = d.pop("id")

        name = d.pop("name")

        options = VariantPublicOptions.from_dict(d.pop("options"))

        price = d.pop("price")

        prices = []
        _prices = d.pop("prices")
        for prices_item_data in _prices:
            prices_item = Price.from_dict(prices_item_data)

            prices.append(prices_item)

        sku = d.pop("sku")

        weight_g = d.pop("weight_g")

        variant_public = cls(
            available=available,
            currency=currency,
            id=id,
            name=name,
            options=options,
            price=price,
            prices=prices,
            sku=sku,
            weight_g=weight_g,
        )

        return variant_public
