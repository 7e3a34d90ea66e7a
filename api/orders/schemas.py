import marshmallow as ma
from marshmallow import fields

from api.addresses.schemas import AddressSchema
from api.schemas import Choice, Id, ResponseSchema, StrictSchema
from models import MAX_LINE_QUANTITY, BalanceStatus, OrderStatus, PaymentStatus, RefundStatus
from services.payment_providers import PAYMENT_PROVIDERS


class OrderItemSchema(ResponseSchema):
    id = fields.Integer(metadata={"description": "The line's id (shipments and returns "
                                                "name lines by it)"})
    variant_id = fields.Integer(allow_none=True)
    sku = fields.String()
    product_name = fields.String()
    variant_name = fields.String()
    unit_price = fields.Integer()
    quantity = fields.Integer()
    line_total = fields.Integer()


class TimelineEntrySchema(ResponseSchema):
    status = Choice(OrderStatus)
    at = fields.DateTime(format="iso")
    note = fields.String(allow_none=True)


class OrderAddressSchema(AddressSchema):
    """The address as it was at checkout: the address book's fields, without its
    bookkeeping."""

    class Meta:
        exclude = ("id", "is_default", "created_at")


class ShippingMethodSnapshotSchema(ResponseSchema):
    id = fields.Integer()
    name = fields.String()
    price = fields.Integer()


class TaxLineSchema(ResponseSchema):
    name = fields.String()
    rate_bps = fields.Integer(metadata={"description": "The rate in basis points (2000: 20 %)"})
    amount = fields.Integer()


class ShipmentLineSchema(ResponseSchema):
    order_item_id = fields.Integer()
    quantity = fields.Integer()


class ShipmentSchema(ResponseSchema):
    id = fields.Integer()
    lines = fields.List(fields.Nested(ShipmentLineSchema))
    carrier = fields.String(allow_none=True)
    tracking_number = fields.String(allow_none=True)
    location_id = fields.Integer(allow_none=True, metadata={
        "description": "Where the units left from: the location holding all of the order's "
                       "units, null when they were held at several"})
    created_at = fields.DateTime(format="iso")


class BalancePaymentSchema(ResponseSchema):
    """What an edit that raised a paid order's total asks the customer to pay, through a
    PaymentIntent of its own."""

    id = fields.Integer()
    amount = fields.Integer()
    currency = fields.String()
    status = Choice(BalanceStatus, metadata={
        "description": "cancelled: replaced by a later edit's balance, or its order "
                       "cancelled (a payment that still arrives is refunded)"})
    payment_intent_id = fields.String(allow_none=True, metadata={
        "description": "null until the payment is made at the provider"})
    paid_at = fields.DateTime(format="iso", allow_none=True)
    created_at = fields.DateTime(format="iso")


class OrderSchema(ResponseSchema):
    id = fields.Integer()
    number = fields.String()
    status = Choice(OrderStatus)
    currency = fields.String()
    items = fields.List(fields.Nested(OrderItemSchema))
    subtotal = fields.Integer()
    discount_code = fields.String(allow_none=True)
    discount_total = fields.Integer()
    shipping_total = fields.Integer()
    tax_total = fields.Integer()
    tax_lines = fields.List(fields.Nested(TaxLineSchema))
    shipping_method = fields.Nested(ShippingMethodSnapshotSchema, allow_none=True, metadata={
        "description": "The method chosen at checkout; null where the flat rate applied"})
    total = fields.Integer()
    shipping_address = fields.Nested(OrderAddressSchema)
    payment_status = Choice(PaymentStatus)
    amount_paid = fields.Integer(metadata={
        "description": "What was captured: the payment, plus the balances of edits paid"})
    balance_due = fields.Integer(metadata={
        "description": "What an edit still asks to be paid (POST /orders/{id}/balance-payment)"})
    balance_payment = fields.Nested(BalancePaymentSchema, allow_none=True,
                                    attribute="pending_balance",
                                    metadata={"description": "The balance to pay, if any"})
    amount_refunded = fields.Integer()
    paid_at = fields.DateTime(format="iso", allow_none=True)
    tracking_number = fields.String(allow_none=True)
    carrier = fields.String(allow_none=True)
    reservation_expires_at = fields.DateTime(format="iso", allow_none=True)
    timeline = fields.List(fields.Nested(TimelineEntrySchema))
    shipments = fields.List(fields.Nested(ShipmentSchema))
    created_at = fields.DateTime(format="iso")


class OrderSummarySchema(ResponseSchema):
    """An order in a list of a customer's: what it is, where it stands, what it cost."""

    id = fields.Integer()
    number = fields.String()
    status = Choice(OrderStatus)
    payment_status = Choice(PaymentStatus)
    total = fields.Integer()
    currency = fields.String()
    created_at = fields.DateTime(format="iso")


class AdminOrderSchema(OrderSchema):
    user_id = fields.Integer(allow_none=True, metadata={"description": "null: a guest's order"})
    email = fields.String()
    payment_provider = Choice(PAYMENT_PROVIDERS)
    payment_intent_id = fields.String(allow_none=True)


class CustomerRefSchema(ResponseSchema):
    id = fields.Integer()
    email = fields.String()
    full_name = fields.String()
    is_active = fields.Boolean()


class RefundSchema(ResponseSchema):
    id = fields.Integer()
    order_id = fields.Integer()
    amount = fields.Integer()
    currency = fields.String()
    reason = fields.String()
    status = Choice(RefundStatus)
    provider_refund_id = fields.String(allow_none=True)
    payment_intent_id = fields.String(allow_none=True, metadata={
        "description": "The payment it gives back from (null: the order's first)"})
    part_of_id = fields.Integer(allow_none=True, metadata={
        "description": "A refund larger than one payment holds is one row per payment: "
                       "the first row's id, on the others"})
    failure_reason = fields.String(allow_none=True)
    created_at = fields.DateTime(format="iso")


class EditLineSchema(ResponseSchema):
    order_item_id = fields.Integer()
    sku = fields.String()
    quantity = fields.Integer()
    unit_price = fields.Integer()


class EditAddSchema(StrictSchema):
    variant_id = Id(required=True)
    quantity = fields.Integer(required=True, strict=True,
                              validate=ma.validate.Range(min=1, max=MAX_LINE_QUANTITY))


class EditChangeSchema(StrictSchema):
    order_item_id = Id(required=True)
    quantity = fields.Integer(required=True, strict=True,
                              validate=ma.validate.Range(min=1, max=MAX_LINE_QUANTITY))


class OrderEditCreateSchema(StrictSchema):
    add = fields.List(fields.Nested(EditAddSchema), validate=ma.validate.Length(max=100),
                      metadata={"description": "New lines, at today's price"})
    change = fields.List(fields.Nested(EditChangeSchema), validate=ma.validate.Length(max=100),
                         metadata={"description": "New quantities; the price sold at stays"})
    remove = fields.List(Id(), validate=ma.validate.Length(max=100),
                         metadata={"description": "Order line ids to take out"})


class EditChangesSchema(ResponseSchema):
    add = fields.List(fields.Nested(EditAddSchema))
    change = fields.List(fields.Nested(EditChangeSchema))
    remove = fields.List(fields.Integer())


class OrderEditSchema(ResponseSchema):
    id = fields.Integer()
    order_id = fields.Integer()
    edited_by_id = fields.Integer(allow_none=True)
    changes = fields.Nested(EditChangesSchema)
    lines_before = fields.List(fields.Nested(EditLineSchema))
    lines_after = fields.List(fields.Nested(EditLineSchema))
    total_before = fields.Integer()
    total_after = fields.Integer()
    difference = fields.Integer(metadata={"description": "total_after - total_before"})
    currency = fields.String()
    refund_id = fields.Integer(allow_none=True, metadata={
        "description": "The refund of a paid order's fall"})
    balance_payment_id = fields.Integer(allow_none=True, metadata={
        "description": "The balance payment of a paid order's rise"})
    created_at = fields.DateTime(format="iso")


class AdminOrderDetailSchema(AdminOrderSchema):
    customer = fields.Nested(CustomerRefSchema, allow_none=True,
                             metadata={"description": "null: a guest's order"})
    refunds = fields.List(fields.Nested(RefundSchema))
    edits = fields.List(fields.Nested(OrderEditSchema))
    balance_payments = fields.List(fields.Nested(BalancePaymentSchema))


class OrderEditResultSchema(ResponseSchema):
    edit = fields.Nested(OrderEditSchema)
    order = fields.Nested(AdminOrderDetailSchema)


class BalancePaymentStartSchema(ResponseSchema):
    balance_payment = fields.Nested(BalancePaymentSchema)
    provider = Choice(PAYMENT_PROVIDERS)
    payment_intent_id = fields.String()
    client_secret = fields.String(metadata={"description": "For Stripe.js to confirm"})


# An ISO date, or an ISO datetime (naive means UTC); the resource reads it.
ISO_DATE_OR_DATETIME = (r"^[0-9]{4}-[0-9]{2}-[0-9]{2}"
                        r"([T ][0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]{1,6})?)?"
                        r"(Z|[+-][0-9]{2}:[0-9]{2})?)?$")


def date_or_datetime(description: str) -> fields.String:
    return fields.String(validate=ma.validate.Regexp(ISO_DATE_OR_DATETIME),
                         metadata={"description": description})


class AdminOrderQuerySchema(ma.Schema):
    class Meta:
        unknown = ma.EXCLUDE

    status = fields.String(validate=ma.validate.OneOf(
        [status.value for status in OrderStatus]))
    created_from = date_or_datetime("ISO date (a whole store day) or datetime, inclusive")
    created_to = date_or_datetime("ISO date (a whole store day) or datetime, inclusive")
    q = fields.String(validate=[ma.validate.Length(max=254), ma.validate.Regexp(r"^[^\x00]*$")],
                      metadata={"description": "Order number or (part of) the email"})
    user_id = fields.Integer(validate=ma.validate.Range(min=1, max=2**31 - 1),
                             metadata={"description": "Only this customer's orders"})


class ShipmentLineInputSchema(StrictSchema):
    order_item_id = Id(required=True)
    quantity = fields.Integer(required=True, strict=True,
                              validate=ma.validate.Range(min=1, max=1_000_000))


class ShipmentCreateSchema(StrictSchema):
    lines = fields.List(fields.Nested(ShipmentLineInputSchema), required=True,
                        validate=ma.validate.Length(min=1, max=200))
    carrier = fields.String(allow_none=True, validate=[
        ma.validate.Length(min=1, max=50), ma.validate.Regexp(r"^[^\x00]*$")])
    tracking_number = fields.String(allow_none=True, validate=[
        ma.validate.Length(min=1, max=100), ma.validate.Regexp(r"^[^\x00]*$")])


class AdminOrderUpdateSchema(ma.Schema):
    class Meta:
        unknown = ma.RAISE

    status = fields.String(validate=ma.validate.OneOf(
        ["processing", "shipped", "delivered", "cancelled", "paid", "refunded"]))
    tracking_number = fields.String(allow_none=True, validate=[
        ma.validate.Length(min=1, max=100), ma.validate.Regexp(r"^[^\x00]*$")])
    carrier = fields.String(allow_none=True, validate=[
        ma.validate.Length(min=1, max=50), ma.validate.Regexp(r"^[^\x00]*$")])
    note = fields.String(validate=[ma.validate.Length(min=1, max=500),
                                   ma.validate.Regexp(r"^[^\x00]*$")])


class SellerOrderLineSchema(OrderItemSchema):
    """An order line of the seller's own product, with the order it belongs to."""

    order_id = fields.Integer()
    number = fields.String()
    status = Choice(OrderStatus)
    created_at = fields.DateTime(format="iso")
    product_id = fields.Integer(allow_none=True)
    currency = fields.String()
