import marshmallow as ma
from marshmallow import fields

from api.addresses.schemas import AddressSchema
from api.schemas import Choice, Id, ResponseSchema, StrictSchema
from models import OrderStatus, PaymentStatus, RefundStatus
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
    failure_reason = fields.String(allow_none=True)
    created_at = fields.DateTime(format="iso")


class AdminOrderDetailSchema(AdminOrderSchema):
    customer = fields.Nested(CustomerRefSchema, allow_none=True,
                             metadata={"description": "null: a guest's order"})
    refunds = fields.List(fields.Nested(RefundSchema))


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
