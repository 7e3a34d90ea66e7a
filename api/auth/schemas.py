import marshmallow as ma
from marshmallow import fields

from api.schemas import StrictSchema, UserSchema, trimmed
from services.users import MIN_PASSWORD_LENGTH

# An upper bound keeps a megabyte "password" from costing a megabyte of hashing.
MAX_PASSWORD_LENGTH = 1024

Email = lambda: fields.Email(required=True, validate=ma.validate.Length(max=254))  # noqa: E731


class RegisterSchema(StrictSchema):
    email = Email()
    password = fields.String(
        required=True,
        validate=ma.validate.Length(min=MIN_PASSWORD_LENGTH, max=MAX_PASSWORD_LENGTH),
    )
    full_name = trimmed(200, required=True)


class LoginSchema(StrictSchema):
    email = fields.String(required=True, validate=ma.validate.Length(min=1, max=254))
    password = fields.String(required=True,
                             validate=ma.validate.Length(min=1, max=MAX_PASSWORD_LENGTH))


class TokenPairSchema(ma.Schema):
    access_token = fields.String()
    refresh_token = fields.String()


class AuthResultSchema(TokenPairSchema):
    user = fields.Nested(UserSchema)


class PasswordResetRequestSchema(StrictSchema):
    email = Email()


class PasswordResetConfirmSchema(StrictSchema):
    token = fields.String(required=True, validate=ma.validate.Length(min=1, max=512))
    password = fields.String(
        required=True,
        validate=ma.validate.Length(min=MIN_PASSWORD_LENGTH, max=MAX_PASSWORD_LENGTH),
    )


class MessageSchema(ma.Schema):
    message = fields.String()
