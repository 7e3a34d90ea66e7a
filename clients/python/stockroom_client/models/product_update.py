from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.product_update_status import ProductUpdateStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="ProductUpdate")


@_attrs_define
class ProductUpdate:
    """
    Attributes:
        category_id (int | Unset):
        description (str | Unset):
        name (str | Unset):
        seller_id (int | None | Unset):
        slug (str | Unset):
        status (ProductUpdateStatus | Unset):
    """

    category_id: int | Unset = UNSET
    description: str | Unset = UNSET
    name: str | Unset = UNSET
    seller_id: int | None | Unset = UNSET
    slug: str | Unset = UNSET
    status: ProductUpdateStatus | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        category_id = self.category_id

        description = self.description

        name = self.name

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

        field_dict.update({})
        if category_id is not UNSET:
            field_dict["category_id"] = category_id
        if description is not UNSET:
            field_dict["description"] = description
        if name is not UNSET:
            field_dict["name"] = name
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
        category_id = d.pop("category_id", UNSET)

        description = d.pop("description", UNSET)

        name = d.pop("name", UNSET)

        def _parse_seller_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        seller_id = _parse_seller_id(d.pop("seller_id", UNSET))

        slug = d.pop("slug", UNSET)

        _status = d.pop("status", UNSET)
        status: ProductUpdateStatus | Unset
        if isinstance(_status, Unset):
            status = UNSET
        else:
            status = ProductUpdateStatus(_status)

        product_update = cls(
            category_id=category_id,
            description=description,
            name=name,
            seller_id=seller_id,
            slug=slug,
            status=status,
        )

        return product_update
