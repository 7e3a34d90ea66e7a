from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.admin_user_update_role import AdminUserUpdateRole
from ..types import UNSET, Unset

T = TypeVar("T", bound="AdminUserUpdate")


@_attrs_define
class AdminUserUpdate:
    """
    Attributes:
        is_active (bool | Unset):
        role (AdminUserUpdateRole | Unset):
    """

    is_active: bool | Unset = UNSET
    role: AdminUserUpdateRole | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        is_active = self.is_active

        role: str | Unset = UNSET
        if not isinstance(self.role, Unset):
            role = self.role.value

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if is_active is not UNSET:
            field_dict["is_active"] = is_active
        if role is not UNSET:
            field_dict["role"] = role

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        is_active = d.pop("is_active", UNSET)

        _role = d.pop("role", UNSET)
        role: AdminUserUpdateRole | Unset
        if isinstance(_role, Unset):
            role = UNSET
        else:
            role = AdminUserUpdateRole(_role)

        admin_user_update = cls(
            is_active=is_active,
            role=role,
        )

        return admin_user_update
