"""URL converters. ``<id:...>`` is a database id: a positive integer that fits the column;
``<slug:...>`` a slug.

A larger number can name no row; matching it would only overflow the database's integer
type, so the route does not match and the answer is a plain 404.
"""

from __future__ import annotations

from flask import Flask
from flask_smorest import Api
from werkzeug.routing import BaseConverter, IntegerConverter

from api.schemas import MAX_ID
from services.slugs import SLUG_REGEX


class IdConverter(IntegerConverter):
    def __init__(self, url_map, *args, **kwargs):
        super().__init__(url_map, min=1, max=MAX_ID)


class SlugConverter(BaseConverter):
    """A slug: it always holds a letter, so it never takes a path meant for an id."""

    regex = SLUG_REGEX


def register_converters(app: Flask, api: Api) -> None:
    app.url_map.converters["id"] = IdConverter
    app.url_map.converters["slug"] = SlugConverter
    api.register_converter(
        IdConverter, lambda _converter: {"type": "integer", "minimum": 1, "maximum": MAX_ID})
    api.register_converter(
        SlugConverter, lambda _converter: {"type": "string", "pattern": f"^{SLUG_REGEX}$"})
