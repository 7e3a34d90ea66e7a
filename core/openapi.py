"""How the OpenAPI document is made exact: response fields required, and what every
operation shares stated once from what it declares.

- ``Converter``: every field of a ``ResponseSchema`` is in ``required`` (a serialized object
  carries each declared field; None comes out as null, documented by ``allow_none``).
- ``Conventions``: the error answers an operation can give, from its declarations: 400 for
  every one (a malformed body, or a NUL or bad encoding in its path or query), 413 and 422
  with a body, 422 with query arguments, 404 with path parameters, 401 with a bearer. 403
  comes with the roles of ``auth_required``; 409 and other domain refusals are declared by
  the view with ``Blueprint.errors``, their ``error_code`` values as an enum. The headers
  that answers carry: ``X-Cart-Token`` on the cart's own, ``Idempotent-Replayed`` on those of
  operations with an ``Idempotency-Key``, ``Retry-After`` on 429 and 503.
"""

from __future__ import annotations

import marshmallow as ma
from apispec import BasePlugin
from apispec.ext.marshmallow import MarshmallowPlugin, OpenAPIConverter
from apispec.ext.marshmallow.common import get_fields, resolve_schema_cls

from core import errors

ERROR_REF = {"$ref": "#/components/schemas/Error"}
# Header parameters a view declares (``Blueprint.header_parameters``), kept apart from
# flask-smorest's own parameters: its doc merge replaces a list, and would drop the query
# arguments of a view that declared headers too.
HEADER_PARAMETERS = "x-stockroom-header-parameters"
HEADERS = {
    "RETRY_AFTER": {"description": "Seconds to wait before trying again",
                    "schema": {"type": "integer", "minimum": 1}},
    "CART_TOKEN": {"description": "The guest cart's token: send it back as X-Cart-Token "
                                  "(absent for a signed-in caller)",
                   "schema": {"type": "string"}},
    "IDEMPOTENT_REPLAYED": {"description": "true when this is the stored answer to an "
                                           "earlier request with the same key",
                            "schema": {"type": "string", "enum": ["true"]}},
}
# Lazily registered by flask-smorest for every status: {"description", Error schema}.
GENERIC = {"400": "BAD_REQUEST", "401": "UNAUTHORIZED", "403": "FORBIDDEN",
           "404": "NOT_FOUND", "409": "CONFLICT", "413": "REQUEST_ENTITY_TOO_LARGE",
           "422": "UNPROCESSABLE_ENTITY"}


class ResponseSchema(ma.Schema):
    """An answer's body. Every field is always present, so the document lists every one in
    ``required``; a field that is sent only sometimes says so with
    ``metadata={"optional": True}``, and one that can be null has ``allow_none=True``."""


class Converter(OpenAPIConverter):
    def schema2jsonschema(self, schema):
        jsonschema = super().schema2jsonschema(schema)
        schema_cls = resolve_schema_cls(schema)
        if isinstance(schema_cls, type) and issubclass(schema_cls, ResponseSchema):
            jsonschema["required"] = sorted(
                field.data_key or name for name, field in get_fields(schema).items()
                if not field.load_only and not field.metadata.get("optional"))
            if not jsonschema["required"]:
                del jsonschema["required"]
        return jsonschema


class Plugin(MarshmallowPlugin):
    Converter = Converter


def _generic_codes() -> dict[int, str]:
    """The code of each status's general refusal (``ValidationFailed`` and the like), which
    any service may raise beside the specific ones a view declares."""
    return {cls.http_status: cls.error_code for cls in (
        errors.Unauthorized, errors.Forbidden, errors.NotFound, errors.Conflict,
        errors.ValidationFailed, errors.TooManyRequests, errors.ServiceUnavailable)}


def error_response(exceptions, description: str | None = None) -> dict:
    """The answer of a domain refusal: the error body, its ``error_code`` one of theirs
    (or the general code of the status)."""
    generic = _generic_codes()
    codes = sorted({exception.error_code for exception in exceptions}
                   | {generic[exception.http_status] for exception in exceptions
                      if exception.http_status in generic})
    if description is None:
        description = "Refused: error_code " + ", ".join(codes)
        if any(exception.http_status == 422 for exception in exceptions):
            description += "; or the request failed validation (errors by field, no error_code)"
    return {
        "description": description,
        "schema": {"allOf": [ERROR_REF, {"type": "object", "properties": {
            "error_code": {"type": "string", "enum": codes}}}]},
    }


def _parameter_names(operation: dict, location: str) -> set[str]:
    return {parameter.get("name") for parameter in operation.get("parameters", [])
            if isinstance(parameter, dict) and parameter.get("in") == location}


def _add_header(response, name: str, component: str) -> None:
    if isinstance(response, dict):
        response.setdefault("headers", {}).setdefault(
            name, {"$ref": f"#/components/headers/{component}"})


class Conventions(BasePlugin):
    def init_spec(self, spec):
        for name, header in HEADERS.items():
            spec.components.header(name, header)

    def operation_helper(self, path=None, operations=None, **kwargs):
        for operation in (operations or {}).values():
            if not isinstance(operation, dict) or "responses" not in operation:
                continue
            extra = operation.pop(HEADER_PARAMETERS, None)
            if extra:
                operation.setdefault("parameters", []).extend(extra)
            responses = operation["responses"]
            for code in list(responses):
                if str(code) != code:
                    responses[str(code)] = responses.pop(code)
            wanted = {"400"}
            if "requestBody" in operation:
                wanted |= {"413", "422"}
            if _parameter_names(operation, "query"):
                wanted.add("422")
            if "{" in (path or ""):
                wanted.add("404")
            if any("bearerAuth" in requirement for requirement in operation.get("security", [])):
                wanted.add("401")
            for code in sorted(wanted):
                responses.setdefault(code, GENERIC[code])
            headers = _parameter_names(operation, "header")
            for code, response in responses.items():
                if code.startswith("2"):
                    # Only the cart's own answers carry it (login, register and checkout
                    # take the header, and send nothing back in it).
                    if "X-Cart-Token" in headers and "carts" in operation.get("tags", []):
                        _add_header(response, "X-Cart-Token", "CART_TOKEN")
                    if "Idempotency-Key" in headers:
                        _add_header(response, "Idempotent-Replayed", "IDEMPOTENT_REPLAYED")
                elif code in ("429", "503"):
                    _add_header(response, "Retry-After", "RETRY_AFTER")
