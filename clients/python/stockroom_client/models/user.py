from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.user_role import UserRole

T = TypeVar("T", bound="User")


@_attrs_define
class User:
    """
    Attributes:
        created_at (datetime.datetime):
        email (str):
        email_verified (bool):
        full_name (str):
        id (int):
        role (UserRole):
    """

    created_at: datetime.datetime
    email: str
    email_verified: bool
    full_name: str
    id: int
    role: UserRole

    def to_dict(self) -> dict[str, Any]:
        created_at = self.created_at.isoformat()

        email = self.email

        email_verified = self.email_verified

        full_name = self.full_name

        id = self.id

        role = self.role.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "created_at": created_at,
                "email": email,
                "email_verified": email_verified,
                "full_name": full_name,
                "id": id,
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

        role = UserRole(d.pop("role"))

        user = cls(
            created_at=created_at,
            email=email,
            email_verified=email_verified,
            full_name=full_name,
            id=id,
            role=role,
        )

        return user
