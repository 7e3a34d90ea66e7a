"""Checkout: the signed-in customer's cart becomes an order."""

from __future__ import annotations

from flask import request
from flask.views import MethodView
from flask_jwt_extended import current_user
from marshmallow import fields

from api.addresses.schemas import AddressCreateSchema
from api.orders.schemas import OrderSchema
from api.schemas import Choice, Id, ResponseSchema, StrictSchema
from core import idempotency, ratelimit
from core.auth import Blueprint
from core.extensions import ErrorSchema
from models import utcnow
from services import carts, checkout, inventory, orders, payments
from services.payment_providers import PAYMENT_PROVIDERS, payment_provider

blp = Blueprint("checkout", __name__, description="Checkout")

IDEMPOTENCY_PARAMETER = {
    "in": "header", "name": "Idempotency-Key", "required": True,
    "schema": {"type": "string", "minLength": 1, "maxLength": idempotency.MAX_KEY_LENGTH},
    "description": "The same key and body again return the same order (200, "
                   "Idempotent-Replayed: true); keys are per user and kept 24 h or more",
}


class ShippingAddressInputSchema(AddressCreateSchema):
    """An address given at checkout: the address book's fields, but nothing to default."""

    class Meta(AddressCreateSchema.Meta):
        exclude = ("is_default",)


class CheckoutSchema(StrictSchema):
    """One of the two, not both: checkout refuses otherwise (``address_required``)."""

    shipping_address = fields.Nested(ShippingAddressInputSchema)
    address_id = Id()


class PaymentSchema(ResponseSchema):
    provider = Choice(PAYMENT_PROVIDERS)
    client_secret = fields.String()
    payment_intent_id = fields.String()


class CheckoutResultSchema(ResponseSchema):
    order = fields.Nested(OrderSchema)
    payment = fields.Nested(PaymentSchema)


@blp.route("/checkout")
class Checkout(MethodView):
    decorators = ratelimit.checkout_limits()

    @blp.auth_required()
    @blp.doc(parameters=[IDEMPOTENCY_PARAMETER])
    @blp.arguments(CheckoutSchema)
    @blp.response(201, CheckoutResultSchema)
    @blp.alt_response(200, schema=CheckoutResultSchema,
                      description="The answer to an earlier request with this key, replayed")
    @blp.alt_response(429, schema=ErrorSchema, description="Too many requests (Retry-After)")
    @blp.alt_response(503, schema=ErrorSchema,
                      description="The payment provider is unavailable: the order is placed "
                                  "and its stock held; retry with the same Idempotency-Key")
    @blp.errors(checkout.EmptyCart, checkout.NotForSale, checkout.DiscountUsedUp,
                inventory.OutOfStock, carts.CurrencyMismatch, idempotency.KeyInFlight,
                idempotency.KeyReused, idempotency.BadIdempotencyKey, checkout.AddressRequired,
                checkout.EmailNotVerified)
    @blp.doc(operationId="checkout")
    def post(self, body):
        """Place an order from my cart: reserve its stock and start the payment"""
        user, now = current_user._get_current_object(), utcnow()
        checkout.check_may_check_out(user)
        provider = payment_provider()

        def place(claim):
            # The order and its reservation commit before the provider is called, so that
            # no row is locked during the call. A retry after the call failed resumes there.
            if claim.resource_id is None:
                order = checkout.place_order(
                    user, carts.locked_cart_for_user(user.id), address_id=body.get("address_id"),
                    shipping_address=body.get("shipping_address"),
                    provider_name=provider.name, now=now)
                idempotency.checkpoint(claim, order.id)
            else:
                order = orders.get_order(claim.resource_id)
            payment = payments.start_payment(order, provider)
            return {"order": order, "payment": payment}

        return idempotency.run_once(user.id, request.headers.get("Idempotency-Key"),
                                    request.get_json(), place, CheckoutResultSchema().dump,
                                    now)
