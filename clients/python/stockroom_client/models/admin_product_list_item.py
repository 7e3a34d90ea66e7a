from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.admin_product_list_item_status import AdminProductListItemStatus

if TYPE_CHECKING:
    from ..models.category_ref import CategoryRef
    from ..models.rating import Rating


T = TypeVar("T", bound="AdminProductListItem")


@_attrs_define
class AdminProductListItem:
    """
    Attributes:
        available (int):
        category (CategoryRef):
        created_at (datetime.datetime):
        currency (str):
        id (int):
        image (None | str):
        name (str):
        price_max (int | None):
        price_min (int | None):
        rating (Rating):
        seller_id (int | None):
        slug (str):
        status (AdminProductListItemStatus):
    """

    available: int
    category: CategoryRef
    created_at: datetime.datetime
    currency: str
    id: int
    image: None | str
    name: str
    price_max: int | None
    price_min: int | None
    rating: Rating
    seller_id: int | None
    slug: str
    status: AdminProductListItemStatus

    def to_dict(self) -> dict[str, Any]:
        available = self.available

        category = self.category.to_dict()

        created_at = self.created_at.isoformat()

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

        seller_id: int | None
        seller_id = self.seller_id

        slug = self.slug

        status = self.status.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "available": available,
                "category": category,
                "created_at": created_at,
                "currency": currency,
                "id": id,
                "image": image,
                "name": name,
                "price_max": price_max,
                "price_min": price_min,
                "rating": rating,
                "seller_id": seller_id,
                "slug": slug,
                "status": status,
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

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

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

        def _parse_seller_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        seller_id = _parse_seller_id(d.pop("seller_id"))

        slug = d.pop("slug")

        status = AdminProductListItemStatus(d.pop("status"))

        admin_product_list_item = cls(
            available=available,
            category=category,
            created_at=created_at,
            currency=currency,
            id=id,
            image=image,
            name=name,
            price_max=price_max,
            price_min=price_min,
            rating=rating,
            seller_id=seller_id,
            slug=slug,
            status=status,
        )

        return admin_product_list_item
