from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.admin_order_detail_payment_provider import AdminOrderDetailPaymentProvider
from ..models.admin_order_detail_payment_status import AdminOrderDetailPaymentStatus
from ..models.admin_order_detail_status import AdminOrderDetailStatus

if TYPE_CHECKING:
    from ..models.admin_order_detail_balance_payment_type_1_type_0 import AdminOrderDetailBalancePaymentType1Type0
    from ..models.admin_order_detail_customer_type_1_type_0 import AdminOrderDetailCustomerType1Type0
    from ..models.admin_order_detail_shipping_method_type_1_type_0 import AdminOrderDetailShippingMethodType1Type0
    from ..models.balance_payment import BalancePayment
    from ..models.customer_ref import CustomerRef
    from ..models.order_address import OrderAddress
    from ..models.order_edit import OrderEdit
    from ..models.order_item import OrderItem
    from ..models.refund import Refund
    from ..models.shipment import Shipment
    from ..models.shipping_method_snapshot import ShippingMethodSnapshot
    from ..models.tax_line import TaxLine
    from ..models.timeline_entry import TimelineEntry


T = TypeVar("T", bound="AdminOrderDetail")


@_attrs_define
class AdminOrderDetail:
    """
    Attributes:
        amount_paid (int): What was captured: the payment, plus the balances of edits paid
        amount_refunded (int):
        balance_due (int): What an edit still asks to be paid (POST /orders/{id}/balance-payment)
        balance_payment (AdminOrderDetailBalancePaymentType1Type0 | BalancePayment | None): The balance to pay, if any
        balance_payments (list[BalancePayment]):
        carrier (None | str):
        created_at (datetime.datetime):
        currency (str):
        customer (AdminOrderDetailCustomerType1Type0 | CustomerRef | None): null: a guest's order
        discount_code (None | str):
        discount_total (int):
        edits (list[OrderEdit]):
        email (str):
        id (int):
        items (list[OrderItem]):
        number (str):
        paid_at (datetime.datetime | None):
        payment_intent_id (None | str):
        payment_provider (AdminOrderDetailPaymentProvider):
        payment_status (AdminOrderDetailPaymentStatus):
        refunds (list[Refund]):
        reservation_expires_at (datetime.datetime | None):
        shipments (list[Shipment]):
        shipping_address (OrderAddress):
        shipping_method (AdminOrderDetailShippingMethodType1Type0 | None | ShippingMethodSnapshot): The method chosen at
            checkout; null where the flat rate applied
        shipping_total (int):
        status (AdminOrderDetailStatus):
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
    balance_payment: AdminOrderDetailBalancePaymentType1Type0 | BalancePayment | None
    balance_payments: list[BalancePayment]
    carrier: None | str
    created_at: datetime.datetime
    currency: str
    customer: AdminOrderDetailCustomerType1Type0 | CustomerRef | None
    discount_code: None | str
    discount_total: int
    edits: list[OrderEdit]
    email: str
    id: int
    items: list[OrderItem]
    number: str
    paid_at: datetime.datetime | None
    payment_intent_id: None | str
    payment_provider: AdminOrderDetailPaymentProvider
    payment_status: AdminOrderDetailPaymentStatus
    refunds: list[Refund]
    reservation_expires_at: datetime.datetime | None
    shipments: list[Shipment]
    shipping_address: OrderAddress
    shipping_method: AdminOrderDetailShippingMethodType1Type0 | None | ShippingMethodSnapshot
    shipping_total: int
    status: AdminOrderDetailStatus
    subtotal: int
    tax_lines: list[TaxLine]
    tax_total: int
    timeline: list[TimelineEntry]
    total: int
    tracking_number: None | str
    user_id: int | None

    def to_dict(self) -> dict[str, Any]:
        from ..models.admin_order_detail_balance_payment_type_1_type_0 import AdminOrderDetailBalancePaymentType1Type0  # noqa: PLC0415
        from ..models.admin_order_detail_customer_type_1_type_0 import AdminOrderDetailCustomerType1Type0  # noqa: PLC0415
        from ..models.admin_order_detail_shipping_method_type_1_type_0 import AdminOrderDetailShippingMethodType1Type0  # noqa: PLC0415
        from ..models.balance_payment import BalancePayment  # noqa: PLC0415
        from ..models.customer_ref import CustomerRef  # noqa: PLC0415
        from ..models.shipping_method_snapshot import ShippingMethodSnapshot  # noqa: PLC0415

        amount_paid = self.amount_paid

        amount_refunded = self.amount_refunded

        balance_due = self.balance_due

        balance_payment: dict[str, Any] | None
        if isinstance(self.balance_payment, BalancePayment):
            balance_payment = self.balance_payment.to_dict()
        elif isinstance(self.balance_payment, AdminOrderDetailBalancePaymentType1Type0):
            balance_payment = self.balance_payment.to_dict()
        else:
            balance_payment = self.balance_payment

        balance_payments = []
        for balance_payments_item_data in self.balance_payments:
            balance_payments_item = balance_payments_item_data.to_dict()
            balance_payments.append(balance_payments_item)

        carrier: None | str
        carrier = self.carrier

        created_at = self.created_at.isoformat()

        currency = self.currency

        customer: dict[str, Any] | None
        if isinstance(self.customer, CustomerRef):
            customer = self.customer.to_dict()
        elif isinstance(self.customer, AdminOrderDetailCustomerType1Type0):
            customer = self.customer.to_dict()
        else:
            customer = self.customer

        discount_code: None | str
        discount_code = self.discount_code

        discount_total = self.discount_total

        edits = []
        for edits_item_data in self.edits:
            edits_item = edits_item_data.to_dict()
            edits.append(edits_item)

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

        refunds = []
        for refunds_item_data in self.refunds:
            refunds_item = refunds_item_data.to_dict()
            refunds.append(refunds_item)

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
        elif isinstance(self.shipping_method, AdminOrderDetailShippingMethodType1Type0):
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
                "balance_payments": balance_payments,
                "carrier": carrier,
                "created_at": created_at,
                "currency": currency,
                "customer": customer,
                "discount_code": discount_code,
                "discount_total": discount_total,
                "edits": edits,
                "email": email,
                "id": id,
                "items": items,
                "number": number,
                "paid_at": paid_at,
                "payment_intent_id": payment_intent_id,
                "payment_provider": payment_provider,
                "payment_status": payment_status,
                "refunds": refunds,
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
        from ..models.admin_order_detail_balance_payment_type_1_type_0 import AdminOrderDetailBalancePaymentType1Type0  # noqa: PLC0415
        from ..models.admin_order_detail_customer_type_1_type_0 import AdminOrderDetailCustomerType1Type0  # noqa: PLC0415
        from ..models.admin_order_detail_shipping_method_type_1_type_0 import AdminOrderDetailShippingMethodType1Type0  # noqa: PLC0415
        from ..models.balance_payment import BalancePayment  # noqa: PLC0415
        from ..models.customer_ref import CustomerRef  # noqa: PLC0415
        from ..models.order_address import OrderAddress  # noqa: PLC0415
        from ..models.order_edit import OrderEdit  # noqa: PLC0415
        from ..models.order_item import OrderItem  # noqa: PLC0415
        from ..models.refund import Refund  # noqa: PLC0415
        from ..models.shipment import Shipment  # noqa: PLC0415
        from ..models.shipping_method_snapshot import ShippingMethodSnapshot  # noqa: PLC0415
        from ..models.tax_line import TaxLine  # noqa: PLC0415
        from ..models.timeline_entry import TimelineEntry  # noqa: PLC0415

        d = dict(src_dict)
        amount_paid = d.pop("amount_paid")

        amount_refunded = d.pop("amount_refunded")

        balance_due = d.pop("balance_due")

        def _parse_balance_payment(data: object) -> AdminOrderDetailBalancePaymentType1Type0 | BalancePayment | None:
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
                balance_payment_type_1_type_0 = AdminOrderDetailBalancePaymentType1Type0.from_dict(data)

                return balance_payment_type_1_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AdminOrderDetailBalancePaymentType1Type0 | BalancePayment | None, data)

        balance_payment = _parse_balance_payment(d.pop("balance_payment"))

        balance_payments = []
        _balance_payments = d.pop("balance_payments")
        for balance_payments_item_data in _balance_payments:
            balance_payments_item = BalancePayment.from_dict(balance_payments_item_data)

            balance_payments.append(balance_payments_item)

        def _parse_carrier(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        carrier = _parse_carrier(d.pop("carrier"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        currency = d.pop("currency")

        def _parse_customer(data: object) -> AdminOrderDetailCustomerType1Type0 | CustomerRef | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                customer_type_0 = CustomerRef.from_dict(data)

                return customer_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                customer_type_1_type_0 = AdminOrderDetailCustomerType1Type0.from_dict(data)

                return customer_type_1_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AdminOrderDetailCustomerType1Type0 | CustomerRef | None, data)

        customer = _parse_customer(d.pop("customer"))

        def _parse_discount_code(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        discount_code = _parse_discount_code(d.pop("discount_code"))

        discount_total = d.pop("discount_total")

        edits = []
        _edits = d.pop("edits")
        for edits_item_data in _edits:
            edits_item = OrderEdit.from_dict(edits_item_data)

            edits.append(edits_item)

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

        payment_provider = AdminOrderDetailPaymentProvider(d.pop("payment_provider"))

        payment_status = AdminOrderDetailPaymentStatus(d.pop("payment_status"))

        refunds = []
        _refunds = d.pop("refunds")
        for refunds_item_data in _refunds:
            refunds_item = Refund.from_dict(refunds_item_data)

            refunds.append(refunds_item)

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

        def _parse_shipping_method(
            data: object,
        ) -> AdminOrderDetailShippingMethodType1Type0 | None | ShippingMethodSnapshot:
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
                shipping_method_type_1_type_0 = AdminOrderDetailShippingMethodType1Type0.from_dict(data)

                return shipping_method_type_1_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AdminOrderDetailShippingMethodType1Type0 | None | ShippingMethodSnapshot, data)

        shipping_method = _parse_shipping_method(d.pop("shipping_method"))

        shipping_total = d.pop("shipping_total")

        status = AdminOrderDetailStatus(d.pop("status"))

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

        admin_order_detail = cls(
            amount_paid=amount_paid,
            amount_refunded=amount_refunded,
            balance_due=balance_due,
            balance_payment=balance_payment,
            balance_payments=balance_payments,
            carrier=carrier,
            created_at=created_at,
            currency=currency,
            customer=customer,
            discount_code=discount_code,
            discount_total=discount_total,
            edits=edits,
            email=email,
            id=id,
            items=items,
            number=number,
            paid_at=paid_at,
            payment_intent_id=payment_intent_id,
            payment_provider=payment_provider,
            payment_status=payment_status,
            refunds=refunds,
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

        return admin_order_detail
