"""URL converters. ``<id:...>`` is a database id: a positive integer that fits the column;
``<slug:...>`` a slug; ``<product_ref:...>`` either (a product is named by its id or its
slug at one path, as OpenAPI allows one templated path per shape).

A larger number can name no row; matching it would only overflow the database's integer
type, so the route does not match and the answer is a plain 404.
"""

from __future__ import annotations

from flask import Flask
from flask_smorest import Api
from werkzeug.routing import BaseConverter, IntegerConverter, ValidationError

from api.schemas import MAX_ID
from services.slugs import SLUG_REGEX


class IdConverter(IntegerConverter):
    def __init__(self, url_map, *args, **kwargs):
        super().__init__(url_map, min=1, max=MAX_ID)


class SlugConverter(BaseConverter):
    """A slug: it always holds a letter, so it never takes a path meant for an id."""

    regex = SLUG_REGEX


class ProductRefConverter(BaseConverter):
    """An id (an int) or a slug (a str): a slug always holds a letter, an id never does."""

    regex = f"[0-9]{{1,10}}|{SLUG_REGEX}"

    def to_python(self, value: str) -> int | str:
        if value.isdigit():
            if not 1 <= int(value) <= MAX_ID:
                raise ValidationError()
            return int(value)
        return value

    def to_url(self, value) -> str:
        return str(value)


PRODUCT_REF_SCHEMA = {
    "type": "string", "pattern": f"^(?:[0-9]{{1,10}}|{SLUG_REGEX})$",
    "description": "The product's id or its slug",
}


def register_converters(app: Flask, api: Api) -> None:
    app.url_map.converters["id"] = IdConverter
    app.url_map.converters["slug"] = SlugConverter
    app.url_map.converters["product_ref"] = ProductRefConverter
    api.register_converter(
        IdConverter, lambda _converter: {"type": "integer", "minimum": 1, "maximum": MAX_ID})
    api.register_converter(
        SlugConverter, lambda _converter: {"type": "string", "pattern": f"^{SLUG_REGEX}$"})
    api.register_converter(ProductRefConverter, lambda _converter: PRODUCT_REF_SCHEMA)
