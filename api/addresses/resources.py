"""The signed-in user's address book."""

from __future__ import annotations

from flask.views import MethodView
from flask_jwt_extended import current_user

from api.addresses.schemas import AddressCreateSchema, AddressSchema, AddressUpdateSchema
from core.auth import Blueprint
from core.pagination import paginate_query
from models import db
from services import addresses

blp = Blueprint("addresses", __name__, description="The signed-in user's addresses")


@blp.route("/me/addresses")
class Addresses(MethodView):
    @blp.auth_required()
    @blp.response(200, AddressSchema(many=True))
    @blp.paginate()
    @blp.doc(operationId="listAddresses")
    def get(self, pagination_parameters):
        """List my addresses"""
        return paginate_query(addresses.list_addresses(current_user.id), pagination_parameters)

    @blp.auth_required()
    @blp.arguments(AddressCreateSchema)
    @blp.response(201, AddressSchema)
    @blp.doc(operationId="createAddress")
    def post(self, body):
        """Add an address"""
        address = addresses.create_address(current_user.id, body)
        db.session.commit()
        return address


@blp.route("/me/addresses/<id:address_id>")
class AddressById(MethodView):
    @blp.auth_required()
    @blp.response(200, AddressSchema)
    @blp.doc(operationId="getAddress")
    def get(self, address_id):
        """One of my addresses"""
        return addresses.get_address(current_user.id, address_id)

    @blp.auth_required()
    @blp.arguments(AddressUpdateSchema, required=False)
    @blp.response(200, AddressSchema)
    @blp.doc(operationId="updateAddress")
    def patch(self, body, address_id):
        """Change one of my addresses"""
        address = addresses.update_address(current_user.id, address_id, body)
        db.session.commit()
        return address

    @blp.auth_required()
    @blp.response(204)
    @blp.doc(operationId="deleteAddress")
    def delete(self, address_id):
        """Delete one of my addresses"""
        addresses.delete_address(current_user.id, address_id)
        db.session.commit()
