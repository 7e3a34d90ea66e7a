"""Liveness and readiness probes, and the Prometheus metrics."""

from __future__ import annotations

import ipaddress

import marshmallow as ma
from flask import Response, current_app, request
from flask.views import MethodView

from api.schemas import Choice, ResponseSchema
from core import metrics
from core.auth import Blueprint
from core.errors import Forbidden
from core.extensions import ErrorSchema
from models import utcnow
from services import health

blp = Blueprint("health", __name__, description="Liveness and readiness probes")


class HealthSchema(ResponseSchema):
    status = Choice(["ok"])


class ReadinessSchema(ResponseSchema):
    status = Choice(["ok"])
    checks = ma.fields.Dict(keys=ma.fields.String(), values=ma.fields.String())
    beat = ma.fields.String(metadata={"description": "The scheduler's heartbeat: ok, stale "
                                                     "(with its last beat) or never seen"})


@blp.route("/healthz")
class Liveness(MethodView):
    @blp.response(200, HealthSchema)
    @blp.doc(operationId="getHealth")
    def get(self):
        """Answer while the process lives"""
        return {"status": "ok"}


@blp.route("/readyz")
class Readiness(MethodView):
    @blp.response(200, ReadinessSchema)
    @blp.alt_response(503, schema=ErrorSchema, description="A dependency failed")
    @blp.doc(operationId="getReadiness")
    def get(self):
        """Answer 200 when the database and the broker answer, else 503 naming which failed"""
        checks = health.assert_ready(current_app.config["READINESS_TIMEOUT_SECONDS"])
        return {"status": "ok", "checks": checks,
                "beat": health.heartbeat_status("beat", utcnow())}


METRICS_RESPONSE = {"200": {"description": "Prometheus text format",
                            "content": {"text/plain": {"schema": {"type": "string"}}}},
                    "403": {"description": "Not from a private network",
                            "content": {"application/json": {"schema": ErrorSchema}}}}


@blp.route("/metrics")
class Metrics(MethodView):
    @blp.doc(responses=METRICS_RESPONSE)
    @blp.doc(operationId="getMetrics")
    def get(self):
        """Prometheus metrics (callers on a private network only)"""
        try:
            caller = ipaddress.ip_address(request.remote_addr or "")
        except ValueError:
            caller = None
        if caller is None or not (caller.is_private or caller.is_loopback):
            raise Forbidden("Metrics are served to private networks only.")
        return Response(metrics.exposition(current_app._get_current_object()),
                        mimetype="text/plain", headers={"Cache-Control": "no-store"})
