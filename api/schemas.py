"""Schema pieces shared by every API package."""

import marshmallow as ma
from marshmallow import fields

from core.openapi import ResponseSchema
from models import Role


class StrictSchema(ma.Schema):
    """Request bodies reject unknown fields (422), so a client cannot set what it may not."""

    class Meta:
        unknown = ma.RAISE


def Choice(values, **kwargs) -> fields.String:
    """A string from a closed set (an enum class or a list): documented as an ``enum``."""
    choices = [getattr(value, "value", value) for value in values]
    return fields.String(validate=ma.validate.OneOf(choices), **kwargs)


class UserSchema(ResponseSchema):
    id = fields.Integer(dump_only=True)
    email = fields.String(dump_only=True)
    full_name = fields.String(dump_only=True)
    role = Choice(Role, dump_only=True)
    email_verified = fields.Boolean(dump_only=True)
    created_at = fields.DateTime(dump_only=True, format="iso")


class StrictBoolean(fields.Boolean):
    """JSON ``true`` or ``false`` only: marshmallow's Boolean also takes 0, 1, "yes"..."""

    def _deserialize(self, value, attr, data, **kwargs):
        if not isinstance(value, bool):
            raise self.make_error("invalid", input=value)
        return value


# PostgreSQL cannot store NUL in text; the pattern also documents that in the OpenAPI schema.
NO_NUL = ma.validate.Regexp(r"^[^\x00]*$", error="Must not contain NUL characters.")


MAX_ID = 2**31 - 1


def Id(**kwargs) -> fields.Integer:
    """A database id in a JSON body: a real integer within the column's range."""
    return fields.Integer(strict=True, validate=ma.validate.Range(min=1, max=MAX_ID), **kwargs)


def text(max_length: int, min_length: int = 1, **kwargs) -> fields.String:
    """A string field of a request body: bounded length, no NUL characters."""
    return fields.String(validate=[ma.validate.Length(min=min_length, max=max_length), NO_NUL],
                         **kwargs)


class MoneySchema(ResponseSchema):
    """An amount in one currency's minor unit (cents)."""

    currency = fields.String()
    amount = fields.Integer()
