from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.order import Order
    from ..models.refund import Refund


T = TypeVar("T", bound="RefundResult")


@_attrs_define
class RefundResult:
    """
    Attributes:
        order (Order):
        refund (Refund):
    """

    order: Order
    refund: Refund

    def to_dict(self) -> dict[str, Any]:
        order = self.order.to_dict()

        refund = self.refund.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "order": order,
                "refund": refund,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.order import Order  # noqa: PLC0415
        from ..models.refund import Refund  # noqa: PLC0415

        d = dict(src_dict)
        order = Order.from_dict(d.pop("order"))

        refund = Refund.from_dict(d.pop("refund"))

        refund_result = cls(
            order=order,
            refund=refund,
        )

        return refund_result
