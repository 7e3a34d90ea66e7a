"""Domain errors and the one place that turns every error into the contract's JSON shape.

The shape is ``{"code": <http status>, "status": "<reason phrase>", "message": "...",
"errors": {<field>: [...]}}``, plus ``error_code``, a stable machine-readable name for
domain errors (``email_taken``, ``out_of_stock``) that clients may branch on.
"""

from __future__ import annotations

import logging
from http import HTTPStatus

from flask import Flask, jsonify
from werkzeug.exceptions import HTTPException

log = logging.getLogger(__name__)


class DomainError(Exception):
    """A refusal by the domain, with a stable ``error_code`` and the HTTP status it maps to."""

    http_status = 409
    error_code = "conflict"

    def __init__(self, message: str | None = None, *, errors: dict | None = None,
                 headers: dict | None = None):
        super().__init__(message or self.default_message())
        self.message = message or self.default_message()
        self.errors = errors
        self.headers = headers or {}

    @classmethod
    def default_message(cls) -> str:
        return HTTPStatus(cls.http_status).phrase


class NotFound(DomainError):
    http_status = 404
    error_code = "not_found"


class Conflict(DomainError):
    http_status = 409
    error_code = "conflict"


class ValidationFailed(DomainError):
    http_status = 422
    error_code = "validation_failed"


class Unauthorized(DomainError):
    http_status = 401
    error_code = "unauthorized"

    def __init__(self, message: str | None = None, **kwargs):
        kwargs.setdefault("headers", {"WWW-Authenticate": "Bearer"})
        super().__init__(message, **kwargs)


class Forbidden(DomainError):
    http_status = 403
    error_code = "forbidden"


class TooManyRequests(DomainError):
    http_status = 429
    error_code = "rate_limited"

    def __init__(self, message: str | None = None, *, retry_after: int, **kwargs):
        kwargs.setdefault("headers", {"Retry-After": str(max(1, int(retry_after)))})
        super().__init__(message, **kwargs)


class ServiceUnavailable(DomainError):
    http_status = 503
    error_code = "unavailable"


def error_body(status: int, message: str | None = None, errors: dict | None = None,
               error_code: str | None = None) -> dict:
    phrase = HTTPStatus(status).phrase if status in HTTPStatus._value2member_map_ else "Error"
    body = {"code": status, "status": phrase, "message": message or phrase}
    if errors:
        body["errors"] = errors
    if error_code:
        body["error_code"] = error_code
    return body


def flatten_validation_errors(errors: dict) -> dict:
    """webargs nests errors by location (``{"json": {"email": [...]}}``); the contract does not.

    Locations are merged so that a client reads ``errors.email`` whatever the location was.
    A body that is not an object at all is reported under ``_schema``.
    """
    flat: dict = {}
    for location, messages in errors.items():
        if isinstance(messages, dict):
            for field, field_messages in messages.items():
                flat.setdefault(str(field), field_messages)
        else:
            flat.setdefault(location if location not in {"json", "query"} else "_schema",
                            messages)
    return flat


def handle_http_exception(error: HTTPException):
    code = error.code or 500
    data = getattr(error, "data", None) or {}
    headers = dict(data.get("headers") or {})
    errors = data.get("errors") or data.get("messages")
    if code == 405:
        # The Allow header is what a 405 must carry (RFC 9110 15.5.6).
        headers.update({k: v for k, v in error.get_headers() if k.lower() == "allow"})
    if errors:
        errors = flatten_validation_errors(errors)
    message = data.get("message")
    if code == 400 and errors:
        # A malformed body is not a validation failure: say what is wrong in the message.
        message = message or "; ".join(
            str(m) for ms in errors.values() for m in (ms if isinstance(ms, list) else [ms]))
        errors = None
    if message is None:
        if code == 422:
            message = "The request was well-formed but failed validation."
        elif code >= 500:
            message = HTTPStatus(code).phrase
        else:
            message = error.description or None
    if code >= 500:
        original = getattr(error, "original_exception", None)
        if original is not None:
            log.exception("unhandled error", exc_info=original)
    response = jsonify(error_body(code, message, errors))
    response.status_code = code
    response.headers.update(headers)
    return response


def handle_domain_error(error: DomainError):
    response = jsonify(error_body(error.http_status, error.message, error.errors,
                                  error.error_code))
    response.status_code = error.http_status
    response.headers.update(error.headers)
    return response


def handle_database_unavailable(error: Exception):
    """A database that is down, restarting or cut the connection mid-request: the
    transaction rolled back (nothing half-done is committed), and the client may retry."""
    log.warning("database unavailable: %s", error)
    from models import db

    try:
        db.session.rollback()
    except Exception:  # the connection is gone; the pool discards it
        log.debug("rollback after a lost connection failed", exc_info=True)
    response = jsonify(error_body(503, "The database is unavailable; try again shortly.",
                                  None, "database_unavailable"))
    response.status_code = 503
    response.headers["Retry-After"] = "2"
    return response


def register_error_handlers(app: Flask) -> None:
    import sqlalchemy as sa

    app.register_error_handler(HTTPException, handle_http_exception)
    app.register_error_handler(DomainError, handle_domain_error)
    # Only the errors that mean "no database right now", not every DBAPI error: an
    # IntegrityError or a ProgrammingError is a bug to see as a 500.
    app.register_error_handler(sa.exc.OperationalError, handle_database_unavailable)
    app.register_error_handler(sa.exc.InterfaceError, handle_database_unavailable)
