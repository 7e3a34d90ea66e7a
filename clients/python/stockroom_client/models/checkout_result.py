from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.order import Order
    from ..models.payment import Payment


T = TypeVar("T", bound="CheckoutResult")


@_attrs_define
class CheckoutResult:
    """
    Attributes:
        order (Order):
        payment (Payment):
    """

    order: Order
    payment: Payment

    def to_dict(self) -> dict[str, Any]:
        order = self.order.to_dict()

        payment = self.payment.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "order": order,
                "payment": payment,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.order import Order  # noqa: PLC0415
        from ..models.payment import Payment  # noqa: PLC0415

        d = dict(src_dict)
        order = Order.from_dict(d.pop("order"))

        payment = Payment.from_dict(d.pop("payment"))

        checkout_result = cls(
            order=order,
            payment=payment,
        )

        return checkout_result
