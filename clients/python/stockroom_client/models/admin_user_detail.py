from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..models.admin_user_detail_role import AdminUserDetailRole

if TYPE_CHECKING:
    from ..models.money import Money
    from ..models.order_summary import OrderSummary


T = TypeVar("T", bound="AdminUserDetail")


@_attrs_define
class AdminUserDetail:
    """
    Attributes:
        created_at (datetime.datetime):
        email (str):
        email_verified (bool):
        full_name (str):
        id (int):
        is_active (bool):
        last_orders (list[OrderSummary]): The five newest orders
        order_count (int):
        role (AdminUserDetailRole):
        total_spent (list[Money]): Per currency: the paid orders' totals less what was refunded
    """

    created_at: datetime.datetime
    email: str
    email_verified: bool
    full_name: str
    id: int
    is_active: bool
    last_orders: list[OrderSummary]
    order_count: int
    role: AdminUserDetailRole
    total_spent: list[Money]

    def to_dict(self) -> dict[str, Any]:
        created_at = self.created_at.isoformat()

        email = self.email

        email_verified = self.email_verified

        full_name = self.full_name

        id = self.id

        is_active = self.is_active

        last_orders = []
        for last_orders_item_data in self.last_orders:
            last_orders_item = last_orders_item_data.to_dict()
            last_orders.append(last_orders_item)

        order_count = self.order_count

        role = self.role.value

        total_spent = []
        for total_spent_item_data in self.total_spent:
            total_spent_item = total_spent_item_data.to_dict()
            total_spent.append(total_spent_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "created_at": created_at,
                "email": email,
                "email_verified": email_verified,
                "full_name": full_name,
                "id": id,
                "is_active": is_active,
                "last_orders": last_orders,
                "order_count": order_count,
                "role": role,
                "total_spent": total_spent,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.money import Money  # noqa: PLC0415
        from ..models.order_summary import OrderSummary  # noqa: PLC0415

        d = dict(src_dict)
        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        email = d.pop("email")

        email_verified = d.pop("email_verified")

        full_name = d.pop("full_name")

        id = d.pop("id")

        is_active = d.pop("is_active")

        last_orders = []
        _last_orders = d.pop("last_orders")
        for last_orders_item_data in _last_orders:
            last_orders_item = OrderSummary.from_dict(last_orders_item_data)

            last_orders.append(last_orders_item)

        order_count = d.pop("order_count")

        role = AdminUserDetailRole(d.pop("role"))

        total_spent = []
        _total_spent = d.pop("total_spent")
        for total_spent_item_data in _total_spent:
            total_spent_item = Money.from_dict(total_spent_item_data)

            total_spent.append(total_spent_item)

        admin_user_detail = cls(
            created_at=created_at,
            email=email,
            email_verified=email_verified,
            full_name=full_name,
            id=id,
            is_active=is_active,
            last_orders=last_orders,
            order_count=order_count,
            role=role,
            total_spent=total_spent,
        )

        return admin_user_detail
