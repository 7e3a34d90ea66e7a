"""The audit log (admin): who changed what, when, from where."""

from __future__ import annotations

import marshmallow as ma
import sqlalchemy as sa
from flask.views import MethodView
from marshmallow import fields

from api.schemas import MAX_ID, Choice, ResponseSchema
from core.audit import AUDITED_ROLES
from core.auth import Blueprint
from core.pagination import paginate_query
from models import AuditLog, Role

blp = Blueprint("audit", __name__, description="The audit log (admin)")


class AuditEntrySchema(ResponseSchema):
    id = fields.Integer()
    actor_id = fields.Integer(allow_none=True)
    actor_role = Choice(sorted(AUDITED_ROLES))
    action = Choice(["create", "update", "delete"])
    entity = fields.String(metadata={"description": "The record's table"})
    entity_id = fields.String()
    changes = fields.Dict(metadata={"description": "{field: [before, after]}"})
    ip = fields.String(allow_none=True)
    request_id = fields.String(allow_none=True)
    at = fields.DateTime(format="iso")


class AuditQuerySchema(ma.Schema):
    class Meta:
        unknown = ma.EXCLUDE

    # Query arguments are strings: not strict, but still within the column's range.
    actor_id = fields.Integer(validate=ma.validate.Range(min=1, max=MAX_ID))
    entity = fields.String(validate=[ma.validate.Length(max=64),
                                     ma.validate.Regexp(r"^[a-z_]+$")])
    entity_id = fields.String(validate=[ma.validate.Length(max=64),
                                        ma.validate.Regexp(r"^[0-9,]+$")])
    action = fields.String(validate=ma.validate.OneOf(["create", "update", "delete"]))
    since = fields.AwareDateTime(format="iso")
    until = fields.AwareDateTime(format="iso")


@blp.route("/admin/audit-log")
class AuditLogEntries(MethodView):
    @blp.auth_required(Role.ADMIN)
    @blp.arguments(AuditQuerySchema, location="query")
    @blp.response(200, AuditEntrySchema(many=True))
    @blp.paginate()
    @blp.doc(operationId="listAuditLog")
    def get(self, args, pagination_parameters):
        """Every admin and seller write, newest first"""
        query = sa.select(AuditLog).order_by(AuditLog.id.desc())
        for name in ("actor_id", "entity", "entity_id", "action"):
            if name in args:
                query = query.where(getattr(AuditLog, name) == args[name])
        if "since" in args:
            query = query.where(AuditLog.at >= args["since"])
        if "until" in args:
            query = query.where(AuditLog.at <= args["until"])
        return paginate_query(query, pagination_parameters)
