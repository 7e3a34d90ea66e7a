from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.admin_user_role import AdminUserRole

T = TypeVar("T", bound="AdminUser")


@_attrs_define
class AdminUser:
    """
    Attributes:
        created_at (datetime.datetime):
        email (str):
        email_verified (bool):
        full_name (str):
        id (int):
        is_active (bool):
        role (AdminUserRole):
    """

    created_at: datetime.datetime
    email: str
    email_verified: bool
    full_name: str
    id: int
    is_active: bool
    role: AdminUserRole

    def to_dict(self) -> dict[str, Any]:
        created_at = self.created_at.isoformat()

        email = self.email

        email_verified = self.email_verified

        full_name = self.full_name

        id = self.id

        is_active = self.is_active

        role = self.role.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "created_at": created_at,
                "email": email,
                "email_verified": email_verified,
                "full_name": full_name,
                "id": id,
                "is_active": is_active,
                "role": role,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        email = d.pop("email")

        email_verified = d.pop("email_verified")

        full_name = d.pop("full_name")

        id = d.pop("id")

        is_active = d.pop("is_active")

        role = AdminUserRole(d.pop("role"))

        admin_user = cls(
            created_at=created_at,
            email=email,
            email_verified=email_verified,
            full_name=full_name,
            id=id,
            is_active=is_active,
            role=role,
        )

        return admin_user
