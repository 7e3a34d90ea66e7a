"""Checkout: the signed-in customer's cart, or a guest's (``X-Cart-Token``), becomes an
order."""

from __future__ import annotations

import marshmallow as ma
from flask import request
from flask.views import MethodView
from marshmallow import fields

from api.addresses.schemas import AddressCreateSchema
from api.orders.schemas import OrderSchema
from api.schemas import Choice, Id, ResponseSchema, StrictSchema, text
from core import idempotency, ratelimit
from core.auth import (
    CART_TOKEN_PARAMETER,
    OPTIONAL_BEARER,
    Blueprint,
    guest_cart_token,
    optional_user,
)
from core.errors import Unauthorized, ValidationFailed
from core.extensions import ErrorSchema
from models import PAYMENT_FLOWS, utcnow
from services import (
    carts,
    checkout,
    checkout_sessions,
    guest_orders,
    inventory,
    orders,
    payments,
    shipping,
    tax_providers,
)
from services.payment_providers import PAYMENT_PROVIDERS, payment_provider

blp = Blueprint("checkout", __name__, description="Checkout")

IDEMPOTENCY_PARAMETER = {
    "in": "header", "name": "Idempotency-Key", "required": True,
    "schema": {"type": "string", "minLength": 1, "maxLength": idempotency.MAX_KEY_LENGTH},
    "description": "The same key and body again return the same order (200, "
                   "Idempotent-Replayed: true); keys are per user (or guest cart) and kept "
                   "24 h or more",
}


class ShippingAddressInputSchema(AddressCreateSchema):
    """An address given at checkout: the address book's fields, but nothing to default."""

    class Meta(AddressCreateSchema.Meta):
        exclude = ("is_default",)


class CheckoutSchema(StrictSchema):
    """One of the two, not both: checkout refuses otherwise (``address_required``). A guest
    gives ``shipping_address`` and ``email``."""

    shipping_address = fields.Nested(ShippingAddressInputSchema)
    address_id = Id(metadata={"description": "One of my addresses (signed in only)"})
    shipping_method_id = Id(metadata={
        "description": "Required when the destination is in a shipping zone: one of "
                       "GET /cart/shipping-options (422 shipping_method_unavailable else)"})
    email = text(254, metadata={"description": "Required for a guest (no bearer): where the "
                                               "order's emails go. Ignored when signed in"})
    # No load_default: a declared default makes generated clients require the field.
    payment_flow = Choice(PAYMENT_FLOWS, metadata={
        "description": "payment_intent (when absent): the storefront confirms the answer's "
                       "client_secret; "
                       "checkout_session: the customer pays on Stripe's hosted page at the "
                       "answer's checkout_url"})
    success_url = fields.String(validate=ma.validate.Length(max=2000), metadata={
        "description": "checkout_session only (required then): where the hosted page sends "
                       "a customer who paid; its origin must be in CHECKOUT_REDIRECT_ORIGINS"})
    cancel_url = fields.String(validate=ma.validate.Length(max=2000), metadata={
        "description": "checkout_session only (required then): where it sends one who "
                       "went back"})


class PaymentSchema(ResponseSchema):
    """A PaymentIntent to confirm (``client_secret``, ``payment_intent_id``) or a hosted page
    to send the customer to (``session_id``, ``checkout_url``): the other two are null."""

    provider = Choice(PAYMENT_PROVIDERS)
    client_secret = fields.String(allow_none=True)
    payment_intent_id = fields.String(allow_none=True)
    session_id = fields.String(allow_none=True)
    checkout_url = fields.String(allow_none=True)


class CheckoutResultSchema(ResponseSchema):
    order = fields.Nested(OrderSchema)
    payment = fields.Nested(PaymentSchema)
    order_token = fields.String(allow_none=True, metadata={
        "description": "A guest's key to the order: send it as X-Order-Token to read or "
                       "cancel it (at least 128 bits; shown here and in the order's emails "
                       "only). Null when signed in"})


@blp.route("/checkout")
class Checkout(MethodView):
    decorators = ratelimit.checkout_limits()

    @blp.header_parameters(IDEMPOTENCY_PARAMETER, CART_TOKEN_PARAMETER)
    @blp.doc(security=OPTIONAL_BEARER)
    @blp.arguments(CheckoutSchema)
    @blp.response(201, CheckoutResultSchema)
    @blp.alt_response(200, schema=CheckoutResultSchema,
                      description="The answer to an earlier request with this key, replayed")
    @blp.alt_response(429, schema=ErrorSchema, description="Too many requests (Retry-After)")
    @blp.alt_response(503, schema=ErrorSchema,
                      description="The payment provider is unavailable (the order is placed "
                                  "and its stock held), or the tax provider is (nothing is "
                                  "reserved): retry with the same Idempotency-Key")
    @blp.errors(checkout.EmptyCart, checkout.NotForSale, checkout.DiscountUsedUp,
                inventory.OutOfStock, carts.CurrencyMismatch, idempotency.KeyInFlight,
                idempotency.KeyReused, idempotency.BadIdempotencyKey, checkout.AddressRequired,
                checkout.EmailNotVerified, Unauthorized, shipping.ShippingMethodUnavailable,
                checkout_sessions.RedirectNotAllowed, checkout_sessions.PaymentFlowUnavailable,
                tax_providers.TaxUnavailable)
    @blp.doc(operationId="checkout")
    def post(self, body):
        """Place an order from my cart (or a guest's): reserve its stock, start the payment"""
        user, now = optional_user(), utcnow()
        if user is not None:
            checkout.check_may_check_out(user)
            owner, cart_token, email = user.id, None, None
        else:
            cart_token = guest_cart_token()
            if cart_token is None:
                raise Unauthorized("Sign in, or check out as a guest with your cart's "
                                   "X-Cart-Token.")
            if not body.get("email"):
                raise ValidationFailed("A guest's checkout needs an email.",
                                       errors={"email": ["Required for a guest checkout."]})
            owner, email = idempotency.Owner.guest(cart_token), body["email"]
        provider = payment_provider()
        hosted = body.get("payment_flow") == "checkout_session"
        if hosted:
            checkout_sessions.check_flow(provider, body.get("success_url"),
                                         body.get("cancel_url"))

        def place(claim):
            # The order and its reservation commit before the provider is called, so that
            # no row is locked during the call. A retry after the call failed resumes there.
            if claim.resource_id is None:
                checkout.prefetch_pricing(user, cart_token, body.get("address_id"),
                                          body.get("shipping_address"),
                                          body.get("shipping_method_id"), now)
                cart = (carts.locked_cart_for_user(user.id) if user is not None
                        else carts.locked_cart_for_token(cart_token))
                order = checkout.place_order(
                    user, cart, address_id=body.get("address_id"),
                    shipping_address=body.get("shipping_address"),
                    provider_name=provider.name, now=now, email=email,
                    shipping_method_id=body.get("shipping_method_id"),
                    hosted=(body["success_url"], body["cancel_url"]) if hosted else None)
                idempotency.checkpoint(claim, order.id)
            else:
                order = orders.get_order(claim.resource_id)
            payment = {"provider": provider.name, "client_secret": None,
                       "payment_intent_id": None, "session_id": None, "checkout_url": None}
            if order.payment_flow == "checkout_session":
                session = checkout_sessions.start_session(order, provider, now)
                payment.update(session_id=session.session_id, checkout_url=session.url)
            else:
                intent = payments.start_payment(order, provider)
                payment.update(client_secret=intent.client_secret,
                               payment_intent_id=intent.payment_intent_id)
            return {"order": order, "payment": payment}

        def reveal(answer: dict) -> dict:
            # A guest's token is derived, never stored with the answer the key keeps.
            token = (guest_orders.order_token(orders.get_order(answer["order"]["id"]))
                     if user is None else None)
            return {**answer, "order_token": token}

        return idempotency.run_once(owner, request.headers.get("Idempotency-Key"),
                                    request.get_json(), place, CheckoutResultSchema().dump,
                                    now, reveal=reveal)
