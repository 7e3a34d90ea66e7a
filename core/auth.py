"""Who is calling: the JWT callbacks and the ``auth_required`` decorator of our blueprints.

Every token problem (missing, malformed, tampered, expired, revoked, the wrong type, a
deactivated user) is a 401 in the contract's error shape.
"""

from __future__ import annotations

import json
from functools import wraps

import flask_smorest
import sqlalchemy as sa
from flask import current_app, request
from flask_jwt_extended import JWTManager, current_user, verify_jwt_in_request
from webargs import missing
from webargs.flaskparser import FlaskParser, is_json_request
from werkzeug.datastructures import CombinedMultiDict

from core import audit
from core.errors import DomainError, Forbidden, error_body
from core.openapi import HEADER_PARAMETERS, error_response
from models import User, db
from services import auth as auth_service
from services.token_blocklist import revoked_clause

BEARER = [{"bearerAuth": []}]
# Anonymous, or signed in: Swagger UI's Authorize then sends the token, which changes the
# answer (a customer's own cart; an admin sees drafts).
OPTIONAL_BEARER = [{}, {"bearerAuth": []}]
CART_TOKEN_HEADER = "X-Cart-Token"  # noqa: S105 (a header name, not a secret)
CART_TOKEN_PARAMETER = {
    "in": "header", "name": CART_TOKEN_HEADER, "required": False,
    "schema": {"type": "string"},
    "description": "A guest's cart token, as answered in the X-Cart-Token header; "
                   "an unknown one starts a new cart",
}


def _unauthorized(message: str):
    from flask import jsonify

    response = jsonify(error_body(401, message))
    response.status_code = 401
    response.headers["WWW-Authenticate"] = "Bearer"
    return response


def token_blocklist():
    return current_app.extensions["stockroom.blocklist"]


def user_of(claims: dict) -> User | None:
    """The active user an access (or refresh) token's claims belong to, or None: the
    token was revoked, the user is gone or inactive, or their tokens were cut off. The
    REST API's check (``flask_jwt_extended``'s user lookup) and the real-time server's."""
    try:
        user_id = int(claims["sub"])
    except (TypeError, ValueError, KeyError):
        return None
    # Refresh tokens are checked against their row by the refresh endpoint itself,
    # which must see a reused token to revoke its family. An access token's revocation
    # is read in the query that loads its user: the truth, at no round trip of its own.
    revoked = (sa.false() if claims.get("type") == "refresh"
               else revoked_clause(claims["jti"], claims.get("fam")))
    row = db.session.execute(sa.select(User, revoked).where(User.id == user_id)).first()
    if row is None or row[1]:
        return None
    user = row[0]
    if not user.is_active or auth_service.tokens_dead(user, claims):
        return None
    return user


def cached_revoked(claims: dict) -> bool:
    """What the blocklist's cache knows is revoked, refused before any query."""
    if claims.get("type") == "refresh":
        return False
    return token_blocklist().cached_revoked(claims["jti"], claims.get("fam"))


def register_jwt_callbacks(jwt: JWTManager) -> None:
    jwt.user_lookup_loader(lambda _header, claims: user_of(claims))
    jwt.token_in_blocklist_loader(lambda _header, claims: cached_revoked(claims))

    jwt.unauthorized_loader(lambda reason: _unauthorized("Missing or malformed bearer token."))
    jwt.invalid_token_loader(lambda reason: _unauthorized("Invalid token."))
    jwt.expired_token_loader(lambda _h, _c: _unauthorized("Token has expired."))
    jwt.revoked_token_loader(lambda _h, _c: _unauthorized("Token has been revoked."))
    jwt.user_lookup_error_loader(lambda _h, _c: _unauthorized("Account not found or inactive."))
    jwt.needs_fresh_token_loader(lambda _h, _c: _unauthorized("Fresh token required."))


class MultipartParser(FlaskParser):
    """webargs' parser, where the ``files`` location also carries the form fields sent with
    the files, so that one schema describes (and OpenAPI documents) a multipart body.
    Unknown parts are refused by the schema (422), as in a JSON body: webargs would
    otherwise drop them silently for this location."""

    DEFAULT_UNKNOWN_BY_LOCATION = {**FlaskParser.DEFAULT_UNKNOWN_BY_LOCATION, "files": None}

    def load_files(self, req, schema):
        return self._makeproxy(CombinedMultiDict([req.files, req.form]), schema)

    def _raw_load_json(self, req):
        """The body through the app's bounded JSON provider (depth, lone surrogates), not
        webargs' own ``json.loads``, which a deeply nested body drives into a
        RecursionError (a 500). What the provider refuses is webargs' invalid JSON: 400."""
        if not is_json_request(req):
            return missing
        data = req.get_data(cache=True)
        try:
            return current_app.json.loads(data)
        except ValueError as error:
            raise json.JSONDecodeError(str(error), data.decode("utf-8", "replace"), 0) \
                from error


class Blueprint(flask_smorest.Blueprint):
    """flask-smorest's Blueprint with an ``auth_required`` decorator that documents itself,
    and the contract's pagination (``page_size`` 20 by default, at most 100)."""

    DEFAULT_PAGINATION_PARAMETERS = {"page": 1, "page_size": 20, "max_page_size": 100}
    ARGUMENTS_PARSER = MultipartParser()

    def auth_required(self, *roles: str, refresh: bool = False):
        """Require a valid token (a refresh token if ``refresh``) and, if given, one of ``roles``.

        A caller without the role is 403: they are known, just not allowed.
        """

        def decorator(view):
            @wraps(view)
            def wrapper(*args, **kwargs):
                verify_jwt_in_request(refresh=refresh)
                if roles and current_user.role not in roles:
                    raise Forbidden("You are not allowed to do this.")
                audit.set_actor(current_user.id, current_user.role)
                return view(*args, **kwargs)

            wrapper = self.doc(security=BEARER)(wrapper)
            if roles:
                wrapper = self.alt_response(
                    403, response="FORBIDDEN",
                    description=f"Only for: {', '.join(roles)}")(wrapper)
            return wrapper

        return decorator

    def header_parameters(self, *parameters: dict):
        """Document request headers the view reads (beside its body or query arguments)."""
        return self.doc(**{HEADER_PARAMETERS: list(parameters)})

    def errors(self, *exceptions: type[DomainError], description: str | None = None):
        """Document the domain refusals a view can answer, one response per status with
        their ``error_code`` values as an enum (``api.openapi``)."""
        by_status: dict[int, list] = {}
        for exception in exceptions:
            by_status.setdefault(exception.http_status, []).append(exception)

        def decorator(view):
            for status, group in by_status.items():
                response = error_response(group, description)
                view = self.alt_response(status, schema=response["schema"],
                                         description=response["description"])(view)
            return view

        return decorator


def guest_cart_token() -> str | None:
    token = request.headers.get(CART_TOKEN_HEADER, "").strip()
    return token if 0 < len(token) <= 64 else None


def optional_user() -> User | None:
    """The signed-in user on a public endpoint, or None; a bad token is still a 401."""
    verify_jwt_in_request(optional=True)
    return current_user if current_user else None
