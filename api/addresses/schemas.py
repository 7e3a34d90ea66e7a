import marshmallow as ma
import pycountry
from marshmallow import fields

from api.schemas import StrictSchema, trimmed

COUNTRY_CODES = frozenset(country.alpha_2 for country in pycountry.countries)


def _country(value: str) -> None:
    if value not in COUNTRY_CODES:
        raise ma.ValidationError("Must be an ISO 3166-1 alpha-2 country code, such as US or DE.")


class AddressSchema(ma.Schema):
    id = fields.Integer(dump_only=True)
    full_name = fields.String()
    line1 = fields.String()
    line2 = fields.String(allow_none=True)
    city = fields.String()
    region = fields.String(allow_none=True)
    postal_code = fields.String()
    country = fields.String()
    phone = fields.String(allow_none=True)
    is_default = fields.Boolean()
    created_at = fields.DateTime(dump_only=True, format="iso")


class AddressCreateSchema(StrictSchema):
    full_name = trimmed(200, required=True)
    line1 = trimmed(200, required=True)
    line2 = trimmed(200, min_length=0, allow_none=True)
    city = trimmed(100, required=True)
    region = trimmed(100, min_length=0, allow_none=True)
    postal_code = trimmed(20, required=True)
    country = fields.String(required=True, validate=_country)
    phone = fields.String(allow_none=True,
                          validate=ma.validate.Regexp(r"^\+?[0-9 ()\-.]{4,31}$",
                                                      error="Not a phone number."))
    is_default = fields.Boolean(load_default=False)

    @ma.pre_load
    def upper_country(self, data, **kwargs):
        if isinstance(data, dict) and isinstance(data.get("country"), str):
            data = {**data, "country": data["country"].strip().upper()}
        return data


class AddressUpdateSchema(AddressCreateSchema):
    """The same fields, none required."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, partial=True, **kwargs)

    is_default = fields.Boolean()
