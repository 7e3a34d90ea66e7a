"""OpenID Connect sign-in (``services/oidc.py``): the browser goes to ``authorize``, the
provider sends it back to ``callback``, and the callback sends it on to
``OAUTH_REDIRECT_URL`` with Stockroom's own tokens in the fragment (never in a query, so
they reach no server log), or with ``error`` and ``error_description`` there."""

from __future__ import annotations

from urllib.parse import urlencode

import marshmallow as ma
from flask import current_app, redirect, request, url_for
from flask.views import MethodView
from marshmallow import fields

from api.auth.resources import blp
from core.errors import DomainError
from models import db, utcnow
from services import auth, oidc

# The browser's half of the state: a callback another browser started is refused.
STATE_COOKIE = "stockroom_oauth_state"
COOKIE_PATH = "/api/v1/auth/oauth/"
REDIRECT = {"description": "Redirect", "headers": {"Location": {
    "description": "Where the browser goes next", "schema": {"type": "string"}}}}


class CallbackQuerySchema(ma.Schema):
    class Meta:
        unknown = ma.EXCLUDE

    code = fields.String(validate=ma.validate.Length(max=2048))
    state = fields.String(validate=ma.validate.Length(max=128))
    error = fields.String(validate=ma.validate.Length(max=256))
    error_description = fields.String(validate=ma.validate.Length(max=1024))
    iss = fields.String(validate=ma.validate.Length(max=512))


def _callback_url(provider: str) -> str:
    """The redirect URI registered at the provider: on API_PUBLIC_URL when set (behind a
    proxy the request's own scheme and host are the proxy's inside ones)."""
    public = current_app.config["API_PUBLIC_URL"]
    if public:
        return public + url_for("auth.OAuthCallback", provider=provider)
    return url_for("auth.OAuthCallback", provider=provider, _external=True)


def _redirect_to_frontend(values: dict):
    response = redirect(f"{current_app.config['OAUTH_REDIRECT_URL']}#{urlencode(values)}", 302)
    response.delete_cookie(STATE_COOKIE, path=COOKIE_PATH)
    return response


@blp.route("/oauth/<string:provider>/authorize")
class OAuthAuthorize(MethodView):
    @blp.response(302, description="To the provider's sign-in page", headers=REDIRECT["headers"])
    @blp.errors(oidc.UnknownProvider, oidc.SignInFailed)
    @blp.doc(operationId="startOAuthSignIn")
    def get(self, provider):
        """Sign in with an OpenID provider: redirects the browser to it"""
        started = oidc.start(provider, _callback_url(provider), utcnow())
        db.session.commit()
        response = redirect(started.url, 302)
        response.set_cookie(STATE_COOKIE, started.state,
                            max_age=current_app.config["OAUTH_STATE_SECONDS"], httponly=True,
                            secure=current_app.config["APP_ENV"] == "production",
                            samesite="Lax", path=COOKIE_PATH)
        return response


@blp.route("/oauth/<string:provider>/callback")
class OAuthCallback(MethodView):
    @blp.arguments(CallbackQuerySchema, location="query")
    @blp.response(302, description="To OAUTH_REDIRECT_URL, with access_token, "
                  "refresh_token, token_type and expires_in, or error and "
                  "error_description, in the fragment", headers=REDIRECT["headers"])
    @blp.errors(oidc.UnknownProvider)
    @blp.doc(operationId="finishOAuthSignIn")
    def get(self, args, provider):
        """Where the provider sends the browser back: signs in and redirects on"""
        now = utcnow()
        try:
            user = oidc.finish(provider, state=args.get("state"),
                               bound_state=request.cookies.get(STATE_COOKIE),
                               code=args.get("code"), error=args.get("error"), now=now)
            tokens = auth.sign_in(user, now, None)
            db.session.commit()
        except oidc.UnknownProvider:
            raise
        except DomainError as error:
            db.session.rollback()
            return _redirect_to_frontend({"error": error.error_code,
                                          "error_description": error.message})
        lifetime = current_app.config["JWT_ACCESS_TOKEN_EXPIRES"]
        return _redirect_to_frontend({
            "access_token": tokens.access_token, "refresh_token": tokens.refresh_token,
            "token_type": "Bearer", "expires_in": int(lifetime.total_seconds())})
