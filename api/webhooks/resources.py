"""Outbound webhooks (admin): the delivery browser, redelivery, and subscribed endpoints."""

from __future__ import annotations

import marshmallow as ma
from flask.views import MethodView
from marshmallow import fields

from api.schemas import Choice, ResponseSchema, StrictBoolean, StrictSchema, text
from core.auth import Blueprint
from core.pagination import paginate_query
from models import DeliveryStatus, db, utcnow
from services import webhook_addresses, webhook_endpoints, webhook_redelivery, webhooks

blp = Blueprint("webhooks", __name__, description="Outbound webhooks (admin)")


class AttemptSchema(ResponseSchema):
    at = fields.DateTime(format="iso")
    status_code = fields.Integer(allow_none=True)
    duration_ms = fields.Integer()
    error = fields.String(allow_none=True)


class DeliverySchema(ResponseSchema):
    id = fields.Integer()
    webhook_id = fields.String(metadata={"description": "The same on every attempt"})
    function = Choice(webhooks.FUNCTION_NAMES, allow_none=True)
    endpoint_id = fields.Integer(allow_none=True)
    event_type = Choice(sorted(webhooks.PUBLIC_EVENT_TYPES))
    status = Choice(DeliveryStatus, metadata={"description": "failed: still being retried"})
    attempts = fields.List(fields.Nested(AttemptSchema))
    next_attempt_at = fields.DateTime(format="iso", allow_none=True)
    created_at = fields.DateTime(format="iso")


class DeliveryQuerySchema(ma.Schema):
    class Meta:
        unknown = ma.EXCLUDE

    status = fields.String(validate=ma.validate.OneOf([s.value for s in DeliveryStatus]))
    event_type = fields.String(validate=ma.validate.OneOf(sorted(webhooks.PUBLIC_EVENT_TYPES)))
    function = fields.String(validate=ma.validate.OneOf(webhooks.FUNCTION_NAMES))


@blp.route("/admin/webhook-deliveries")
class Deliveries(MethodView):
    @blp.auth_required("admin")
    @blp.arguments(DeliveryQuerySchema, location="query")
    @blp.response(200, DeliverySchema(many=True))
    @blp.paginate()
    @blp.doc(operationId="listWebhookDeliveries")
    def get(self, args, pagination_parameters):
        """List webhook deliveries, newest first, with every attempt"""
        return paginate_query(webhook_redelivery.delivery_listing(**{
            name: args.get(name) for name in ("status", "event_type", "function")}),
            pagination_parameters)


@blp.route("/admin/webhook-deliveries/<id:delivery_id>")
class DeliveryById(MethodView):
    @blp.auth_required("admin")
    @blp.response(200, DeliverySchema)
    @blp.doc(operationId="getWebhookDelivery")
    def get(self, delivery_id):
        """One webhook delivery with its attempts"""
        return webhook_redelivery.get_delivery(delivery_id)


@blp.route("/admin/webhook-deliveries/<id:delivery_id>/redeliver")
class Redeliver(MethodView):
    @blp.auth_required("admin")
    @blp.response(200, DeliverySchema)
    @blp.errors(webhook_redelivery.NotRedeliverable)
    @blp.doc(operationId="redeliverWebhook")
    def post(self, delivery_id):
        """Deliver a failed or dead delivery again now, with the same webhook-id"""
        now = utcnow()
        webhook_redelivery.redeliver(delivery_id, now)
        db.session.commit()
        webhooks.attempt_delivery(delivery_id, now)
        return webhook_redelivery.get_delivery(delivery_id)


def _event_types(**kwargs) -> fields.List:
    return fields.List(
        fields.String(validate=ma.validate.OneOf(sorted(webhooks.PUBLIC_EVENT_TYPES))),
        validate=ma.validate.Length(min=1, max=len(webhooks.PUBLIC_EVENT_TYPES)), **kwargs)


class EndpointSchema(ResponseSchema):
    id = fields.Integer()
    url = fields.String()
    event_types = fields.List(fields.String())
    description = fields.String(allow_none=True)
    active = fields.Boolean()
    created_at = fields.DateTime(format="iso")


class EndpointCreatedSchema(EndpointSchema):
    secret = fields.String(metadata={"description": "The signing secret; shown once"})


class EndpointCreateSchema(StrictSchema):
    url = fields.String(required=True, validate=[
        ma.validate.Length(max=2000),
        ma.validate.Regexp(r"^https?://[A-Za-z0-9.:\[\]-]+(/[!-~]*)?$",
                           error="Must be an http(s) URL.")])
    event_types = _event_types(required=True)
    description = text(200)
    secret = fields.String(validate=ma.validate.Regexp(r"^whsec_[A-Za-z0-9+/=]{24,100}$"))
    active = StrictBoolean(load_default=True)


class EndpointUpdateSchema(EndpointCreateSchema):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, partial=True, **kwargs)

    event_types = _event_types()
    active = StrictBoolean()


@blp.route("/admin/webhook-endpoints")
class Endpoints(MethodView):
    @blp.auth_required("admin")
    @blp.response(200, EndpointSchema(many=True))
    @blp.paginate()
    @blp.doc(operationId="listWebhookEndpoints")
    def get(self, pagination_parameters):
        """List subscribed webhook endpoints"""
        return paginate_query(webhook_endpoints.endpoint_listing(), pagination_parameters)

    @blp.auth_required("admin")
    @blp.arguments(EndpointCreateSchema)
    @blp.response(201, EndpointCreatedSchema)
    @blp.errors(webhook_addresses.UnsafeEndpointUrl)
    @blp.doc(operationId="createWebhookEndpoint")
    def post(self, body):
        """Subscribe an endpoint to event types (https, public addresses only in production)"""
        endpoint = webhook_endpoints.create_endpoint(
            body["url"], body["event_types"], body.get("description"), body.get("secret"),
            body["active"])
        db.session.commit()
        return endpoint


@blp.route("/admin/webhook-endpoints/<id:endpoint_id>")
class EndpointById(MethodView):
    @blp.auth_required("admin")
    @blp.response(200, EndpointSchema)
    @blp.doc(operationId="getWebhookEndpoint")
    def get(self, endpoint_id):
        """One subscribed webhook endpoint"""
        return webhook_endpoints.get_endpoint(endpoint_id)

    @blp.auth_required("admin")
    @blp.arguments(EndpointUpdateSchema, required=False)
    @blp.response(200, EndpointSchema)
    @blp.errors(webhook_addresses.UnsafeEndpointUrl)
    @blp.doc(operationId="updateWebhookEndpoint")
    def patch(self, body, endpoint_id):
        """Change a webhook endpoint"""
        endpoint = webhook_endpoints.update_endpoint(endpoint_id, body)
        db.session.commit()
        return endpoint

    @blp.auth_required("admin")
    @blp.response(204)
    @blp.doc(operationId="deleteWebhookEndpoint")
    def delete(self, endpoint_id):
        """Remove a webhook endpoint and its deliveries"""
        webhook_endpoints.delete_endpoint(endpoint_id)
        db.session.commit()
