"""Order edits (the back office corrects an order before it ships) and the balance
payment a customer makes when an edit raised what a paid order costs."""

from __future__ import annotations

from flask import request
from flask.views import MethodView
from flask_jwt_extended import current_user

from api.checkout.resources import IDEMPOTENCY_PARAMETER
from api.orders.resources import ORDER_TOKEN_PARAMETER, callers_order
from api.orders.schemas import (
    BalancePaymentStartSchema,
    OrderEditCreateSchema,
    OrderEditResultSchema,
)
from core import idempotency
from core.auth import OPTIONAL_BEARER, Blueprint
from core.errors import Unauthorized
from models import Role, db, utcnow
from services import (
    balance_payments,
    inventory,
    order_edits,
    orders,
    refunds,
    shipping,
    tax_providers,
    transactions,
)
from services.payment_providers import ProviderUnavailable, payment_provider

blp = Blueprint("order_edits", __name__, description="Order edits and balance payments")


@blp.route("/admin/orders/<id:order_id>/edits")
class AdminOrderEdits(MethodView):
    @blp.auth_required(Role.ADMIN)
    @blp.header_parameters(IDEMPOTENCY_PARAMETER)
    @blp.arguments(OrderEditCreateSchema)
    @blp.response(201, OrderEditResultSchema)
    @blp.alt_response(200, schema=OrderEditResultSchema,
                      description="The answer to an earlier request with this key, replayed")
    @blp.errors(orders.OrderNotFound, order_edits.NotEditable, order_edits.InvalidEdit,
                inventory.OutOfStock, shipping.ShippingMethodUnavailable,
                refunds.RefundExceedsPayment, tax_providers.TaxUnavailable,
                idempotency.KeyInFlight, idempotency.KeyReused, idempotency.BadIdempotencyKey)
    @blp.doc(operationId="editOrder")
    def post(self, body, order_id):
        """Add, change or remove an order's lines before it ships (refund or balance due)"""
        admin_id, now = current_user.id, utcnow()
        changes = {name: body.get(name) or [] for name in ("add", "change", "remove")}
        idempotency.check_key(request.headers.get("Idempotency-Key"))
        order_edits.prefetch_pricing(order_id, changes)

        def edit(claim):
            done = order_edits.edit_order(order_id, changes, admin_id, now)
            order = orders.get_order(order_id)
            # Written by this request after they may have been read: read them again.
            db.session.expire(order, ["refunds", "edits", "balance_payments"])
            return {"edit": done, "order": order}

        return idempotency.run_once(admin_id, request.headers.get("Idempotency-Key"),
                                    request.get_json(), edit, OrderEditResultSchema().dump, now)


@blp.route("/orders/<id:order_id>/balance-payment")
class OrderBalancePayment(MethodView):
    @blp.header_parameters(ORDER_TOKEN_PARAMETER)
    @blp.doc(security=OPTIONAL_BEARER)
    @blp.response(200, BalancePaymentStartSchema)
    @blp.errors(Unauthorized, balance_payments.NoBalanceDue, ProviderUnavailable)
    @blp.doc(operationId="startBalancePayment")
    def post(self, order_id):
        """The payment of what an edit left due on my order, to confirm (made once)"""
        order = callers_order(order_id)
        provider = payment_provider()
        balance, payment = balance_payments.payment_for_customer(order, provider)
        # The payment's id is stored: commit, answering from the rows as they are.
        transactions.commit_keeping_loaded()
        return {"balance_payment": balance, "provider": provider.name,
                "payment_intent_id": payment.payment_intent_id,
                "client_secret": payment.client_secret}
