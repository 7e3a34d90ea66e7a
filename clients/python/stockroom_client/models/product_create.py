from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.product_create_status import ProductCreateStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="ProductCreate")


@_attrs_define
class ProductCreate:
    """
    Attributes:
        category_id (int):
        name (str):
        description (str | Unset):  Default: ''.
        seller_id (int | None | Unset):
        slug (str | Unset):
        status (ProductCreateStatus | Unset):  Default: ProductCreateStatus.DRAFT.
    """

    category_id: int
    name: str
    description: str | Unset = ""
    seller_id: int | None | Unset = UNSET
    slug: str | Unset = UNSET
    status: ProductCreateStatus | Unset = ProductCreateStatus.DRAFT

    def to_dict(self) -> dict[str, Any]:
        category_id = self.category_id

        name = self.name

        description = self.description

        seller_id: int | None | Unset
        if isinstance(self.seller_id, Unset):
            seller_id = UNSET
        else:
            seller_id = self.seller_id

        slug = self.slug

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "category_id": category_id,
                "name": name,
            }
        )
        if description is not UNSET:
            field_dict["description"] = description
        if seller_id is not UNSET:
            field_dict["seller_id"] = seller_id
        if slug is not UNSET:
            field_dict["slug"] = slug
        if status is not UNSET:
            field_dict["status"] = status

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        category_id = d.pop("category_id")

        name = d.pop("name")

        description = d.pop("description", UNSET)

        def _parse_seller_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        seller_id = _parse_seller_id(d.pop("seller_id", UNSET))

        slug = d.pop("slug", UNSET)

        _status = d.pop("status", UNSET)
        status: ProductCreateStatus | Unset
        if isinstance(_status, Unset):
            status = UNSET
        else:
            status = ProductCreateStatus(_status)

        product_create = cls(
            category_id=category_id,
            name=name,
            description=description,
            seller_id=seller_id,
            slug=slug,
            status=status,
        )

        return product_create
