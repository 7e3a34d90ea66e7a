from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.product_status import ProductStatus

if TYPE_CHECKING:
    from ..models.category_ref import CategoryRef
    from ..models.image import Image
    from ..models.rating import Rating
    from ..models.variant_public import VariantPublic


T = TypeVar("T", bound="Product")


@_attrs_define
class Product:
    """
    Attributes:
        category (CategoryRef):
        description (str):
        id (int):
        images (list[Image]):
        name (str):
        rating (Rating):
        seller_id (int | None):
        slug (str):
        status (ProductStatus):
        variants (list[VariantPublic]):
    """

    category: CategoryRef
    description: str
    id: int
    images: list[Image]
    name: str
    rating: Rating
    seller_id: int | None
    slug: str
    status: ProductStatus
    variants: list[VariantPublic]

    def to_dict(self) -> dict[str, Any]:
        category = self.category.to_dict()

        description = self.description

        id = self.id

        images = []
        for images_item_data in self.images:
            images_item = images_item_data.to_dict()
            images.append(images_item)

        name = self.name

        rating = self.rating.to_dict()

        seller_id: int | None
        seller_id = self.seller_id

        slug = self.slug

        status = self.status.value

        variants = []
        for variants_item_data in self.variants:
            variants_item = variants_item_data.to_dict()
            variants.append(variants_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "category": category,
                "description": description,
                "id": id,
                "images": images,
                "name": name,
                "rating": rating,
                "seller_id": seller_id,
                "slug": slug,
                "status": status,
                "variants": variants,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.category_ref import CategoryRef  # noqa: PLC0415
        from ..models.image import Image  # noqa: PLC0415
        from ..models.rating import Rating  # noqa: PLC0415
        from ..models.variant_public import VariantPublic  # noqa: PLC0415

        d = dict(src_dict)
        category = CategoryRef.from_dict(d.pop("category"))

        description = d.pop("description")

        id = d.pop("id")

        images = []
        _images = d.pop("images")
        for images_item_data in _images:
            images_item = Image.from_dict(images_item_data)

            images.append(images_item)

        name = d.pop("name")

        rating = Rating.from_dict(d.pop("rating"))

        def _parse_seller_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        seller_id = _parse_seller_id(d.pop("seller_id"))

        slug = d.pop("slug")

        status = ProductStatus(d.pop("status"))

        variants = []
        _variants = d.pop("variants")
        for variants_item_data in _variants:
            variants_item = VariantPublic.from_dict(variants_item_data)

            variants.append(variants_item)

        product = cls(
            category=category,
            description=description,
            id=id,
            images=images,
            name=name,
            rating=rating,
            seller_id=seller_id,
            slug=slug,
            status=status,
            variants=variants,
        )

        return product
