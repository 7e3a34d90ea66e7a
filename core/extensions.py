"""Extensions, created unbound here and attached to the app by ``init_app`` in the factory."""

from __future__ import annotations

import marshmallow as ma
from flask.json.provider import DefaultJSONProvider
from flask_cors import CORS
from flask_jwt_extended import JWTManager
from flask_migrate import Migrate
from flask_smorest import Api as SmorestApi

from core.errors import handle_http_exception
from models.base import db

__all__ = ["Api", "cors", "db", "jwt", "migrate"]


class ErrorSchema(ma.Schema):
    """The contract's error body, as documented in the OpenAPI document."""

    code = ma.fields.Integer(required=True, metadata={"description": "The HTTP status code"})
    status = ma.fields.String(required=True, metadata={"description": "The reason phrase"})
    message = ma.fields.String(required=True)
    errors = ma.fields.Dict(metadata={"description": "Validation errors by field"})
    error_code = ma.fields.String(
        metadata={"description": "A stable machine-readable name for domain errors"})


class Api(SmorestApi):
    """flask-smorest's Api with the contract's error shape (see ``core.errors``)."""

    ERROR_SCHEMA = ErrorSchema

    def _register_pagination_header(self):
        # The header carries JSON; documented as an object, tools parse it as the OpenAPI
        # "simple" style (comma-separated pairs) and misread it.
        # OpenAPI's way of saying a header's value is JSON is ``content``, not ``schema``.
        page = {"type": "integer", "minimum": 1}
        self.spec.components.header("PAGINATION", {
            "description": "The page's place in the list, as a JSON object. An empty list has "
                           "only total and total_pages; a page past the last has no page; "
                           "previous_page and next_page are there when those pages are",
            "content": {"application/json": {"schema": {
                "type": "object",
                "required": ["total", "total_pages"],
                "properties": {
                    "total": {"type": "integer", "minimum": 0},
                    "total_pages": {"type": "integer", "minimum": 0},
                    "first_page": page, "last_page": page, "page": page,
                    "previous_page": page, "next_page": page,
                },
            }}},
        })

    def handle_http_exception(self, error):
        return handle_http_exception(error)


# flask-smorest's Api keeps its app and OpenAPI spec on itself, so each app gets its own
# (see ``core.app``); the other extensions keep per-app state in ``app.extensions``.
jwt = JWTManager()
migrate = Migrate()
cors = CORS()


def _check_text(text: str) -> None:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as error:
        raise ValueError("The JSON body holds a lone surrogate (\\ud800-\\udfff), "
                         "which is not text.") from error


class BoundedJSONProvider(DefaultJSONProvider):
    """Flask's JSON, refusing request bodies nested deeper than ``MAX_JSON_DEPTH``: a
    deeply nested body would otherwise exhaust the parser's recursion (a 500) or the
    validators' time. Both come out as 400 (malformed body)."""

    MAX_JSON_DEPTH = 32

    def loads(self, s, **kwargs):
        if isinstance(s, bytes | bytearray):
            # JSON on the wire is UTF-8 (RFC 8259); ``json.loads`` would also guess UTF-16
            # or UTF-32 from the bytes, and take what a client never meant as JSON.
            s = s.decode("utf-8")
        try:
            value = super().loads(s, **kwargs)
        except RecursionError as error:
            raise ValueError("The JSON body is nested too deeply.") from error
        self._check_depth(value)
        return value

    def _check_depth(self, value) -> None:
        """Refuse too deep a body, and strings no database can store: a lone surrogate
        (``"\ud800"``) parses, but cannot be encoded as UTF-8."""
        stack = [(value, 1)]
        while stack:
            item, depth = stack.pop()
            if isinstance(item, str):
                _check_text(item)
            elif isinstance(item, dict | list):
                if isinstance(item, dict):
                    for key in item:
                        _check_text(key)
                if depth > self.MAX_JSON_DEPTH:
                    raise ValueError(f"The JSON body is nested more than "
                                     f"{self.MAX_JSON_DEPTH} levels deep.")
                children = item.values() if isinstance(item, dict) else item
                stack.extend((child, depth + 1) for child in children)
