"""Payments: Stripe's webhook, admin refunds, and the fake provider's settle endpoint."""

from __future__ import annotations

import marshmallow as ma
from flask import current_app, request
from flask.views import MethodView
from flask_jwt_extended import current_user
from marshmallow import fields

from api.checkout.resources import IDEMPOTENCY_PARAMETER
from api.orders.resources import ORDER_TOKEN_PARAMETER
from api.orders.schemas import OrderSchema, RefundSchema
from api.schemas import Choice, ResponseSchema, StrictSchema, text
from core import idempotency
from core.auth import OPTIONAL_BEARER, Blueprint, optional_user
from core.errors import Unauthorized
from models import Role, db, utcnow
from services import guest_orders, orders, payment_inbox, payments, refunds
from services.payment_providers import payment_provider

blp = Blueprint("payments", __name__, description="Payments: Stripe's webhook and refunds")
fake_blp = Blueprint("fake_payments", __name__,
                     description="The fake payment provider (PAYMENT_PROVIDER=fake only)")

STRIPE_EVENT_BODY = {
    "required": True,
    "description": "A Stripe event, signed in the Stripe-Signature header",
    "content": {"application/json": {"schema": {"type": "object"}}},
}
STRIPE_SIGNATURE_PARAMETER = {
    "in": "header", "name": "Stripe-Signature", "required": True,
    "schema": {"type": "string"},
    "description": "t=<unix time>,v1=<HMAC-SHA256 of 't.body' with STRIPE_WEBHOOK_SECRET>",
}


class WebhookReceiptSchema(ResponseSchema):
    received = fields.Boolean()
    duplicate = fields.Boolean()


@blp.route("/webhooks/stripe")
class StripeWebhook(MethodView):
    @blp.doc(requestBody=STRIPE_EVENT_BODY, parameters=[STRIPE_SIGNATURE_PARAMETER])
    @blp.response(200, WebhookReceiptSchema)
    @blp.errors(payment_inbox.BadWebhook)
    @blp.doc(operationId="receiveStripeEvent")
    def post(self):
        """Receive a Stripe event (signed): stored once by its id, applied by a task"""
        event = payment_inbox.verify_stripe_event(
            request.get_data(cache=False), request.headers.get("Stripe-Signature"),
            current_app.config["STRIPE_WEBHOOK_SECRET"])
        new_id = payment_inbox.record_payment_event("stripe", event, utcnow())
        db.session.commit()
        return {"received": True, "duplicate": new_id is None}


class RefundRequestSchema(StrictSchema):
    amount = fields.Integer(strict=True, validate=ma.validate.Range(min=1, max=2**31 - 1),
                            metadata={"description": "In cents; default: all that is left"})
    reason = text(200)


class RefundResultSchema(ResponseSchema):
    refund = fields.Nested(RefundSchema)
    order = fields.Nested(OrderSchema)


@blp.route("/admin/orders/<id:order_id>/refund")
class OrderRefund(MethodView):
    @blp.auth_required(Role.ADMIN)
    @blp.header_parameters(IDEMPOTENCY_PARAMETER)
    @blp.arguments(RefundRequestSchema)
    @blp.response(201, RefundResultSchema)
    @blp.alt_response(200, schema=RefundResultSchema,
                      description="The answer to an earlier request with this key, replayed")
    @blp.errors(refunds.NotPaid, refunds.RefundExceedsPayment, idempotency.KeyInFlight,
                idempotency.KeyReused, idempotency.BadIdempotencyKey)
    @blp.doc(operationId="refundOrder")
    def post(self, body, order_id):
        """Refund an order, in full or in part (submitted to the provider by a task)"""
        admin_id, now = current_user.id, utcnow()

        def refund(claim):
            order = orders.get_order(order_id, lock=True)
            created = refunds.request_refund(order, body.get("amount"),
                                              body.get("reason") or "refunded by an admin",
                                              admin_id, now)
            return {"refund": created, "order": order}

        return idempotency.run_once(admin_id, request.headers.get("Idempotency-Key"),
                                    request.get_json(), refund, RefundResultSchema().dump, now)


class FakeSettleSchema(StrictSchema):
    outcome = fields.String(required=True, validate=ma.validate.OneOf(["succeeded", "failed"]))


class FakeSettleResultSchema(ResponseSchema):
    payment_intent_id = fields.String()
    outcome = Choice(["succeeded", "failed"])
    payment_event_id = fields.Integer()


@fake_blp.route("/payments/fake/<string:payment_intent_id>/settle")
class FakeSettle(MethodView):
    @fake_blp.header_parameters(ORDER_TOKEN_PARAMETER)
    @fake_blp.doc(security=OPTIONAL_BEARER)
    @fake_blp.arguments(FakeSettleSchema)
    @fake_blp.response(202, FakeSettleResultSchema)
    @fake_blp.errors(payments.PaymentNotStarted, Unauthorized)
    @fake_blp.doc(operationId="settleFakePayment")
    def post(self, body, payment_intent_id):
        """Settle one of my fake payments (succeeded or failed); a task applies it"""
        user = optional_user()
        token = request.headers.get(guest_orders.ORDER_TOKEN_HEADER)
        if user is None and not token:
            raise Unauthorized("Sign in, or send the order's X-Order-Token.")
        event_id = payment_inbox.settle_fake_payment(user.id if user else None, payment_intent_id,
                                                body["outcome"], payment_provider(), utcnow(),
                                                order_token=token)
        db.session.commit()
        return {"payment_intent_id": payment_intent_id, "outcome": body["outcome"],
                "payment_event_id": event_id}
