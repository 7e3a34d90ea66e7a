"""Shipping zones and methods, and tax rates (admin)."""

from __future__ import annotations

import marshmallow as ma
from flask.views import MethodView
from marshmallow import fields

from api.addresses.schemas import COUNTRY_CODES
from api.products.schemas import CURRENCY, MAX_PRICE_CENTS, Count
from api.schemas import Choice, ResponseSchema, StrictBoolean, StrictSchema, text
from core.auth import Blueprint
from models import Role, ShippingKind, db
from services import shipping, tax

blp = Blueprint("shipping", __name__, description="Shipping zones and methods, tax rates (admin)")

COUNTRY = ma.validate.OneOf(sorted(COUNTRY_CODES),
                            error="Must be an ISO 3166-1 alpha-2 country code in capitals.")


def Money(**kwargs) -> fields.Integer:
    """An amount that may be zero (a free method), in the currency's minor unit."""
    return fields.Integer(strict=True, validate=ma.validate.Range(min=0, max=MAX_PRICE_CENTS),
                          **kwargs)


class ZoneSchema(ResponseSchema):
    id = fields.Integer()
    name = fields.String()
    countries = fields.List(fields.String())


class ZoneCreateSchema(StrictSchema):
    name = text(100, required=True)
    countries = fields.List(fields.String(validate=COUNTRY), load_default=list,
                            validate=ma.validate.Length(max=250))


class ZoneUpdateSchema(ZoneCreateSchema):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, partial=True, **kwargs)

    countries = fields.List(fields.String(validate=COUNTRY), validate=ma.validate.Length(max=250))


class RateTierSchema(StrictSchema):
    max_weight_g = Count(required=True)
    price = Money(required=True)


class RateTierOutSchema(ResponseSchema):
    max_weight_g = fields.Integer()
    price = fields.Integer()


class MethodSchema(ResponseSchema):
    id = fields.Integer()
    zone_id = fields.Integer()
    name = fields.String()
    kind = Choice(ShippingKind)
    currency = fields.String()
    price = fields.Integer()
    free_over = fields.Integer(allow_none=True)
    rates = fields.List(fields.Nested(RateTierOutSchema))
    carrier = fields.String(allow_none=True)
    service = fields.String(allow_none=True)
    estimated_days = fields.Integer(allow_none=True)
    active = fields.Boolean()


class MethodCreateSchema(StrictSchema):
    name = text(100, required=True)
    kind = Choice(ShippingKind, required=True)
    currency = fields.String(load_default="usd", validate=CURRENCY)
    price = Money(load_default=0, metadata={"description": "flat: the price"})
    free_over = Money(allow_none=True, metadata={
        "description": "Free once the subtotal after discount reaches this"})
    rates = fields.List(fields.Nested(RateTierSchema), load_default=list,
                        validate=ma.validate.Length(max=50),
                        metadata={"description": "weight: the first tier the cart fits under"})
    carrier = text(50, allow_none=True)
    service = text(100, allow_none=True)
    estimated_days = fields.Integer(strict=True, allow_none=True,
                                    validate=ma.validate.Range(min=0, max=365))
    active = StrictBoolean(load_default=True)


class MethodUpdateSchema(MethodCreateSchema):
    def __init__(self, *args, **kwargs):
        # Partial at the top only: a rate tier given is given whole (partial=True would
        # reach into the nested tiers and take one without its price).
        super().__init__(*args, partial=tuple(MethodCreateSchema._declared_fields), **kwargs)

    kind = Choice(ShippingKind)
    currency = fields.String(validate=CURRENCY)
    price = Money()
    rates = fields.List(fields.Nested(RateTierSchema), validate=ma.validate.Length(max=50))
    active = StrictBoolean()


class TaxRateSchema(ResponseSchema):
    id = fields.Integer()
    country = fields.String()
    region = fields.String(allow_none=True)
    name = fields.String()
    rate_bps = fields.Integer()
    applies_to_shipping = fields.Boolean()


class TaxRateCreateSchema(StrictSchema):
    country = fields.String(required=True, validate=COUNTRY)
    region = text(100, allow_none=True, metadata={"description": "Absent: the whole country"})
    name = text(100, required=True)
    rate_bps = fields.Integer(strict=True, required=True,
                              validate=ma.validate.Range(min=0, max=10_000),
                              metadata={"description": "Basis points: 2000 is 20 %"})
    applies_to_shipping = StrictBoolean(load_default=True)


class TaxRateUpdateSchema(TaxRateCreateSchema):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, partial=True, **kwargs)

    applies_to_shipping = StrictBoolean()


def _tax_rate(rate) -> dict:
    return {name: getattr(rate, name) for name in TaxRateSchema().fields} | {
        "region": rate.region or None}


@blp.route("/admin/shipping-zones")
class Zones(MethodView):
    @blp.auth_required(Role.ADMIN)
    @blp.response(200, ZoneSchema(many=True))
    @blp.doc(operationId="listShippingZones")
    def get(self):
        """List shipping zones"""
        return shipping.zones()

    @blp.auth_required(Role.ADMIN)
    @blp.arguments(ZoneCreateSchema)
    @blp.response(201, ZoneSchema)
    @blp.errors(shipping.CountryInAnotherZone)
    @blp.doc(operationId="createShippingZone")
    def post(self, body):
        """Create a shipping zone (a country belongs to one zone at most)"""
        zone = shipping.create_zone(body)
        db.session.commit()
        return zone


@blp.route("/admin/shipping-zones/<id:zone_id>")
class ZoneById(MethodView):
    @blp.auth_required(Role.ADMIN)
    @blp.arguments(ZoneUpdateSchema, required=False)
    @blp.response(200, ZoneSchema)
    @blp.errors(shipping.CountryInAnotherZone)
    @blp.doc(operationId="updateShippingZone")
    def patch(self, body, zone_id):
        """Rename a zone or change its countries"""
        zone = shipping.update_zone(zone_id, body)
        db.session.commit()
        return zone

    @blp.auth_required(Role.ADMIN)
    @blp.response(204)
    @blp.doc(operationId="deleteShippingZone")
    def delete(self, zone_id):
        """Delete a zone with its methods"""
        shipping.delete_zone(zone_id)
        db.session.commit()


@blp.route("/admin/shipping-zones/<id:zone_id>/methods")
class ZoneMethods(MethodView):
    @blp.auth_required(Role.ADMIN)
    @blp.response(200, MethodSchema(many=True))
    @blp.doc(operationId="listShippingMethods")
    def get(self, zone_id):
        """A zone's shipping methods"""
        return shipping.get_zone(zone_id).methods

    @blp.auth_required(Role.ADMIN)
    @blp.arguments(MethodCreateSchema)
    @blp.response(201, MethodSchema)
    @blp.doc(operationId="createShippingMethod")
    def post(self, body, zone_id):
        """Add a shipping method to a zone (flat, by weight, or a carrier's)"""
        method = shipping.create_method(zone_id, body)
        db.session.commit()
        return method


@blp.route("/admin/shipping-methods/<id:method_id>")
class MethodById(MethodView):
    @blp.auth_required(Role.ADMIN)
    @blp.arguments(MethodUpdateSchema, required=False)
    @blp.response(200, MethodSchema)
    @blp.doc(operationId="updateShippingMethod")
    def patch(self, body, method_id):
        """Change a shipping method"""
        method = shipping.update_method(method_id, body)
        db.session.commit()
        return method

    @blp.auth_required(Role.ADMIN)
    @blp.response(204)
    @blp.doc(operationId="deleteShippingMethod")
    def delete(self, method_id):
        """Delete a shipping method (orders keep what they were charged)"""
        shipping.delete_method(method_id)
        db.session.commit()


@blp.route("/admin/tax-rates")
class TaxRates(MethodView):
    @blp.auth_required(Role.ADMIN)
    @blp.response(200, TaxRateSchema(many=True))
    @blp.doc(operationId="listTaxRates")
    def get(self):
        """List tax rates by country and region"""
        return [_tax_rate(rate) for rate in tax.rates()]

    @blp.auth_required(Role.ADMIN)
    @blp.arguments(TaxRateCreateSchema)
    @blp.response(201, TaxRateSchema)
    @blp.errors(tax.TaxRateExists)
    @blp.doc(operationId="createTaxRate")
    def post(self, body):
        """Add a tax rate for a country or one of its regions"""
        rate = tax.create_rate(body)
        db.session.commit()
        return _tax_rate(rate)


@blp.route("/admin/tax-rates/<id:rate_id>")
class TaxRateById(MethodView):
    @blp.auth_required(Role.ADMIN)
    @blp.arguments(TaxRateUpdateSchema, required=False)
    @blp.response(200, TaxRateSchema)
    @blp.errors(tax.TaxRateExists)
    @blp.doc(operationId="updateTaxRate")
    def patch(self, body, rate_id):
        """Change a tax rate"""
        rate = tax.update_rate(rate_id, body)
        db.session.commit()
        return _tax_rate(rate)

    @blp.auth_required(Role.ADMIN)
    @blp.response(204)
    @blp.doc(operationId="deleteTaxRate")
    def delete(self, rate_id):
        """Delete a tax rate"""
        tax.delete_rate(rate_id)
        db.session.commit()
