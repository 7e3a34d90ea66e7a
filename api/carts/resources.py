"""The shopping cart of the signed-in customer, or of a guest (``X-Cart-Token``)."""

from __future__ import annotations

from functools import wraps

import marshmallow as ma
from flask import after_this_request, request
from flask.views import MethodView
from marshmallow import fields

from api.addresses.schemas import COUNTRY_CODES
from api.orders.schemas import TaxLineSchema
from api.products.schemas import CURRENCY
from api.schemas import MAX_ID, Id, ResponseSchema, StrictSchema, text
from core import ratelimit
from core.auth import (
    CART_TOKEN_HEADER,
    CART_TOKEN_PARAMETER,
    OPTIONAL_BEARER,
    Blueprint,
    guest_cart_token,
    optional_user,
)
from core.errors import TooManyRequests, ValidationFailed
from models import MAX_LINE_QUANTITY, db, utcnow
from services import addresses, carts, discounts, pricing, shipping, tax_providers

blp = Blueprint("carts", __name__, description="The shopping cart")


class CartItemSchema(ResponseSchema):
    id = fields.Integer()
    variant_id = fields.Integer()
    sku = fields.String()
    product_name = fields.String()
    variant_name = fields.String()
    quantity = fields.Integer()
    unit_price = fields.Integer(allow_none=True, metadata={
        "description": "In the cart's currency; null when the variant has lost its price "
                       "in it since it was added (checkout then refuses the cart)"})
    line_total = fields.Integer(allow_none=True)
    available = fields.Integer()


class CartSchema(ResponseSchema):
    id = fields.Integer(allow_none=True)
    items = fields.List(fields.Nested(CartItemSchema))
    subtotal = fields.Integer()
    currency = fields.String(metadata={
        "description": "Fixed by PUT /cart/currency or by the first line (its variant's "
                       "own); STORE_CURRENCY for an empty cart with none"})
    discount_code = fields.String(allow_none=True)
    discount_total = fields.Integer()


class CartCurrencySchema(StrictSchema):
    currency = fields.String(required=True, validate=CURRENCY)


def Quantity(**kwargs) -> fields.Integer:
    return fields.Integer(strict=True, validate=ma.validate.Range(min=1, max=MAX_LINE_QUANTITY),
                          **kwargs)


class CartItemCreateSchema(StrictSchema):
    variant_id = Id(required=True)
    quantity = Quantity(required=True)


class CartItemUpdateSchema(StrictSchema):
    quantity = Quantity(required=True)


class DiscountApplySchema(StrictSchema):
    code = text(40, required=True)


def with_cart(view):
    """Pass the caller's cart to the view: the user's, or the guest's named by
    ``X-Cart-Token`` (a new one, whose token the answer carries, when there is none; a read
    stores no new cart: it is stored on the first change, under the token it handed out)."""

    @wraps(view)
    def wrapper(*args, **kwargs):
        user = optional_user()
        if user is not None:
            cart = carts.cart_for_user(user.id)
        else:
            cart = carts.cart_for_token(guest_cart_token(), create=request.method != "GET",
                                        before_create=ratelimit.take_guest_cart)
            token = cart.token

            @after_this_request
            def send_token(response):
                response.headers[CART_TOKEN_HEADER] = token
                return response

        return view(*args, cart=cart, **kwargs)

    wrapper = blp.header_parameters(CART_TOKEN_PARAMETER)(wrapper)
    return blp.doc(security=OPTIONAL_BEARER)(wrapper)


@blp.route("/cart")
class Cart(MethodView):
    @with_cart
    @blp.response(200, CartSchema)
    @blp.doc(operationId="getCart")
    def get(self, cart):
        """The caller's cart with live prices and availability"""
        db.session.commit()
        return carts.view(cart, utcnow())


@blp.route("/cart/items")
class CartItems(MethodView):
    @with_cart
    @blp.arguments(CartItemCreateSchema)
    @blp.response(201, CartSchema)
    @blp.errors(carts.NotEnoughStock, carts.CurrencyMismatch, carts.UnknownVariant,
                carts.QuantityTooLarge, TooManyRequests)
    @blp.doc(operationId="addCartItem")
    def post(self, body, cart):
        """Add a variant to the cart (adds to the line if it is there)"""
        cart = carts.add_item(cart, body["variant_id"], body["quantity"])
        db.session.commit()
        return carts.view(cart, utcnow())


@blp.route("/cart/items/<id:item_id>")
class CartItemById(MethodView):
    @with_cart
    @blp.arguments(CartItemUpdateSchema)
    @blp.response(200, CartSchema)
    @blp.errors(carts.NotEnoughStock, carts.QuantityTooLarge, TooManyRequests)
    @blp.doc(operationId="updateCartItem")
    def patch(self, body, item_id, cart):
        """Change a line's quantity"""
        cart = carts.update_item(cart, item_id, body["quantity"])
        db.session.commit()
        return carts.view(cart, utcnow())

    @with_cart
    @blp.response(200, CartSchema)
    @blp.errors(TooManyRequests)
    @blp.doc(operationId="removeCartItem")
    def delete(self, item_id, cart):
        """Remove a line"""
        cart = carts.remove_item(cart, item_id)
        db.session.commit()
        return carts.view(cart, utcnow())


@blp.route("/cart/currency")
class CartCurrency(MethodView):
    @with_cart
    @blp.arguments(CartCurrencySchema)
    @blp.response(200, CartSchema)
    @blp.errors(carts.CurrencyMismatch, TooManyRequests)
    @blp.doc(operationId="setCartCurrency")
    def put(self, body, cart):
        """Price and charge the cart in a currency (every line must be priced in it)"""
        cart = carts.set_currency(cart, body["currency"])
        db.session.commit()
        return carts.view(cart, utcnow())


@blp.route("/cart/discount")
class CartDiscount(MethodView):
    @with_cart
    @blp.arguments(DiscountApplySchema)
    @blp.response(200, CartSchema)
    @blp.errors(discounts.DiscountNotApplicable, TooManyRequests)
    @blp.doc(operationId="applyCartDiscount")
    def put(self, body, cart):
        """Apply a discount code to the cart"""
        cart = carts.apply_discount(cart, body["code"], utcnow())
        db.session.commit()
        return carts.view(cart, utcnow())

    @with_cart
    @blp.response(200, CartSchema)
    @blp.errors(TooManyRequests)
    @blp.doc(operationId="removeCartDiscount")
    def delete(self, cart):
        """Remove the discount code from the cart"""
        cart = carts.remove_discount(cart)
        db.session.commit()
        return carts.view(cart, utcnow())


class DestinationQuerySchema(ma.Schema):
    class Meta:
        unknown = ma.EXCLUDE

    country = fields.String(validate=ma.validate.OneOf(sorted(COUNTRY_CODES)),
                            metadata={"description": "ISO 3166-1 alpha-2, as in addresses"})
    region = text(100)
    postal_code = text(20)
    address_id = fields.Integer(validate=ma.validate.Range(min=1, max=MAX_ID), metadata={
        "description": "One of my addresses instead (signed in)"})


class TotalsQuerySchema(DestinationQuerySchema):
    shipping_method_id = fields.Integer(validate=ma.validate.Range(min=1, max=MAX_ID), metadata={
        "description": "Required when the destination is in a shipping zone"})


class ShippingOptionSchema(ResponseSchema):
    id = fields.Integer()
    name = fields.String()
    price = fields.Integer()
    currency = fields.String()
    estimated_days = fields.Integer(allow_none=True)


class CartTotalsSchema(ResponseSchema):
    currency = fields.String()
    subtotal = fields.Integer()
    discount_total = fields.Integer()
    shipping_total = fields.Integer()
    tax_total = fields.Integer()
    total = fields.Integer()
    tax_lines = fields.List(fields.Nested(TaxLineSchema))


def _destination(args, cart) -> pricing.Destination:
    if args.get("address_id") is not None:
        if cart.user_id is None:
            raise ValidationFailed("A guest has no address book.",
                                   errors={"address_id": ["Only for a signed-in customer."]})
        address = addresses.get_address(cart.user_id, args["address_id"])
        return pricing.Destination(address.country, address.region, address.postal_code)
    return pricing.Destination(args.get("country"), args.get("region"),
                               args.get("postal_code"))


@blp.route("/cart/shipping-options")
class CartShippingOptions(MethodView):
    @with_cart
    @blp.arguments(DestinationQuerySchema, location="query")
    @blp.response(200, ShippingOptionSchema(many=True))
    @blp.doc(operationId="listShippingOptions")
    def get(self, args, cart):
        """The shipping methods offered for my cart to a destination (none: the flat rate)"""
        lines, currency, discount = pricing.cart_parts(cart, utcnow())
        return pricing.shipping_options(lines, currency, discount, _destination(args, cart))


@blp.route("/cart/totals")
class CartTotals(MethodView):
    @with_cart
    @blp.arguments(TotalsQuerySchema, location="query")
    @blp.response(200, CartTotalsSchema)
    @blp.errors(shipping.ShippingMethodUnavailable, tax_providers.TaxUnavailable)
    @blp.doc(operationId="getCartTotals")
    def get(self, args, cart):
        """What checkout would charge for my cart now, to a destination and by a method"""
        lines, currency, discount = pricing.cart_parts(cart, utcnow())
        return pricing.totals(lines, currency, discount, _destination(args, cart),
                              args.get("shipping_method_id"))
