from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

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
        order_token (None | str): A guest's key to the order: send it as X-Order-Token to read or cancel it (at least
            128 bits; shown here and in the order's emails only). Null when signed in
        payment (Payment):
    """

    order: Order
    order_token: None | str
    payment: Payment

    def to_dict(self) -> dict[str, Any]:
        order = self.order.to_dict()

        order_token: None | str
        order_token = self.order_token

        payment = self.payment.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "order": order,
                "order_token": order_token,
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

        def _parse_order_token(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        order_token = _parse_order_token(d.pop("order_token"))

        payment = Payment.from_dict(d.pop("payment"))

        checkout_result = cls(
            order=order,
            order_token=order_token,
            payment=payment,
        )

        return checkout_result
