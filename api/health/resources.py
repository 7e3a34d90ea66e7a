"""Liveness and readiness probes."""

from __future__ import annotations

import marshmallow as ma
from flask import current_app
from flask.views import MethodView

from core.auth import Blueprint
from core.extensions import ErrorSchema
from services import health

blp = Blueprint("health", __name__, description="Liveness and readiness probes")


class HealthSchema(ma.Schema):
    status = ma.fields.String()


class ReadinessSchema(ma.Schema):
    status = ma.fields.String()
    checks = ma.fields.Dict(keys=ma.fields.String(), values=ma.fields.String())


@blp.route("/healthz")
class Liveness(MethodView):
    @blp.response(200, HealthSchema)
    def get(self):
        """Answer while the process lives"""
        return {"status": "ok"}


@blp.route("/readyz")
class Readiness(MethodView):
    @blp.response(200, ReadinessSchema)
    @blp.alt_response(503, schema=ErrorSchema, description="A dependency failed")
    def get(self):
        """Answer 200 when the database and the broker answer, else 503 naming which failed"""
        checks = health.assert_ready(current_app.config["READINESS_TIMEOUT_SECONDS"])
        return {"status": "ok", "checks": checks}
