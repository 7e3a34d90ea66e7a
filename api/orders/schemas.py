import marshmallow as ma
from marshmallow import fields

from api.addresses.schemas import AddressSchema


class OrderItemSchema(ma.Schema):
    variant_id = fields.Integer(allow_none=True)
    sku = fields.String()
    product_name = fields.String()
    variant_name = fields.String()
    unit_price = fields.Integer()
    quantity = fields.Integer()
    line_total = fields.Integer()


class TimelineEntrySchema(ma.Schema):
    status = fields.String()
    at = fields.DateTime(format="iso")
    note = fields.String(allow_none=True)


class OrderAddressSchema(AddressSchema):
    """The address as it was at checkout: the address book's fields, without its
    bookkeeping."""

    class Meta:
        exclude = ("id", "is_default", "created_at")


class OrderSchema(ma.Schema):
    id = fields.Integer()
    number = fields.String()
    status = fields.String()
    currency = fields.String()
    items = fields.List(fields.Nested(OrderItemSchema))
    subtotal = fields.Integer()
    discount_code = fields.String(allow_none=True)
    discount_total = fields.Integer()
    shipping_total = fields.Integer()
    tax_total = fields.Integer()
    total = fields.Integer()
    shipping_address = fields.Nested(OrderAddressSchema)
    payment_status = fields.String()
    tracking_number = fields.String(allow_none=True)
    carrier = fields.String(allow_none=True)
    reservation_expires_at = fields.DateTime(format="iso", allow_none=True)
    timeline = fields.List(fields.Nested(TimelineEntrySchema))
    created_at = fields.DateTime(format="iso")
