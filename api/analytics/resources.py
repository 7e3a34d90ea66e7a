"""Sales analytics (admin)."""

from __future__ import annotations

from datetime import timedelta

import marshmallow as ma
from flask.views import MethodView
from marshmallow import fields

from api.products.schemas import CurrencyCode
from api.schemas import Choice, ResponseSchema
from core.auth import Blueprint
from models import Role, utcnow
from services import analytics

blp = Blueprint("analytics", __name__, description="Sales analytics (admin)")


class SummaryQuerySchema(ma.Schema):
    class Meta:
        unknown = ma.EXCLUDE

    from_ = fields.Date(data_key="from", metadata={"description": "First store day "
                                                                  "(default: 29 days ago)"})
    to = fields.Date(metadata={"description": "Last store day, inclusive (default: today)"})
    currency = CurrencyCode(metadata={"description": "The orders' currency (default: "
                                                     "STORE_CURRENCY); figures never mix "
                                                     "currencies"})
    interval = Choice(analytics.INTERVALS, load_default="day", metadata={
        "description": "The periods of revenue_by_interval: days, ISO weeks (from Monday) "
                       "or calendar months, the first and last clipped to the range"})


class TopProductSchema(ResponseSchema):
    product_id = fields.Integer(allow_none=True)
    name = fields.String()
    units = fields.Integer()
    revenue = fields.Integer()


class DaySchema(ResponseSchema):
    date = fields.String()
    revenue = fields.Integer()
    orders = fields.Integer()


class PeriodSchema(ResponseSchema):
    start = fields.String(metadata={"description": "First store day of the period"})
    end = fields.String(metadata={"description": "Last store day of the period, inclusive"})
    revenue = fields.Integer()
    orders = fields.Integer()


class SummarySchema(ResponseSchema):
    from_ = fields.String(data_key="from")
    to = fields.String()
    timezone = fields.String()
    currency = fields.String()
    revenue = fields.Integer()
    orders = fields.Integer()
    average_order_value = fields.Integer()
    units = fields.Integer()
    top_products = fields.List(fields.Nested(TopProductSchema))
    revenue_by_day = fields.List(fields.Nested(DaySchema))
    interval = Choice(analytics.INTERVALS)
    revenue_by_interval = fields.List(fields.Nested(PeriodSchema))


@blp.route("/admin/analytics/summary")
class Summary(MethodView):
    @blp.auth_required(Role.ADMIN)
    @blp.arguments(SummaryQuerySchema, location="query")
    @blp.response(200, SummarySchema)
    @blp.errors(analytics.BadRange)
    @blp.doc(operationId="getAnalyticsSummary")
    def get(self, args):
        """Revenue, orders, average order value, units, top products and revenue by day"""
        now = utcnow()
        last = args.get("to") or analytics.store_today(now)
        first = args.get("from_") or last - timedelta(days=29)
        figures = analytics.summary(first, last, now, interval=args["interval"],
                                    currency=args.get("currency"))
        return {**figures, "from_": figures.pop("from")}
