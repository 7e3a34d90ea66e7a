"""The fake payment provider's settle endpoint (only with ``PAYMENT_PROVIDER=fake``).

It stands in for the customer completing the payment at the provider: the outcome goes
through the same service functions a real provider's event is applied with.
"""

from __future__ import annotations

import marshmallow as ma
from flask.views import MethodView
from flask_jwt_extended import current_user
from marshmallow import fields

from api.orders.schemas import OrderSchema
from api.schemas import StrictSchema
from core.auth import Blueprint
from models import db, utcnow
from services import orders

blp = Blueprint("payments", __name__, description="The fake payment provider (demos, tests)")


class FakeSettleSchema(StrictSchema):
    outcome = fields.String(required=True, validate=ma.validate.OneOf(["succeeded", "failed"]))


@blp.route("/payments/fake/<string:payment_intent_id>/settle")
class FakeSettle(MethodView):
    @blp.auth_required()
    @blp.arguments(FakeSettleSchema)
    @blp.response(200, OrderSchema)
    def post(self, body, payment_intent_id):
        """Settle one of my fake payments: succeeded or failed"""
        order = orders.settle_fake_payment(current_user.id, payment_intent_id, body["outcome"],
                                           utcnow())
        db.session.commit()
        return order
