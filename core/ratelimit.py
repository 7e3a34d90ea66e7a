"""Per-client and per-account request limits (flask-limiter), on the endpoints that invite
abuse: login, register, password reset, refresh, checkout and new guest carts.

Counters live in Redis when ``REDIS_URL`` is set (shared by every gunicorn worker), in
memory otherwise. ``RATELIMIT_ENABLED=false`` switches these limits off (load tests,
acceptance runs); the per-account login throttle of ``services/auth.py`` stays on. A limit
that is hit answers 429 with ``Retry-After``. Stripe's webhook has no limit: Stripe retries
on its own schedule, and refusing it would only delay payments.
"""

from __future__ import annotations

import time

from flask import current_app, request
from flask_jwt_extended import get_jwt_identity, verify_jwt_in_request
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from limits import parse_many

from core.errors import TooManyRequests

limiter = Limiter(key_func=get_remote_address, strategy="moving-window",
                  headers_enabled=True)

# Per client (address): generous for a household behind one NAT, tight for a script.
LOGIN_PER_CLIENT = "20 per minute; 200 per hour"
REGISTER_PER_CLIENT = "10 per minute; 100 per hour"
RESET_PER_CLIENT = "5 per minute; 50 per hour"
CHECKOUT_PER_CLIENT = "60 per minute"
# New guest carts (a guest's first change stores one): a storefront makes one per visitor;
# a script that stores a cart per request is stopped before it fills the table.
GUEST_CARTS_PER_CLIENT = "30 per minute; 300 per hour"
# A storefront refreshes once per 15-minute access token; a loop that spends stolen or
# replayed refresh tokens is slowed down.
REFRESH_PER_CLIENT = "30 per minute; 300 per hour"
# Each request mails a link: a mailbox is not to be flooded from its own account.
VERIFICATION_PER_ACCOUNT = "3 per minute; 10 per hour"
# Per account: one mailbox or one customer, from however many addresses.
LOGIN_PER_ACCOUNT = "30 per hour"
RESET_PER_ACCOUNT = "5 per hour"
CHECKOUT_PER_ACCOUNT = "20 per minute"


def init_app(app) -> None:
    config = app.config
    config.setdefault("RATELIMIT_STORAGE_URI", config["REDIS_URL"] or "memory://")
    prefix = "stockroom-ratelimit" + (config["CELERY_BROKER_KEY_PREFIX"] or "")
    config.setdefault("RATELIMIT_KEY_PREFIX", prefix)
    if config["RATELIMIT_STORAGE_URI"].startswith(("redis", "rediss")):
        # The storage's own prefix too: its reset clears every key under it, and must not
        # reach another deployment's (or test run's) limits on a shared Redis.
        config.setdefault("RATELIMIT_STORAGE_OPTIONS", {"key_prefix": prefix})
    # A limiter whose Redis is away lets requests through rather than failing them.
    config.setdefault("RATELIMIT_SWALLOW_ERRORS", True)
    # flask-limiter's own switch lives on its one, shared instance, and a disabled init
    # installs nothing; each app's setting is kept as STOCKROOM_RATELIMITS and honoured per
    # request instead (``_switched_off``), and the limiter itself is always installed.
    config["STOCKROOM_RATELIMITS"] = config["RATELIMIT_ENABLED"]
    config["RATELIMIT_ENABLED"] = True
    # Registered before the limiter's own hook, so it runs after it (Flask runs them last
    # first): flask-limiter puts Retry-After on every answer of a limited endpoint, where
    # it means "wait" only on a refusal.
    app.after_request(_retry_after_only_on_refusals)
    limiter.init_app(app)
    # Every limit here is a decorator on its view, and a decorated view checks its own
    # limits. The limiter's check before every request looks for default, application and
    # blueprint limits, which this project does not use; on a cached catalog read it cost
    # about a sixth of the request, so it is taken out.
    manager = limiter.limit_manager
    if manager.default_limits or manager.application_limits:
        raise RuntimeError("default or application limits need the limiter's global check")
    app.before_request_funcs[None].remove(limiter._check_request_limit)


def _retry_after_only_on_refusals(response):
    if response.status_code not in (429, 503):
        response.headers.pop("Retry-After", None)
    return response


def _switched_off() -> bool:
    return not current_app.config["STOCKROOM_RATELIMITS"]


def account_email() -> str:
    """The account a login or reset names (its email, lower-cased), else the client."""
    body = request.get_json(silent=True)
    email = body.get("email") if isinstance(body, dict) else None
    if isinstance(email, str) and 0 < len(email) <= 254:
        return "account:" + email.strip().lower()
    return "client:" + get_remote_address()


def account_user() -> str:
    """The signed-in customer (from a valid token), else the client."""
    try:
        verify_jwt_in_request(optional=True)
        identity = get_jwt_identity()
    except Exception:  # a bad token is the view's to refuse (401), not the limiter's
        identity = None
    return f"user:{identity}" if identity else "client:" + get_remote_address()


def _limit(value: str, **kwargs):
    return limiter.limit(value, exempt_when=_switched_off, **kwargs)


def take_guest_cart() -> None:
    """Count one new guest cart against the client's allowance, or refuse with 429.

    Called only when a cart is about to be stored, so changes to an existing cart never
    count; a limiter storage that is away lets the cart through, as the decorators do.
    """
    if _switched_off():
        return
    client = get_remote_address()
    for item in parse_many(GUEST_CARTS_PER_CLIENT):
        try:
            allowed = limiter.limiter.hit(item, "guest-cart", client)
            reset_at = None if allowed else \
                limiter.limiter.get_window_stats(item, "guest-cart", client).reset_time
        except Exception:
            return
        if not allowed:
            raise TooManyRequests("Too many new carts from this client; try again later.",
                                  retry_after=int(reset_at - time.time()) + 1)


def login_limits() -> list:
    return [_limit(LOGIN_PER_CLIENT),
            _limit(LOGIN_PER_ACCOUNT, key_func=account_email, scope="login-account")]


def register_limits() -> list:
    return [_limit(REGISTER_PER_CLIENT)]


def reset_limits() -> list:
    return [_limit(RESET_PER_CLIENT),
            _limit(RESET_PER_ACCOUNT, key_func=account_email, scope="reset-account")]


def verification_limits() -> list:
    return [_limit(VERIFICATION_PER_ACCOUNT, key_func=account_user, scope="verify-account")]


def refresh_limits() -> list:
    return [_limit(REFRESH_PER_CLIENT)]


def checkout_limits() -> list:
    return [_limit(CHECKOUT_PER_CLIENT),
            _limit(CHECKOUT_PER_ACCOUNT, key_func=account_user, scope="checkout-account")]
