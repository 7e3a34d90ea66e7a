import marshmallow as ma
from marshmallow import fields

from api.schemas import ResponseSchema, StrictSchema, UserSchema, text
from services.users import MIN_PASSWORD_LENGTH

# An upper bound keeps a megabyte "password" from costing a megabyte of hashing.
MAX_PASSWORD_LENGTH = 1024

Email = lambda: fields.Email(required=True, validate=ma.validate.Length(max=254))  # noqa: E731


class RegisterSchema(StrictSchema):
    email = Email()
    password = text(MAX_PASSWORD_LENGTH, min_length=MIN_PASSWORD_LENGTH, required=True)
    full_name = text(200, required=True)


class LoginSchema(StrictSchema):
    email = text(254, required=True)
    password = text(MAX_PASSWORD_LENGTH, required=True)


class TokenPairSchema(ResponseSchema):
    access_token = fields.String()
    refresh_token = fields.String()


class AuthResultSchema(TokenPairSchema):
    user = fields.Nested(UserSchema)


class PasswordResetRequestSchema(StrictSchema):
    email = Email()


class PasswordResetConfirmSchema(StrictSchema):
    token = text(512, required=True)
    password = text(MAX_PASSWORD_LENGTH, min_length=MIN_PASSWORD_LENGTH, required=True)


class EmailVerificationConfirmSchema(StrictSchema):
    token = text(512, required=True)


class MessageSchema(ResponseSchema):
    message = fields.String()
