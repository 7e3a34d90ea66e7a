from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.admin_order_payment_provider import AdminOrderPaymentProvider
from ..models.admin_order_payment_status import AdminOrderPaymentStatus
from ..models.admin_order_status import AdminOrderStatus

if TYPE_CHECKING:
    from ..models.admin_order_balance_payment_type_1_type_0 import AdminOrderBalancePaymentType1Type0
    from ..models.admin_order_shipping_method_type_1_type_0 import AdminOrderShippingMethodType1Type0
    from ..models.balance_payment import BalancePayment
    from ..models.order_address import OrderAddress
    from ..models.order_item import OrderItem
    from ..models.shipment import Shipment
    from ..models.shipping_method_snapshot import ShippingMethodSnapshot
    from ..models.tax_line import TaxLine
    from ..models.timeline_entry import TimelineEntry


T = TypeVar("T", bound="AdminOrder")


@_attrs_define
class AdminOrder:
    """
    Attributes:
        amount_paid (int): What was captured: the payment, plus the balances of edits paid
        amount_refunded (int):
        balance_due (int): What an edit still asks to be paid (POST /orders/{id}/balance-payment)
        balance_payment (AdminOrderBalancePaymentType1Type0 | BalancePayment | None): The balance to pay, if any
        carrier (None | str):
        created_at (datetime.datetime):
        currency (str):
        discount_code (None | str):
        discount_total (int):
        email (str):
        id (int):
        items (list[OrderItem]):
        number (str):
        paid_at (datetime.datetime | None):
        payment_intent_id (None | str):
        payment_provider (AdminOrderPaymentProvider):
        payment_status (AdminOrderPaymentStatus):
        reservation_expires_at (datetime.datetime | None):
        shipments (list[Shipment]):
        shipping_address (OrderAddress):
        shipping_method (AdminOrderShippingMethodType1Type0 | None | ShippingMethodSnapshot): The method chosen at
            checkout; null where the flat rate applied
        shipping_total (int):
        status (AdminOrderStatus):
        subtotal (int):
        tax_lines (list[TaxLine]):
        tax_total (int):
        timeline (list[TimelineEntry]):
        total (int):
        tracking_number (None | str):
        user_id (int | None): null: a guest's order
    """

    amount_paid: int
    amount_refunded: int
    balance_due: int
    balance_payment: AdminOrderBalancePaymentType1Type0 | BalancePayment | None
    carrier: None | str
    created_at: datetime.datetime
    currency: str
    discount_code: None | str
    discount_total: int
    email: str
    id: int
    items: list[OrderItem]
    number: str
    paid_at: datetime.datetime | None
    payment_intent_id: None | str
    payment_provider: AdminOrderPaymentProvider
    payment_status: AdminOrderPaymentStatus
    reservation_expires_at: datetime.datetime | None
    shipments: list[Shipment]
    shipping_address: OrderAddress
    shipping_method: AdminOrderShippingMethodType1Type0 | None | ShippingMethodSnapshot
    shipping_total: int
    status: AdminOrderStatus
    subtotal: int
    tax_lines: list[TaxLine]
    tax_total: int
    timeline: list[TimelineEntry]
    total: int
    tracking_number: None | str
    user_id: int | None

    def to_dict(self) -> dict[str, Any]:
        from ..models.admin_order_balance_payment_type_1_type_0 import AdminOrderBalancePaymentType1Type0  # noqa: PLC0415
        from ..models.admin_order_shipping_method_type_1_type_0 import AdminOrderShippingMethodType1Type0  # noqa: PLC0415
        from ..models.balance_payment import BalancePayment  # noqa: PLC0415
        from ..models.shipping_method_snapshot import ShippingMethodSnapshot  # noqa: PLC0415

        amount_paid = self.amount_paid

        amount_refunded = self.amount_refunded

        balance_due = self.balance_due

        balance_payment: dict[str, Any] | None
        if isinstance(self.balance_payment, BalancePayment):
            balance_payment = self.balance_payment.to_dict()
        elif isinstance(self.balance_payment, AdminOrderBalancePaymentType1Type0):
            balance_payment = self.balance_payment.to_dict()
        else:
            balance_payment = self.balance_payment

        carrier: None | str
        carrier = self.carrier

        created_at = self.created_at.isoformat()

        currency = self.currency

        discount_code: None | str
        discount_code = self.discount_code

        discount_total = self.discount_total

        email = self.email

        id = self.id

        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)

        number = self.number

        paid_at: None | str
        if isinstance(self.paid_at, datetime.datetime):
            paid_at = self.paid_at.isoformat()
        else:
            paid_at = self.paid_at

        payment_intent_id: None | str
        payment_intent_id = self.payment_intent_id

        payment_provider = self.payment_provider.value

        payment_status = self.payment_status.value

        reservation_expires_at: None | str
        if isinstance(self.reservation_expires_at, datetime.datetime):
            reservation_expires_at = self.reservation_expires_at.isoformat()
        else:
            reservation_expires_at = self.reservation_expires_at

        shipments = []
        for shipments_item_data in self.shipments:
            shipments_item = shipments_item_data.to_dict()
            shipments.append(shipments_item)

        shipping_address = self.shipping_address.to_dict()

        shipping_method: dict[str, Any] | None
        if isinstance(self.shipping_method, ShippingMethodSnapshot):
            shipping_method = self.shipping_method.to_dict()
        elif isinstance(self.shipping_method, AdminOrderShippingMethodType1Type0):
            shipping_method = self.shipping_method.to_dict()
        else:
            shipping_method = self.shipping_method

        shipping_total = self.shipping_total

        status = self.status.value

        subtotal = self.subtotal

        tax_lines = []
        for tax_lines_item_data in self.tax_lines:
            tax_lines_item = tax_lines_item_data.to_dict()
            tax_lines.append(tax_lines_item)

        tax_total = self.tax_total

        timeline = []
        for timeline_item_data in self.timeline:
            timeline_item = timeline_item_data.to_dict()
            timeline.append(timeline_item)

        total = self.total

        tracking_number: None | str
        tracking_number = self.tracking_number

        user_id: int | None
        user_id = self.user_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "amount_paid": amount_paid,
                "amount_refunded": amount_refunded,
                "balance_due": balance_due,
                "balance_payment": balance_payment,
                "carrier": carrier,
                "created_at": created_at,
                "currency": currency,
                "discount_code": discount_code,
                "discount_total": discount_total,
                "email": email,
                "id": id,
                "items": items,
                "number": number,
                "paid_at": paid_at,
                "payment_intent_id": payment_intent_id,
                "payment_provider": payment_provider,
                "payment_status": payment_status,
                "reservation_expires_at": reservation_expires_at,
                "shipments": shipments,
                "shipping_address": shipping_address,
                "shipping_method": shipping_method,
                "shipping_total": shipping_total,
                "status": status,
                "subtotal": subtotal,
                "tax_lines": tax_lines,
                "tax_total": tax_total,
                "timeline": timeline,
                "total": total,
                "tracking_number": tracking_number,
                "user_id": user_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.admin_order_balance_payment_type_1_type_0 import AdminOrderBalancePaymentType1Type0  # noqa: PLC0415
        from ..models.admin_order_shipping_method_type_1_type_0 import AdminOrderShippingMethodType1Type0  # noqa: PLC0415
        from ..models.balance_payment import BalancePayment  # noqa: PLC0415
        from ..models.order_address import OrderAddress  # noqa: PLC0415
        from ..models.order_item import OrderItem  # noqa: PLC0415
        from ..models.shipment import Shipment  # noqa: PLC0415
        from ..models.shipping_method_snapshot import ShippingMethodSnapshot  # noqa: PLC0415
        from ..models.tax_line import TaxLine  # noqa: PLC0415
        from ..models.timeline_entry import TimelineEntry  # noqa: PLC0415

        d = dict(src_dict)
        amount_paid = d.pop("amount_paid")

        amount_refunded = d.pop("amount_refunded")

        balance_due = d.pop("balance_due")

        def _parse_balance_payment(data: object) -> AdminOrderBalancePaymentType1Type0 | BalancePayment | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                balance_payment_type_0 = BalancePayment.from_dict(data)

                return balance_payment_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                balance_payment_type_1_type_0 = AdminOrderBalancePaymentType1Type0.from_dict(data)

                return balance_payment_type_1_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AdminOrderBalancePaymentType1Type0 | BalancePayment | None, data)

        balance_payment = _parse_balance_payment(d.pop("balance_payment"))

        def _parse_carrier(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        carrier = _parse_carrier(d.pop("carrier"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        currency = d.pop("currency")

        def _parse_discount_code(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        discount_code = _parse_discount_code(d.pop("discount_code"))

        discount_total = d.pop("discount_total")

        email = d.pop("email")

        id = d.pop("id")

        items = []
        _items = d.pop("items")
        for items_item_data in _items:
            items_item = OrderItem.from_dict(items_item_data)

            items.append(items_item)

        number = d.pop("number")

        def _parse_paid_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                paid_at_type_0 = datetime.datetime.fromisoformat(data)

                return paid_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        paid_at = _parse_paid_at(d.pop("paid_at"))

        def _parse_payment_intent_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        payment_intent_id = _parse_payment_intent_id(d.pop("payment_intent_id"))

        payment_provider = AdminOrderPaymentProvider(d.pop("payment_provider"))

        payment_status = AdminOrderPaymentStatus(d.pop("payment_status"))

        def _parse_reservation_expires_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                reservation_expires_at_type_0 = datetime.datetime.fromisoformat(data)

                return reservation_expires_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        reservation_expires_at = _parse_reservation_expires_at(d.pop("reservation_expires_at"))

        shipments = []
        _shipments = d.pop("shipments")
        for shipments_item_data in _shipments:
            shipments_item = Shipment.from_dict(shipments_item_data)

            shipments.append(shipments_item)

        shipping_address = OrderAddress.from_dict(d.pop("shipping_address"))

        def _parse_shipping_method(data: object) -> AdminOrderShippingMethodType1Type0 | None | ShippingMethodSnapshot:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                shipping_method_type_0 = ShippingMethodSnapshot.from_dict(data)

                return shipping_method_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                shipping_method_type_1_type_0 = AdminOrderShippingMethodType1Type0.from_dict(data)

                return shipping_method_type_1_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AdminOrderShippingMethodType1Type0 | None | ShippingMethodSnapshot, data)

        shipping_method = _parse_shipping_method(d.pop("shipping_method"))

        shipping_total = d.pop("shipping_total")

        status = AdminOrderStatus(d.pop("status"))

        subtotal = d.pop("subtotal")

        tax_lines = []
        _tax_lines = d.pop("tax_lines")
        for tax_lines_item_data in _tax_lines:
            tax_lines_item = TaxLine.from_dict(tax_lines_item_data)

            tax_lines.append(tax_lines_item)

        tax_total = d.pop("tax_total")

        timeline = []
        _timeline = d.pop("timeline")
        for timeline_item_data in _timeline:
            timeline_item = TimelineEntry.from_dict(timeline_item_data)

            timeline.append(timeline_item)

        total = d.pop("total")

        def _parse_tracking_number(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        tracking_number = _parse_tracking_number(d.pop("tracking_number"))

        def _parse_user_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        user_id = _parse_user_id(d.pop("user_id"))

        admin_order = cls(
            amount_paid=amount_paid,
            amount_refunded=amount_refunded,
            balance_due=balance_due,
            balance_payment=balance_payment,
            carrier=carrier,
            created_at=created_at,
            currency=currency,
            discount_code=discount_code,
            discount_total=discount_total,
            email=email,
            id=id,
            items=items,
            number=number,
            paid_at=paid_at,
            payment_intent_id=payment_intent_id,
            payment_provider=payment_provider,
            payment_status=payment_status,
            reservation_expires_at=reservation_expires_at,
            shipments=shipments,
            shipping_address=shipping_address,
            shipping_method=shipping_method,
            shipping_total=shipping_total,
            status=status,
            subtotal=subtotal,
            tax_lines=tax_lines,
            tax_total=tax_total,
            timeline=timeline,
            total=total,
            tracking_number=tracking_number,
            user_id=user_id,
        )

        return admin_order
