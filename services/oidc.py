"""OpenID Connect sign-in with Authlib: the authorization code flow with PKCE (S256), state
and nonce, against any issuer named in ``OAUTH_PROVIDERS`` (its discovery document gives
the endpoints and keys). Authlib makes the authorization URL, exchanges the code and
checks the ID token (signature from the issuer's JWKS, ``iss``, ``aud``, ``exp``,
``nonce``); this module keeps the flow's secrets server-side (``OAuthState``, single use)
and decides who the person is:

1. an identity already linked (provider, ``sub``) is its user;
2. else an account with the email the provider vouches for (``email_verified``) is
   linked, and its address counts as verified;
3. else a new customer account is made for that verified email (no password: it signs in
   through the provider, or sets one with a password reset).

An email the provider does not vouch for links nothing and makes nothing: taking over an
account by claiming its address at some issuer must not be possible.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

import sqlalchemy as sa
from authlib.integrations.flask_client import OAuth
from flask import Flask, current_app

from core.errors import DomainError, Forbidden, NotFound
from models import OAuthIdentity, OAuthState, User, db
from services import email_verification, guest_orders, users
from services.passwords import hash_password

DEFAULT_SCOPE = "openid email profile"


class UnknownProvider(NotFound):
    error_code = "unknown_oauth_provider"


class SignInFailed(DomainError):
    """The flow could not finish: a bad or spent state, the provider's refusal, an ID token
    that did not check out. Answered to the browser as ``error`` in the redirect."""

    http_status = 400
    error_code = "oauth_failed"


class EmailNotVerified(Forbidden):
    error_code = "email_not_verified"


class AccountInactive(Forbidden):
    error_code = "account_inactive"


@dataclass(frozen=True)
class Started:
    url: str
    state: str


def init_app(app: Flask) -> None:
    """One Authlib client per configured provider, discovered from its issuer."""
    registry = OAuth(app)
    for name, settings in app.config["OAUTH_PROVIDERS"].items():
        issuer = settings["issuer"].rstrip("/")
        registry.register(
            name, client_id=settings["client_id"], client_secret=settings["client_secret"],
            server_metadata_url=f"{issuer}/.well-known/openid-configuration",
            client_kwargs={"scope": settings.get("scope", DEFAULT_SCOPE),
                           "code_challenge_method": "S256", "timeout": 10})
    app.extensions["stockroom.oauth"] = registry


def _client(provider: str):
    if provider not in current_app.config["OAUTH_PROVIDERS"]:
        raise UnknownProvider(f"No OpenID provider named {provider!r}.")
    return current_app.extensions["stockroom.oauth"].create_client(provider)


def start(provider: str, redirect_uri: str, now: datetime) -> Started:
    """The provider's authorization URL for a new sign-in, its secrets stored."""
    client = _client(provider)
    try:
        created = client.create_authorization_url(redirect_uri=redirect_uri,
                                                  state=secrets.token_urlsafe(32))
    except Exception as error:  # discovery failed: the provider is away or misconfigured
        raise SignInFailed(f"The provider {provider!r} could not be reached.") from error
    db.session.add(OAuthState(
        state=created["state"], provider=provider, nonce=created["nonce"],
        code_verifier=created["code_verifier"], redirect_uri=redirect_uri, created_at=now,
        expires_at=now + timedelta(seconds=current_app.config["OAUTH_STATE_SECONDS"])))
    db.session.flush()
    return Started(url=created["url"], state=created["state"])


def _take_state(provider: str, state: str | None, bound_state: str | None,
                now: datetime) -> OAuthState:
    if not state or not bound_state or not secrets.compare_digest(state, bound_state):
        raise SignInFailed("This sign-in was not started in this browser.")
    row = db.session.get(OAuthState, state, with_for_update=True)
    if row is None or row.provider != provider or row.expires_at <= now:
        raise SignInFailed("This sign-in is unknown, already finished or expired.")
    db.session.delete(row)
    db.session.flush()
    return row


def _claims(client, row: OAuthState, code: str) -> dict:
    try:
        token = client.fetch_access_token(redirect_uri=row.redirect_uri, code=code,
                                          code_verifier=row.code_verifier)
        claims = dict(client.parse_id_token(token, nonce=row.nonce))
        if "email" not in claims:
            # Providers may keep the email out of the ID token (OpenID Connect 5.4): it
            # is asked of the userinfo endpoint, for the same subject.
            info = dict(client.userinfo(token=token))
            if info.get("sub") != claims.get("sub"):
                raise SignInFailed("The provider's userinfo is about someone else.")
            claims = {**info, **claims}
    except SignInFailed:
        raise
    except Exception as error:
        raise SignInFailed("The provider's answer did not check out.") from error
    if not claims.get("sub"):
        raise SignInFailed("The ID token names no subject.")
    return claims


def _user_for(provider: str, claims: dict, now: datetime) -> User:
    identity = db.session.scalar(sa.select(OAuthIdentity).where(
        OAuthIdentity.provider == provider, OAuthIdentity.subject == str(claims["sub"])))
    if identity is not None:
        return db.session.get(User, identity.user_id)
    email = claims.get("email")
    if not email or claims.get("email_verified") is not True:
        raise EmailNotVerified("The provider does not vouch for an email address: sign in "
                               "with a password, or verify the address there first.")
    user = users.find_user_by_email(email)
    if user is None:
        # No password anyone knows: the account signs in through the provider, or sets
        # one by a password reset.
        user = User(email=users.check_email(email),
                    password_hash=hash_password(secrets.token_urlsafe(32)),
                    full_name=str(claims.get("name") or email.split("@")[0])[:200],
                    email_verified_at=now)
        db.session.add(user)
        db.session.flush()
        email_verification.welcome(user, now)
    elif user.email_verified_at is None:
        user.email_verified_at = now
    db.session.add(OAuthIdentity(provider=provider, subject=str(claims["sub"]),
                                 user_id=user.id, email=users.normalize_email(email),
                                 created_at=now))
    guest_orders.attach_to(user)
    db.session.flush()
    return user


def finish(provider: str, *, state: str | None, bound_state: str | None, code: str | None,
           error: str | None, now: datetime) -> User:
    """The user a provider's callback signs in: the state checked and spent, the code
    exchanged, the ID token checked, the identity linked (or the account made)."""
    client = _client(provider)
    row = _take_state(provider, state, bound_state, now)
    if error or not code:
        raise SignInFailed(f"The provider refused the sign-in ({error or 'no code'}).")
    user = _user_for(provider, _claims(client, row, code), now)
    if not user.is_active:
        raise AccountInactive("This account is deactivated.")
    return user


def purge_expired_states(now: datetime) -> int:
    return db.session.execute(sa.delete(OAuthState).where(OAuthState.expires_at <= now)).rowcount
