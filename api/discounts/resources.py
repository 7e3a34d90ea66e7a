"""Discount codes (admin)."""

from __future__ import annotations

from datetime import UTC

import marshmallow as ma
from flask.views import MethodView
from marshmallow import fields

from api.schemas import Choice, MoneySchema, ResponseSchema, StrictBoolean, StrictSchema
from core.auth import Blueprint
from core.pagination import paginate_query
from models import DiscountKind, db
from services import discounts, orders

blp = Blueprint("discounts", __name__, description="Discount codes (admin)")

MAX_CENTS = 100_000_000


class DiscountSchema(ResponseSchema):
    id = fields.Integer()
    code = fields.String()
    kind = Choice(DiscountKind)
    value = fields.Integer()
    currency = fields.String()
    min_subtotal = fields.Integer()
    starts_at = fields.AwareDateTime(allow_none=True, format="iso")
    ends_at = fields.AwareDateTime(allow_none=True, format="iso")
    max_uses = fields.Integer(allow_none=True)
    per_customer_limit = fields.Integer(allow_none=True)
    active = fields.Boolean()
    uses = fields.Integer()
    created_at = fields.DateTime(format="iso")


def _count(**kwargs) -> fields.Integer:
    return fields.Integer(strict=True, validate=ma.validate.Range(min=1, max=MAX_CENTS), **kwargs)


class DiscountCreateSchema(StrictSchema):
    code = fields.String(required=True, validate=[
        ma.validate.Length(min=2, max=40),
        ma.validate.Regexp(r"^[A-Za-z0-9_-]+$", error="Letters, digits, '_' and '-' only.")])
    kind = fields.String(required=True,
                         validate=ma.validate.OneOf([k.value for k in DiscountKind]))
    value = _count(required=True)
    currency = fields.String(load_default="usd", validate=ma.validate.Regexp(r"^[a-z]{3}$"))
    min_subtotal = fields.Integer(strict=True, load_default=0,
                                  validate=ma.validate.Range(min=0, max=MAX_CENTS))
    starts_at = fields.AwareDateTime(allow_none=True, default_timezone=UTC)
    ends_at = fields.AwareDateTime(allow_none=True, default_timezone=UTC)
    max_uses = _count(allow_none=True)
    per_customer_limit = _count(allow_none=True)
    active = StrictBoolean(load_default=True)


class DiscountUpdateSchema(DiscountCreateSchema):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, partial=True, **kwargs)

    currency = fields.String(validate=ma.validate.Regexp(r"^[a-z]{3}$"))
    min_subtotal = fields.Integer(strict=True, validate=ma.validate.Range(min=0, max=MAX_CENTS))
    active = StrictBoolean()


@blp.route("/admin/discounts")
class Discounts(MethodView):
    @blp.auth_required("admin")
    @blp.response(200, DiscountSchema(many=True))
    @blp.paginate()
    @blp.doc(operationId="listDiscounts")
    def get(self, pagination_parameters):
        """List discount codes"""
        return paginate_query(discounts.list_discounts(), pagination_parameters)

    @blp.auth_required("admin")
    @blp.arguments(DiscountCreateSchema)
    @blp.response(201, DiscountSchema)
    @blp.errors(discounts.DiscountCodeTaken)
    @blp.doc(operationId="createDiscount")
    def post(self, body):
        """Create a discount code"""
        discount = discounts.create_discount(body)
        db.session.commit()
        return discount


class DiscountDetailSchema(DiscountSchema):
    paid_orders = fields.Integer(metadata={"description": "Paid orders that used the code"})
    revenue = fields.List(fields.Nested(MoneySchema), metadata={
        "description": "Per currency: those orders' totals less what was refunded"})
    discounted = fields.List(fields.Nested(MoneySchema), metadata={
        "description": "Per currency: what the code took off those orders"})


@blp.route("/admin/discounts/<id:discount_id>")
class DiscountById(MethodView):
    @blp.auth_required("admin")
    @blp.response(200, DiscountDetailSchema)
    @blp.doc(operationId="getDiscount")
    def get(self, discount_id):
        """One discount code with its uses, the paid orders that used it and their revenue"""
        discount = discounts.get_discount(discount_id)
        return {**{name: getattr(discount, name) for name in DiscountSchema().fields},
                **orders.discount_figures(discount.id)}
    @blp.auth_required("admin")
    @blp.arguments(DiscountUpdateSchema, required=False)
    @blp.response(200, DiscountSchema)
    @blp.errors(discounts.DiscountCodeTaken)
    @blp.doc(operationId="updateDiscount")
    def patch(self, body, discount_id):
        """Change a discount code"""
        discount = discounts.update_discount(discount_id, body)
        db.session.commit()
        return discount
