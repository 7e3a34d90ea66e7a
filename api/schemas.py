"""Schema pieces shared by every API package."""

import marshmallow as ma
from marshmallow import fields


class StrictSchema(ma.Schema):
    """Request bodies reject unknown fields (422), so a client cannot set what it may not."""

    class Meta:
        unknown = ma.RAISE


class UserSchema(ma.Schema):
    id = fields.Integer(dump_only=True)
    email = fields.String(dump_only=True)
    full_name = fields.String(dump_only=True)
    role = fields.String(dump_only=True)
    created_at = fields.DateTime(dump_only=True, format="iso")


class StrictBoolean(fields.Boolean):
    """JSON ``true`` or ``false`` only: marshmallow's Boolean also takes 0, 1, "yes"..."""

    def _deserialize(self, value, attr, data, **kwargs):
        if not isinstance(value, bool):
            raise self.make_error("invalid", input=value)
        return value


def trimmed(max_length: int, min_length: int = 1, **kwargs) -> fields.String:
    return fields.String(validate=ma.validate.Length(min=min_length, max=max_length), **kwargs)
