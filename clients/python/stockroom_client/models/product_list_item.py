from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.category_ref import CategoryRef
    from ..models.rating import Rating


T = TypeVar("T", bound="ProductListItem")


@_attrs_define
class ProductListItem:
    """
    Attributes:
        available (int):
        category (CategoryRef):
        currency (str):
        id (int):
        image (None | str):
        name (str):
        price_max (int | None):
        price_min (int | None):
        rating (Rating):
        slug (str):
    """

    available: int
    category: CategoryRef
    currency: str
    id: int
    image: None | str
    name: str
    price_max: int | None
    price_min: int | None
    rating: Rating
    slug: str

    def to_dict(self) -> dict[str, Any]:
        available = self.available

        category = self.category.to_dict()

        currency = self.currency

        id = self.id

        image: None | str
        image = self.image

        name = self.name

        price_max: int | None
        price_max = self.price_max

        price_min: int | None
        price_min = self.price_min

        rating = self.rating.to_dict()

        slug = self.slug

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "available": available,
                "category": category,
                "currency": currency,
                "id": id,
                "image": image,
                "name": name,
                "price_max": price_max,
                "price_min": price_min,
                "rating": rating,
                "slug": slug,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.category_ref import CategoryRef  # noqa: PLC0415
        from ..models.rating import Rating  # noqa: PLC0415

        d = dict(src_dict)
        available = d.pop("available")

        category = CategoryRef.from_dict(d.pop("category"))

        currency = d.pop("currency")

        id = d.pop("id")

        def _parse_image(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        image = _parse_image(d.pop("image"))

        name = d.pop("name")

        def _parse_price_max(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        price_max = _parse_price_max(d.pop("price_max"))

        def _parse_price_min(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        price_min = _parse_price_min(d.pop("price_min"))

        rating = Rating.from_dict(d.pop("rating"))

        slug = d.pop("slug")

        product_list_item = cls(
            available=available,
            category=category,
            currency=currency,
            id=id,
            image=image,
            name=name,
            price_max=price_max,
            price_min=price_min,
            rating=rating,
            slug=slug,
        )

        return product_list_item
