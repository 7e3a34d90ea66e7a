"""Stock locations (admin)."""

from __future__ import annotations

import marshmallow as ma
from flask.views import MethodView
from marshmallow import fields

from api.schemas import ResponseSchema, StrictBoolean, StrictSchema, text
from api.shipping.resources import COUNTRY
from core.auth import Blueprint
from models import Role, db
from services import locations

blp = Blueprint("locations", __name__, description="Stock locations (admin)")


class LocationSchema(ResponseSchema):
    id = fields.Integer()
    code = fields.String()
    name = fields.String()
    country = fields.String(allow_none=True)
    priority = fields.Integer(metadata={"description": "Checkout takes stock from the "
                                                       "lowest first"})
    active = fields.Boolean(metadata={"description": "Checkout takes no stock from an "
                                                     "inactive location"})


class LocationCreateSchema(StrictSchema):
    code = fields.String(required=True, validate=[
        ma.validate.Length(min=1, max=32),
        ma.validate.Regexp(r"^[a-z0-9][a-z0-9_-]*$",
                           error="Lower-case letters, digits, '_' and '-'.")])
    name = text(100, required=True)
    country = fields.String(validate=COUNTRY, metadata={"description": "Where it is (ISO 3166-1 "
                                                                     "alpha-2)"})
    priority = fields.Integer(strict=True, load_default=100,
                              validate=ma.validate.Range(min=0, max=1_000_000))
    active = StrictBoolean(load_default=True)


class LocationUpdateSchema(LocationCreateSchema):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, partial=True, **kwargs)

    priority = fields.Integer(strict=True, validate=ma.validate.Range(min=0, max=1_000_000))
    active = StrictBoolean()


@blp.route("/admin/locations")
class Locations(MethodView):
    @blp.auth_required(Role.ADMIN)
    @blp.response(200, LocationSchema(many=True))
    @blp.doc(operationId="listLocations")
    def get(self):
        """Every stock location, in checkout's order"""
        return locations.locations()

    @blp.auth_required(Role.ADMIN)
    @blp.arguments(LocationCreateSchema)
    @blp.response(201, LocationSchema)
    @blp.errors(locations.LocationCodeTaken)
    @blp.doc(operationId="createLocation")
    def post(self, body):
        """Add a stock location"""
        location = locations.create_location(body)
        db.session.commit()
        return location


@blp.route("/admin/locations/<id:location_id>")
class LocationById(MethodView):
    @blp.auth_required(Role.ADMIN)
    @blp.arguments(LocationUpdateSchema, required=False)
    @blp.response(200, LocationSchema)
    @blp.errors(locations.LocationCodeTaken)
    @blp.doc(operationId="updateLocation")
    def patch(self, body, location_id):
        """Change a stock location"""
        location = locations.update_location(location_id, body)
        db.session.commit()
        return location
