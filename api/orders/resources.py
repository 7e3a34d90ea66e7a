"""Orders: the signed-in customer's, every order for admins, and a seller's order lines."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from flask import request
from flask.views import MethodView
from flask_jwt_extended import current_user

from api.orders.schemas import (
    AdminOrderDetailSchema,
    AdminOrderQuerySchema,
    AdminOrderSchema,
    AdminOrderUpdateSchema,
    OrderSchema,
    SellerOrderLineSchema,
    ShipmentCreateSchema,
    ShipmentSchema,
)
from core.auth import OPTIONAL_BEARER, Blueprint, optional_user
from core.errors import Unauthorized, ValidationFailed
from core.pagination import paginate_query
from models import Role, db, utcnow
from services import analytics, fulfilment, guest_orders, orders, shipments

blp = Blueprint("orders", __name__, description="Orders")


@blp.route("/orders")
class Orders(MethodView):
    @blp.auth_required()
    @blp.response(200, OrderSchema(many=True))
    @blp.paginate()
    @blp.doc(operationId="listOrders")
    def get(self, pagination_parameters):
        """My orders, newest first"""
        return paginate_query(orders.customer_orders(current_user.id), pagination_parameters)


ORDER_TOKEN_PARAMETER = {
    "in": "header", "name": guest_orders.ORDER_TOKEN_HEADER, "required": False,
    "schema": {"type": "string", "maxLength": 128},
    "description": "A guest's order token (checkout's order_token, or the token in the "
                   "order's emails); not needed when signed in",
}


def callers_order(order_id: int, *, lock: bool = False):
    """The signed-in customer's order, or the guest's whose token the request carries."""
    user = optional_user()
    if user is not None:
        return orders.customer_order(user.id, order_id, lock=lock)
    token = request.headers.get(guest_orders.ORDER_TOKEN_HEADER)
    if not token:
        raise Unauthorized("Sign in, or send the order's X-Order-Token.")
    return guest_orders.order_for_token(order_id, token, lock=lock)


@blp.route("/orders/<id:order_id>")
class OrderById(MethodView):
    @blp.header_parameters(ORDER_TOKEN_PARAMETER)
    @blp.doc(security=OPTIONAL_BEARER)
    @blp.response(200, OrderSchema)
    @blp.errors(Unauthorized)
    @blp.doc(operationId="getOrder")
    def get(self, order_id):
        """One of my orders (a guest's, with its X-Order-Token)"""
        return callers_order(order_id)


@blp.route("/orders/<id:order_id>/cancel")
class OrderCancel(MethodView):
    @blp.header_parameters(ORDER_TOKEN_PARAMETER)
    @blp.doc(security=OPTIONAL_BEARER)
    @blp.response(200, OrderSchema)
    @blp.errors(orders.InvalidTransition, Unauthorized)
    @blp.doc(operationId="cancelOrder")
    def post(self, order_id):
        """Cancel my order (while it is awaiting payment, or paid and not yet processing)"""
        order = orders.cancel_by_customer(callers_order(order_id, lock=True), utcnow())
        db.session.commit()
        return order


class BadDate(ValidationFailed):
    error_code = "bad_date"


def _moment(name: str, text: str, end: bool) -> datetime:
    """An ISO date (the start of that store day, or of the next one for an ``end``) or an
    ISO datetime (naive means UTC; an ``end`` is inclusive) as a UTC instant."""
    try:
        if len(text) == 10:
            start, after = analytics.day_bounds(date.fromisoformat(text))
            return after if end else start
        moment = datetime.fromisoformat(text)
    except ValueError as error:
        raise BadDate(f"{name} is not a valid date or datetime.",
                      errors={name: ["Not a valid ISO date or datetime."]}) from error
    moment = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    return moment + timedelta(microseconds=1) if end else moment


def _bounds(args) -> tuple:
    """``created_from`` / ``created_to`` as UTC instants, the second exclusive."""
    start = _moment("created_from", args["created_from"], False) \
        if "created_from" in args else None
    end = _moment("created_to", args["created_to"], True) if "created_to" in args else None
    return start, end


@blp.route("/admin/orders")
class AdminOrders(MethodView):
    @blp.auth_required(Role.ADMIN)
    @blp.arguments(AdminOrderQuerySchema, location="query")
    @blp.response(200, AdminOrderSchema(many=True))
    @blp.paginate()
    @blp.doc(operationId="listAdminOrders")
    def get(self, args, pagination_parameters):
        """List every order: by status, creation dates, number or email"""
        start, end = _bounds(args)
        return paginate_query(orders.admin_order_listing(
            args.get("status"), start, end, args.get("q"), user_id=args.get("user_id")),
            pagination_parameters)


@blp.route("/admin/orders/<id:order_id>")
class AdminOrderById(MethodView):
    @blp.auth_required(Role.ADMIN)
    @blp.response(200, AdminOrderDetailSchema)
    @blp.doc(operationId="getAdminOrder")
    def get(self, order_id):
        """One order with its customer, payment, refunds and timeline"""
        return orders.get_order(order_id)

    @blp.auth_required(Role.ADMIN)
    @blp.arguments(AdminOrderUpdateSchema, required=False)
    @blp.response(200, AdminOrderDetailSchema)
    @blp.errors(orders.InvalidTransition, orders.StatusSetByPayments, shipments.NotShippable,
                shipments.NothingToShip)
    @blp.doc(operationId="updateAdminOrder")
    def patch(self, body, order_id):
        """Move an order along its states (shipped ships what is left), set its tracking"""
        order = fulfilment.admin_update_order(order_id, body, utcnow())
        db.session.commit()
        return order


@blp.route("/admin/orders/<id:order_id>/shipments")
class AdminOrderShipments(MethodView):
    @blp.auth_required(Role.ADMIN)
    @blp.arguments(ShipmentCreateSchema)
    @blp.response(201, ShipmentSchema)
    @blp.errors(shipments.NotShippable, shipments.NothingToShip)
    @blp.doc(operationId="createShipment")
    def post(self, body, order_id):
        """Ship some of an order's units in one parcel (emails the customer)"""
        shipment = shipments.create_shipment(order_id, body["lines"], body.get("carrier"),
                                             body.get("tracking_number"), utcnow())
        db.session.commit()
        return shipment


@blp.route("/seller/orders")
class SellerOrders(MethodView):
    @blp.auth_required(Role.SELLER)
    @blp.response(200, SellerOrderLineSchema(many=True))
    @blp.paginate()
    @blp.doc(operationId="listSellerOrderLines")
    def get(self, pagination_parameters):
        """The order lines of my products, newest first (other sellers' lines never show)"""
        rows = paginate_query(orders.seller_order_lines(current_user.id),
                              pagination_parameters, rows=True)
        return [{"order_id": order.id, "number": order.number, "status": order.status,
                 "created_at": order.created_at, "currency": order.currency,
                 **{name: getattr(item, name) for name in (
                     "product_id", "variant_id", "sku", "product_name", "variant_name",
                     "unit_price", "quantity", "line_total")}}
                for item, order in rows]
