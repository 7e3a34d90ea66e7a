"""The signed-in customer's orders."""

from __future__ import annotations

from flask.views import MethodView
from flask_jwt_extended import current_user

from api.orders.schemas import OrderSchema
from core.auth import Blueprint
from core.pagination import paginate_query
from models import db, utcnow
from services import orders
from services.payments import payment_provider

blp = Blueprint("orders", __name__, description="The customer's orders")


@blp.route("/orders")
class Orders(MethodView):
    @blp.auth_required()
    @blp.response(200, OrderSchema(many=True))
    @blp.paginate()
    def get(self, pagination_parameters):
        """My orders, newest first"""
        return paginate_query(orders.customer_orders(current_user.id), pagination_parameters)


@blp.route("/orders/<id:order_id>")
class OrderById(MethodView):
    @blp.auth_required()
    @blp.response(200, OrderSchema)
    def get(self, order_id):
        """One of my orders"""
        return orders.customer_order(current_user.id, order_id)


@blp.route("/orders/<id:order_id>/cancel")
class OrderCancel(MethodView):
    @blp.auth_required()
    @blp.response(200, OrderSchema)
    def post(self, order_id):
        """Cancel my order (while it is awaiting payment, or paid and not yet processing)"""
        order = orders.cancel_order(current_user.id, order_id, payment_provider(), utcnow())
        db.session.commit()
        return order
