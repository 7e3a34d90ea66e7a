"""Configuration, read from the environment in this one module.

Every setting has the name the contract gives it. Nothing else in the code base reads
``os.environ``: the rest of the application asks ``current_app.config``.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable, Mapping
from datetime import timedelta
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_INSTANCE_DIR = PROJECT_ROOT / "instance"

# These dev values are public (they are in the repository), so production refuses them.
DEV_SECRET_KEY = "dev-secret-key-not-for-production"  # noqa: S105 (public by design)
DEV_JWT_SECRET_KEY = "dev-jwt-secret-key-not-for-production"  # noqa: S105 (public by design)

QUEUES = ("default", "payments", "emails", "webhooks")

MIB = 1024 * 1024


class ConfigError(RuntimeError):
    """The environment describes a configuration the application must not start with."""


def _bool(value: str | None, default: bool) -> bool:
    if value is None or value == "":
        return default
    lowered = value.strip().lower()
    if lowered in {"1", "true", "yes", "on"}:
        return True
    if lowered in {"0", "false", "no", "off"}:
        return False
    raise ConfigError(f"expected a boolean, got {value!r}")


def _int(value: str | None, default: int, name: str) -> int:
    if value is None or value == "":
        return default
    try:
        return int(value)
    except ValueError as exc:
        raise ConfigError(f"{name} must be an integer, got {value!r}") from exc


def _currency(value: str | None, default: str, name: str) -> str:
    if value is None or value == "":
        return default
    if not re.fullmatch(r"[A-Za-z]{3}", value):
        raise ConfigError(f"{name} must be an ISO 4217 code such as usd, got {value!r}")
    return value.lower()


def _number(value: str | None, default: float, name: str, what: str,
            within: Callable[[float], bool]) -> float:
    if value is None or value == "":
        return default
    try:
        number = float(value)
    except ValueError as exc:
        raise ConfigError(f"{name} must be {what}, got {value!r}") from exc
    if not within(number):
        raise ConfigError(f"{name} must be {what}, got {value!r}")
    return number


def _fraction(value: str | None, default: float, name: str) -> float:
    return _number(value, default, name, "a number from 0 to 1", lambda n: 0 <= n <= 1)


def _fraction_seconds(value: str | None, default: float, name: str) -> float:
    return _number(value, default, name, "more than 0 and at most 10 seconds",
                   lambda n: 0 < n <= 10)


def _list(value: str | None) -> list[str]:
    return [item.strip() for item in (value or "").split(",") if item.strip()]


def filesystem_broker_options(instance_dir: Path) -> dict:
    """Transport options for kombu's server-less ``filesystem://`` broker under ``instance/``.

    Producers write to ``data_folder_out`` and consumers read ``data_folder_in``; on one
    machine both are the same folder. ``control_folder`` gives it the broadcast exchange
    that ``celery inspect``, remote control and Flower need.
    """
    root = instance_dir / "broker"
    queue = root / "queue"
    for folder in (queue, root / "processed", root / "control"):
        folder.mkdir(parents=True, exist_ok=True)
    return {
        "data_folder_in": str(queue),
        "data_folder_out": str(queue),
        "processed_folder": str(root / "processed"),
        "store_processed": False,
        "control_folder": str(root / "control"),
    }


def load_config(environ: Mapping[str, str] | None = None) -> dict:
    """Build the Flask configuration from an environment mapping (``os.environ`` by default)."""
    env = os.environ if environ is None else environ
    app_env = env.get("APP_ENV", "development")
    instance_dir = Path(env.get("INSTANCE_PATH") or DEFAULT_INSTANCE_DIR)
    database_url = env.get("DATABASE_URL") or f"sqlite:///{instance_dir / 'stockroom.db'}"
    broker_url = env.get("CELERY_BROKER_URL") or "filesystem://"
    default_cors = "*" if app_env == "development" else ""

    config = {
        "APP_ENV": app_env,
        # One JSON object per log line in production; plain text on a developer's machine.
        # Errors (unhandled exceptions in requests and tasks) go to Sentry when this is set.
        "SENTRY_DSN": env.get("SENTRY_DSN") or None,
        # The share of requests and tasks traced for Sentry's performance view (0: none).
        "SENTRY_TRACES_SAMPLE_RATE": _fraction(env.get("SENTRY_TRACES_SAMPLE_RATE"), 0.0,
                                               "SENTRY_TRACES_SAMPLE_RATE"),
        "LOG_FORMAT": env.get("LOG_FORMAT") or ("json" if app_env == "production" else "text"),
        "INSTANCE_PATH": str(instance_dir),
        "SECRET_KEY": env.get("SECRET_KEY") or DEV_SECRET_KEY,
        "JWT_SECRET_KEY": env.get("JWT_SECRET_KEY") or DEV_JWT_SECRET_KEY,
        "SQLALCHEMY_DATABASE_URI": database_url,
        "CELERY_BROKER_URL": broker_url,
        "REDIS_URL": env.get("REDIS_URL") or None,
        # How long an anonymous catalog answer may stay in the Redis cache (0: not cached).
        # Changes drop it at once; this bounds staleness only when Redis missed a change.
        "CATALOG_CACHE_SECONDS": _int(env.get("CATALOG_CACHE_SECONDS"), 60,
                                      "CATALOG_CACHE_SECONDS"),
        # How long each process serves its own copy of a current catalog answer before it
        # asks Redis again (0: every read asks): another process's change shows within it.
        "CATALOG_LOCAL_CACHE_SECONDS": _int(env.get("CATALOG_LOCAL_CACHE_SECONDS"), 1,
                                            "CATALOG_LOCAL_CACHE_SECONDS"),
        "PAYMENT_PROVIDER": env.get("PAYMENT_PROVIDER", "fake"),
        "STRIPE_SECRET_KEY": env.get("STRIPE_SECRET_KEY") or None,
        "STRIPE_WEBHOOK_SECRET": env.get("STRIPE_WEBHOOK_SECRET") or None,
        "STRIPE_API_BASE": env.get("STRIPE_API_BASE") or None,
        "EMAIL_BACKEND": env.get("EMAIL_BACKEND", "console"),
        "SENDGRID_API_KEY": env.get("SENDGRID_API_KEY") or None,
        "SENDGRID_API_HOST": env.get("SENDGRID_API_HOST") or "https://api.sendgrid.com",
        "SMTP_HOST": env.get("SMTP_HOST", "localhost"),
        "SMTP_PORT": _int(env.get("SMTP_PORT"), 587, "SMTP_PORT"),
        "SMTP_USERNAME": env.get("SMTP_USERNAME") or None,
        "SMTP_PASSWORD": env.get("SMTP_PASSWORD") or None,
        "SMTP_USE_TLS": _bool(env.get("SMTP_USE_TLS"), True),
        "EMAIL_FROM": env.get("EMAIL_FROM") or "Stockroom <no-reply@stockroom.example>",
        "ADMIN_ALERT_EMAILS": _list(env.get("ADMIN_ALERT_EMAILS")),
        "SUPABASE_FUNCTIONS_URL": env.get("SUPABASE_FUNCTIONS_URL") or None,
        "SUPABASE_SERVICE_ROLE_KEY": env.get("SUPABASE_SERVICE_ROLE_KEY") or None,
        "SUPABASE_WEBHOOK_SECRET": env.get("SUPABASE_WEBHOOK_SECRET") or None,
        "RESERVATION_TTL_SECONDS": _int(
            env.get("RESERVATION_TTL_SECONDS"), 900, "RESERVATION_TTL_SECONDS"
        ),
        "STORE_TIMEZONE": env.get("STORE_TIMEZONE", "UTC"),
        # How long after delivery a customer may ask to return what they bought.
        "RETURN_WINDOW_DAYS": _int(env.get("RETURN_WINDOW_DAYS"), 30, "RETURN_WINDOW_DAYS"),
        # The currency of the flat shipping rate and, by default, of analytics.
        "STORE_CURRENCY": _currency(env.get("STORE_CURRENCY"), "usd", "STORE_CURRENCY"),
        # Checkout's shipping and tax rules (in cents and basis points).
        "SHIPPING_FLAT_CENTS": _int(env.get("SHIPPING_FLAT_CENTS"), 500, "SHIPPING_FLAT_CENTS"),
        "FREE_SHIPPING_OVER_CENTS": _int(env.get("FREE_SHIPPING_OVER_CENTS"), 5000,
                                         "FREE_SHIPPING_OVER_CENTS"),
        "TAX_RATE_BPS": _int(env.get("TAX_RATE_BPS"), 0, "TAX_RATE_BPS"),
        # Who computes tax: table (the rates above) or stripe (Stripe Tax), and how long a
        # Stripe Tax calculation made before checkout's locks is kept for them.
        "TAX_PROVIDER": env.get("TAX_PROVIDER", "table"),
        "TAX_CALCULATION_SECONDS": _int(env.get("TAX_CALCULATION_SECONDS"), 600,
                                        "TAX_CALCULATION_SECONDS"),
        # Live carrier rates: table (none) or easypost; where parcels leave from.
        "SHIPPING_RATES_PROVIDER": env.get("SHIPPING_RATES_PROVIDER", "table"),
        "EASYPOST_API_KEY": env.get("EASYPOST_API_KEY") or None,
        "EASYPOST_API_BASE": env.get("EASYPOST_API_BASE") or None,
        "SHIP_FROM_COUNTRY": env.get("SHIP_FROM_COUNTRY", "US"),
        "SHIP_FROM_POSTAL_CODE": env.get("SHIP_FROM_POSTAL_CODE", ""),
        "CARRIER_TIMEOUT_SECONDS": _int(env.get("CARRIER_TIMEOUT_SECONDS"), 5,
                                        "CARRIER_TIMEOUT_SECONDS"),
        "CARRIER_QUOTE_SECONDS": _int(env.get("CARRIER_QUOTE_SECONDS"), 300,
                                      "CARRIER_QUOTE_SECONDS"),
        # Catalog prices include tax (checkout then takes the tax out of them, adds none).
        "PRICES_INCLUDE_TAX": _bool(env.get("PRICES_INCLUDE_TAX"), False),
        # Where Stripe's hosted Checkout may send a customer back (scheme://host[:port]).
        "CHECKOUT_REDIRECT_ORIGINS": _list(env.get("CHECKOUT_REDIRECT_ORIGINS")),
        "CORS_ORIGINS": _list(env.get("CORS_ORIGINS", default_cors)),
        "RATELIMIT_ENABLED": _bool(env.get("RATELIMIT_ENABLED"), True),
        "MAX_JSON_BYTES": _int(env.get("MAX_JSON_BYTES"), 1 * MIB, "MAX_JSON_BYTES"),
        "MAX_UPLOAD_BYTES": _int(env.get("MAX_UPLOAD_BYTES"), 5 * MIB, "MAX_UPLOAD_BYTES"),
        # Where emails link to (the storefront); in development, by default, the API's own
        # address, where core/frontend_pages.py stands in for the pages.
        "FRONTEND_URL": env.get("FRONTEND_URL", "http://127.0.0.1:5000"),
        # Uploaded images: a local folder served by the app (see services/storage.py).
        "MEDIA_ROOT": env.get("MEDIA_ROOT") or str(instance_dir / "media"),
        "MEDIA_URL": "/media",
        # Access tokens are short-lived by contract; refresh tokens rotate on every use.
        "JWT_ACCESS_TOKEN_EXPIRES": timedelta(minutes=15),
        "JWT_REFRESH_TOKEN_EXPIRES": timedelta(days=30),
        "PASSWORD_RESET_TTL": timedelta(hours=1),
        "EMAIL_VERIFICATION_TTL": timedelta(hours=24),
        # Unverified accounts may not check out (403 email_not_verified) when true.
        "REQUIRE_VERIFIED_EMAIL_FOR_CHECKOUT": _bool(
            env.get("REQUIRE_VERIFIED_EMAIL_FOR_CHECKOUT"), False),
        # The per-account login throttle of the contract: 10 failures in 15 minutes.
        "LOGIN_FAILURE_LIMIT": 10,
        "LOGIN_FAILURE_WINDOW": timedelta(minutes=15),
        # argon2id parameters (RFC 9106 "low memory" profile); tests lower them for speed.
        "ARGON2_TIME_COST": 3,
        "ARGON2_MEMORY_KIB": 64 * 1024,
        "ARGON2_PARALLELISM": 4,
        # How long the outbox relay leaves a fresh event to its after-commit dispatch.
        "OUTBOX_RELAY_GRACE_SECONDS": 10,
        "OUTBOX_RELAY_BATCH": 200,
        # How long a worker holds a webhook delivery it is sending: longer than an attempt
        # can take (5 s connect + 15 s read). A worker that dies lets it go after this.
        "WEBHOOK_LEASE_SECONDS": _int(env.get("WEBHOOK_LEASE_SECONDS"), 60,
                                      "WEBHOOK_LEASE_SECONDS"),
        # Publishing to a broker that is away must fail fast: the request has committed.
        "BROKER_PUBLISH_TIMEOUT_SECONDS": 2,
        "READINESS_TIMEOUT_SECONDS": 2,
        # A prefix for every broker key (Redis only), so that several deployments or test
        # runs can share one Redis without consuming each other's messages.
        "CELERY_BROKER_KEY_PREFIX": env.get("CELERY_BROKER_KEY_PREFIX") or None,
        # Fault injection for crash tests (core.faults): steps at which this process kills
        # itself. Never set outside tests; production refuses to start with it.
        "STOCKROOM_FAULTS": env.get("STOCKROOM_FAULTS") or None,
        # How long an email claimed by a worker is its to send; a worker that died lets it
        # go after this, and the sweep sends it.
        "EMAIL_CLAIM_LEASE_SECONDS": _int(env.get("EMAIL_CLAIM_LEASE_SECONDS"), 120,
                                          "EMAIL_CLAIM_LEASE_SECONDS"),
        # Real time: how long a client that reconnects can get what it missed (``since``),
        # and how often a real-time process reads the stream kept in the database (when
        # no REDIS_URL is set; with Redis it waits on the stream instead).
        "REALTIME_REPLAY_SECONDS": _int(env.get("REALTIME_REPLAY_SECONDS"), 600,
                                        "REALTIME_REPLAY_SECONDS"),
        "REALTIME_POLL_SECONDS": _fraction_seconds(env.get("REALTIME_POLL_SECONDS"), 0.05,
                                                   "REALTIME_POLL_SECONDS"),
        # How long an outbox event's consumer has to finish before the sweep runs it again.
        "OUTBOX_REDO_AFTER_SECONDS": _int(env.get("OUTBOX_REDO_AFTER_SECONDS"), 15,
                                          "OUTBOX_REDO_AFTER_SECONDS"),
        # OpenID Connect sign-in: name -> {"issuer", "client_id", "client_secret"
        # [, "scope"]}; where the callback sends the browser with the tokens (fragment).
        "OAUTH_PROVIDERS": _oauth_providers(env.get("OAUTH_PROVIDERS")),
        "OAUTH_REDIRECT_URL": env.get("OAUTH_REDIRECT_URL")
        or env.get("FRONTEND_URL", "http://127.0.0.1:5000").rstrip("/") + "/signed-in",
        # The API's public address (https://api.example.com) where a proxy in front makes
        # the request's own differ: the OpenID callback URL is built on it.
        "API_PUBLIC_URL": (env.get("API_PUBLIC_URL") or "").rstrip("/") or None,
        "OAUTH_STATE_SECONDS": _int(env.get("OAUTH_STATE_SECONDS"), 600,
                                    "OAUTH_STATE_SECONDS"),
    }
    config["MAX_CONTENT_LENGTH"] = max(config["MAX_JSON_BYTES"], config["MAX_UPLOAD_BYTES"])
    config["SQLALCHEMY_ENGINE_OPTIONS"] = engine_options(database_url)
    return config


def _oauth_providers(value: str | None) -> dict[str, dict]:
    """``OAUTH_PROVIDERS`` as JSON, checked: a mistake is a refusal to start, not a 500 at
    the first sign-in."""
    if not value:
        return {}
    try:
        providers = json.loads(value)
    except ValueError as error:
        raise ValueError(f"OAUTH_PROVIDERS is not JSON: {error}") from error
    if not isinstance(providers, dict):
        raise ValueError("OAUTH_PROVIDERS must be a JSON object: name -> settings")
    for name, settings in providers.items():
        missing = {"issuer", "client_id", "client_secret"} - set(settings or {})
        if not re.fullmatch(r"[a-z0-9][a-z0-9_-]{0,63}", name) or missing:
            raise ValueError(f"OAUTH_PROVIDERS[{name!r}]: a lower-case name and issuer, "
                             f"client_id, client_secret (missing: {sorted(missing)})")
    return providers


def engine_options(database_url: str) -> dict:
    if database_url.startswith("sqlite"):
        # A busy timeout lets the API, the worker and beat share one SQLite file.
        return {"connect_args": {"timeout": 15, "check_same_thread": False}}
    # Pooled connections are tested only after idling (core.database.ping_when_idle), not
    # on every checkout (pool_pre_ping).
    return {"pool_size": 10, "max_overflow": 10, "pool_timeout": 5}


def validate_config(config: Mapping) -> None:
    """Refuse to run production with a public secret or on the embedded database."""
    if config["APP_ENV"] != "production":
        return
    problems = []
    if config["SECRET_KEY"] == DEV_SECRET_KEY or len(config["SECRET_KEY"]) < 32:
        problems.append("SECRET_KEY must be set to a random value of 32 characters or more")
    if config["JWT_SECRET_KEY"] == DEV_JWT_SECRET_KEY or len(config["JWT_SECRET_KEY"]) < 32:
        problems.append("JWT_SECRET_KEY must be set to a random value of 32 characters or more")
    if config["SQLALCHEMY_DATABASE_URI"].startswith("sqlite"):
        problems.append("DATABASE_URL must point at PostgreSQL, not SQLite")
    if config["CELERY_BROKER_URL"].startswith("filesystem"):
        problems.append("CELERY_BROKER_URL must point at a broker server (redis://...)")
    if config["PAYMENT_PROVIDER"] == "stripe" and not (config["STRIPE_SECRET_KEY"]
                                                       and config["STRIPE_WEBHOOK_SECRET"]):
        problems.append("PAYMENT_PROVIDER=stripe needs STRIPE_SECRET_KEY and "
                        "STRIPE_WEBHOOK_SECRET")
    if config["STOCKROOM_FAULTS"]:
        problems.append("STOCKROOM_FAULTS is for crash tests only")
    if problems:
        raise ConfigError("refusing to start in production: " + "; ".join(problems))
