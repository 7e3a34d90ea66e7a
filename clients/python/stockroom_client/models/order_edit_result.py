from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.admin_order_detail import AdminOrderDetail
    from ..models.order_edit import OrderEdit


T = TypeVar("T", bound="OrderEditResult")


@_attrs_define
class OrderEditResult:
    """
    Attributes:
        edit (OrderEdit):
        order (AdminOrderDetail):
    """

    edit: OrderEdit
    order: AdminOrderDetail

    def to_dict(self) -> dict[str, Any]:
        edit = self.edit.to_dict()

        order = self.order.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "edit": edit,
                "order": order,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.admin_order_detail import AdminOrderDetail  # noqa: PLC0415
        from ..models.order_edit import OrderEdit  # noqa: PLC0415

        d = dict(src_dict)
        edit = OrderEdit.from_dict(d.pop("edit"))

        order = AdminOrderDetail.from_dict(d.pop("order"))

        order_edit_result = cls(
            edit=edit,
            order=order,
        )

        return order_edit_result
