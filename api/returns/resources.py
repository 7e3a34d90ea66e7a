"""Returns: the customer's (or guest's) requests, and the back office's decisions and
receipts."""

from __future__ import annotations

import marshmallow as ma
from flask import request
from flask.views import MethodView
from flask_jwt_extended import current_user
from marshmallow import fields

from api.checkout.resources import IDEMPOTENCY_PARAMETER
from api.orders.resources import ORDER_TOKEN_PARAMETER, callers_order
from api.schemas import Choice, Id, ResponseSchema, StrictBoolean, StrictSchema, text
from core import idempotency
from core.auth import OPTIONAL_BEARER, Blueprint
from core.errors import Unauthorized
from core.pagination import paginate_query
from models import ReturnStatus, Role, db, utcnow
from services import locations, refunds, returns

blp = Blueprint("returns", __name__, description="Returns")

class ReturnLineSchema(ResponseSchema):
    order_item_id = fields.Integer()
    quantity = fields.Integer()
    reason = fields.String()
    received_quantity = fields.Integer(allow_none=True)
    restocked_quantity = fields.Integer(allow_none=True, metadata={
        "description": "Of the received units, those back on hand (the rest were damaged)"})
    location_id = fields.Integer(allow_none=True)


class ReturnSchema(ResponseSchema):
    id = fields.Integer()
    order_id = fields.Integer()
    status = Choice(ReturnStatus)
    lines = fields.List(fields.Nested(ReturnLineSchema))
    refund_total = fields.Integer(metadata={
        "description": "What the lines refund: asked for, then as received (their share of "
                       "discount and tax; shipping is not refunded)"})
    refund_id = fields.Integer(allow_none=True)
    note = fields.String(allow_none=True)
    created_at = fields.DateTime(format="iso")


class ReturnLineInputSchema(StrictSchema):
    order_item_id = Id(required=True)
    quantity = fields.Integer(required=True, strict=True,
                              validate=ma.validate.Range(min=1, max=1_000_000))
    reason = text(200, min_length=0)


class ReturnCreateSchema(StrictSchema):
    lines = fields.List(fields.Nested(ReturnLineInputSchema), required=True,
                        validate=ma.validate.Length(min=1, max=200))


class ReturnDecisionSchema(StrictSchema):
    note = text(500)


class ReceivedLineSchema(StrictSchema):
    order_item_id = Id(required=True)
    quantity = fields.Integer(required=True, strict=True,
                              validate=ma.validate.Range(min=0, max=1_000_000))
    restock = StrictBoolean(load_default=True, metadata={
        "description": "Back on hand (false: damaged, not restocked); a line may come in "
                       "two entries, restocked and damaged"})
    location_id = Id(metadata={"description": "Where it goes back (default: where it was "
                                              "taken)"})


class ReturnReceiveSchema(StrictSchema):
    lines = fields.List(fields.Nested(ReceivedLineSchema), required=True,
                        validate=ma.validate.Length(min=1, max=200))


class AdminReturnQuerySchema(ma.Schema):
    class Meta:
        unknown = ma.EXCLUDE

    status = Choice(ReturnStatus)


@blp.route("/orders/<id:order_id>/returns")
class OrderReturns(MethodView):
    @blp.header_parameters(ORDER_TOKEN_PARAMETER)
    @blp.doc(security=OPTIONAL_BEARER, operationId="listOrderReturns")
    @blp.response(200, ReturnSchema(many=True))
    @blp.errors(Unauthorized)
    def get(self, order_id):
        """My order's returns"""
        return returns.order_returns(callers_order(order_id).id)

    @blp.header_parameters(ORDER_TOKEN_PARAMETER)
    @blp.doc(security=OPTIONAL_BEARER, operationId="requestReturn")
    @blp.arguments(ReturnCreateSchema)
    @blp.response(201, ReturnSchema)
    @blp.errors(returns.ReturnNotAllowed, returns.ReturnWindowClosed,
                returns.ReturnExceedsShipped, Unauthorized)
    def post(self, body, order_id):
        """Ask to return some of a delivered order's units"""
        order = callers_order(order_id, lock=True)
        found = returns.request_return(order, body["lines"], utcnow())
        db.session.commit()
        return found


@blp.route("/admin/returns")
class AdminReturns(MethodView):
    @blp.auth_required(Role.ADMIN)
    @blp.arguments(AdminReturnQuerySchema, location="query")
    @blp.response(200, ReturnSchema(many=True))
    @blp.paginate()
    @blp.doc(operationId="listAdminReturns")
    def get(self, args, pagination_parameters):
        """Every return, newest first"""
        return paginate_query(returns.admin_returns(args.get("status")), pagination_parameters)


@blp.route("/admin/returns/<id:return_id>/approve")
class ApproveReturn(MethodView):
    @blp.auth_required(Role.ADMIN)
    @blp.arguments(ReturnDecisionSchema, required=False)
    @blp.response(200, ReturnSchema)
    @blp.errors(returns.ReturnNotAllowed, returns.ReturnNotFound)
    @blp.doc(operationId="approveReturn")
    def post(self, body, return_id):
        """Approve a requested return"""
        found = returns.approve(return_id, utcnow(), (body or {}).get("note"))
        db.session.commit()
        return found


@blp.route("/admin/returns/<id:return_id>/reject")
class RejectReturn(MethodView):
    @blp.auth_required(Role.ADMIN)
    @blp.arguments(ReturnDecisionSchema, required=False)
    @blp.response(200, ReturnSchema)
    @blp.errors(returns.ReturnNotAllowed, returns.ReturnNotFound)
    @blp.doc(operationId="rejectReturn")
    def post(self, body, return_id):
        """Reject a requested return"""
        found = returns.reject(return_id, utcnow(), (body or {}).get("note"))
        db.session.commit()
        return found


@blp.route("/admin/returns/<id:return_id>/receive")
class ReceiveReturn(MethodView):
    @blp.auth_required(Role.ADMIN)
    @blp.header_parameters(IDEMPOTENCY_PARAMETER)
    @blp.arguments(ReturnReceiveSchema)
    @blp.response(201, ReturnSchema)
    @blp.alt_response(200, schema=ReturnSchema,
                      description="The answer to an earlier request with this key, replayed")
    @blp.errors(returns.ReturnNotAllowed, returns.ReturnNotFound, returns.ReturnExceedsShipped,
                refunds.RefundExceedsPayment, refunds.NotPaid, locations.LocationNotFound,
                idempotency.KeyInFlight, idempotency.KeyReused, idempotency.BadIdempotencyKey)
    @blp.doc(operationId="receiveReturn")
    def post(self, body, return_id):
        """Receive a return's units (restocked or not) and refund the received lines"""
        admin_id, now = current_user.id, utcnow()
        for line in body["lines"]:
            if line.get("location_id") is not None:
                locations.get_location(line["location_id"])

        def receive(claim):
            return returns.receive(return_id, body["lines"], admin_id, now)

        return idempotency.run_once(admin_id, request.headers.get("Idempotency-Key"),
                                    request.get_json(), receive, ReturnSchema().dump, now)
