from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="CustomerRef")


@_attrs_define
class CustomerRef:
    """
    Attributes:
        email (str):
        full_name (str):
        id (int):
        is_active (bool):
    """

    email: str
    full_name: str
    id: int
    is_active: bool

    def to_dict(self) -> dict[str, Any]:
        email = self.email

        full_name = self.full_name

        id = self.id

        is_active = self.is_active

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "email": email,
                "full_name": full_name,
                "id": id,
                "is_active": is_active,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        email = d.pop("email")

        full_name = d.pop("full_name")

        id = d.pop("id")

        is_active = d.pop("is_active")

        customer_ref = cls(
            email=email,
            full_name=full_name,
            id=id,
            is_active=is_active,
        )

        return customer_ref
