import marshmallow as ma
import pycountry
from marshmallow import fields

from api.schemas import ResponseSchema, StrictBoolean, StrictSchema, text

COUNTRY_CODES = frozenset(country.alpha_2 for country in pycountry.countries)


class AddressSchema(ResponseSchema):
    id = fields.Integer(dump_only=True)
    full_name = fields.String()
    line1 = fields.String()
    line2 = fields.String(allow_none=True)
    city = fields.String()
    region = fields.String(allow_none=True)
    postal_code = fields.String()
    country = fields.String()
    phone = fields.String(allow_none=True)
    is_default = StrictBoolean()
    created_at = fields.DateTime(dump_only=True, format="iso")


class AddressCreateSchema(StrictSchema):
    full_name = text(200, required=True)
    line1 = text(200, required=True)
    line2 = text(200, min_length=0, allow_none=True)
    city = text(100, required=True)
    region = text(100, min_length=0, allow_none=True)
    postal_code = text(20, required=True)
    country = fields.String(required=True, validate=ma.validate.OneOf(
        sorted(COUNTRY_CODES),
        error="Must be an ISO 3166-1 alpha-2 country code in capitals, such as US or DE."))
    phone = fields.String(allow_none=True,
                          validate=ma.validate.Regexp(r"^\+?[0-9 ()\-.]{4,31}$",
                                                      error="Not a phone number."))
    is_default = StrictBoolean(load_default=False)


class AddressUpdateSchema(AddressCreateSchema):
    """The same fields, none required."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, partial=True, **kwargs)

    is_default = StrictBoolean()
