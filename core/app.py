"""The application factory."""

from __future__ import annotations

import logging
import re
import sqlite3
import time
import uuid
from collections.abc import Mapping
from pathlib import Path

from flask import Flask, g, request
from flask.sessions import SessionInterface
from sqlalchemy import event
from sqlalchemy.engine import Engine
from werkzeug.exceptions import BadRequest

import api
from core import (
    auth,
    cli,
    database,
    extensions,
    faults,
    frontend_pages,
    logs,
    metrics,
    openapi,
    ratelimit,
)
from core.celery import celery_init_app
from core.config import PROJECT_ROOT, load_config, validate_config
from core.error_reporting import init_error_reporting
from core.errors import register_error_handlers
from core.redis_client import make_redis
from core.routing import register_converters
from models.base import include_in_migrations
from services import carrier_rates, oidc, outbox, tax_providers, transactions
from services.catalog_cache import make_catalog_cache
from services.email_backends import make_email_backend
from services.payment_providers import make_payment_provider
from services.storage import LocalStorage
from services.token_blocklist import make_blocklist

log = logging.getLogger(__name__)

REQUEST_ID_HEADER = "X-Request-ID"
REQUEST_ID_PATTERN = re.compile(r"[A-Za-z0-9._:-]{1,64}")
SECURITY_HEADERS = (("X-Content-Type-Options", "nosniff"), ("X-Frame-Options", "DENY"),
                    ("Referrer-Policy", "no-referrer"),
                    ("Cross-Origin-Opener-Policy", "same-origin"))
# An API answer is never a page: nothing in it may load or run anything.
JSON_SECURITY_HEADERS = (*SECURITY_HEADERS, ("Content-Security-Policy",
                                             "default-src 'none'; frame-ancestors 'none'"))


class NoCookieSessions(SessionInterface):
    """The API authenticates with bearer tokens and keeps nothing in cookies: no request
    opens, verifies or sets a signed session cookie (Flask's default does, on every one)."""

    def open_session(self, app, request):
        return None  # Flask then uses a null session, which refuses to be written.

    def save_session(self, app, session, response) -> None:
        pass


def create_app(overrides: Mapping | None = None, environ: Mapping | None = None) -> Flask:
    """Build the app from the environment (``environ``, default the process's), then
    ``overrides`` (tests)."""
    app = Flask("stockroom", root_path=str(PROJECT_ROOT), instance_relative_config=False)
    app.json = extensions.BoundedJSONProvider(app)
    app.session_interface = NoCookieSessions()
    app.config.update(load_config(environ))
    app.config.update(api_spec_config())
    if overrides:
        app.config.update(overrides)
    validate_config(app.config)
    logs.configure(app.config["LOG_FORMAT"])
    logs.install_celery_signals(app.config["LOG_FORMAT"])
    init_error_reporting(app.config)

    register_extensions(app)
    register_docs_assets(app)
    register_request_hooks(app)
    register_error_handlers(app)
    cli.register_commands(app)
    return app


def api_spec_config() -> dict:
    return {
        "API_TITLE": "Stockroom",
        "API_VERSION": "v1",
        "OPENAPI_VERSION": "3.0.3",
        "OPENAPI_URL_PREFIX": "/api",
        "OPENAPI_JSON_PATH": "openapi.json",
        "OPENAPI_SWAGGER_UI_PATH": "/docs",
        "OPENAPI_SWAGGER_UI_URL": "/api/docs/static/",
        "API_SPEC_OPTIONS": {
            "components": {
                "securitySchemes": {
                    "bearerAuth": {"type": "http", "scheme": "bearer", "bearerFormat": "JWT"}
                }
            },
        },
    }


def register_extensions(app: Flask) -> None:
    extensions.db.init_app(app)
    extensions.migrate.init_app(app, extensions.db, directory=str(PROJECT_ROOT / "migrations"),
                                render_as_batch=True, compare_type=True,
                                include_object=include_in_migrations)
    extensions.jwt.init_app(app)
    auth.register_jwt_callbacks(extensions.jwt)
    ratelimit.init_app(app)
    rest_api = extensions.Api(app, spec_kwargs={
        "marshmallow_plugin": openapi.Plugin(), "extra_plugins": [openapi.Conventions()]})
    app.extensions["stockroom.api"] = rest_api
    register_converters(app, rest_api)
    api.register_blueprints(rest_api, app.config)
    frontend_pages.install(app)
    oidc.init_app(app)
    extensions.cors.init_app(app, resources={r"/api/*": {"origins": app.config["CORS_ORIGINS"]}},
                             expose_headers=["X-Pagination", "X-Cart-Token", REQUEST_ID_HEADER,
                                             "Idempotent-Replayed", "ETag"])

    from tasks.outbox import TRACKED, publish_event, republish_unfinished

    marking_engine = outbox.marking_engine(app.config["SQLALCHEMY_DATABASE_URI"],
                                           app.config["SQLALCHEMY_ENGINE_OPTIONS"])
    with app.app_context():
        for engine in (extensions.db.engine, marking_engine):
            database.ping_when_idle(engine)
    app.extensions["stockroom.outbox"] = outbox.Outbox(
        publish=publish_event, bind=marking_engine, tracked=TRACKED,
        redo=republish_unfinished)
    app.extensions["stockroom.email_backend"] = make_email_backend(app.config)
    app.extensions["stockroom.payments"] = make_payment_provider(app.config)
    app.extensions["stockroom.carrier_rates"] = carrier_rates.make_rates_provider(app.config)
    app.extensions["stockroom.carrier_quotes"] = carrier_rates.QuoteCache()
    app.extensions["stockroom.tax"] = tax_providers.make_tax_provider(app.config)
    redis_client = make_redis(app.config["REDIS_URL"])
    app.extensions["stockroom.blocklist"] = make_blocklist(redis_client)
    app.extensions["stockroom.catalog_cache"] = make_catalog_cache(
        redis_client, "stockroom:catalog" + (app.config["CELERY_BROKER_KEY_PREFIX"] or ""),
        app.config["CATALOG_CACHE_SECONDS"], app.config["CATALOG_LOCAL_CACHE_SECONDS"])
    app.extensions["stockroom.storage"] = LocalStorage(Path(app.config["MEDIA_ROOT"]),
                                                       app.config["MEDIA_URL"])
    outbox.install_session_hooks()
    transactions.install_session_hooks()
    faults.install_from_setting(app.config["STOCKROOM_FAULTS"])
    celery_init_app(app)


def register_docs_assets(app: Flask) -> None:
    """Serve Swagger UI's files from the installed bundle (``/api/docs`` needs no CDN) and
    the uploaded media of the local storage."""
    import swagger_ui_bundle
    from flask import send_from_directory

    @app.get("/api/docs/static/<path:filename>")
    def swagger_ui_static(filename: str):
        return send_from_directory(swagger_ui_bundle.swagger_ui_path, filename, max_age=86400)

    @app.get(f"{app.config['MEDIA_URL']}/<path:key>")
    def media(key: str):
        # Uploaded files are stored under random names and never change: cache for long.
        return send_from_directory(app.config["MEDIA_ROOT"], key, max_age=30 * 86400)


def register_request_hooks(app: Flask) -> None:
    @app.before_request
    def assign_request_id() -> None:
        incoming = request.headers.get(REQUEST_ID_HEADER, "")
        # A caller's id is kept only if it is plain (it goes into logs and events).
        g.request_id = (incoming if REQUEST_ID_PATTERN.fullmatch(incoming)
                        else uuid.uuid4().hex)

    @app.before_request
    def start_timer() -> None:
        g.request_started = time.perf_counter()

    @app.before_request
    def refuse_nul_characters() -> None:
        # No text column takes a NUL (PostgreSQL refuses it with a driver error): a path
        # or query that holds one is malformed, not a server error.
        if "\x00" in request.path or any("\x00" in value
                                         for values in request.args.listvalues()
                                         for value in values):
            raise BadRequest("The request path or query holds a NUL character.")

    @app.before_request
    def limit_json_bodies() -> None:
        # Uploads may be as large as MAX_UPLOAD_BYTES; everything else is JSON-sized.
        if request.mimetype != "multipart/form-data":
            request.max_content_length = app.config["MAX_JSON_BYTES"]

    @app.teardown_appcontext
    def end_session(_error) -> None:
        # Runs before Flask-SQLAlchemy's own teardown (teardowns run in reverse order of
        # registration) and ends the session itself. A connection that died mid-request
        # makes the rollback inside ``remove`` raise; let that escape the WSGI call after
        # the answer was built, and the server sends a 500 with an empty body instead.
        # The pool has already discarded the connection: nothing is left to clean up.
        try:
            extensions.db.session.remove()
        except Exception:
            log.warning("ending the database session failed", exc_info=True)

    production = app.config["APP_ENV"] == "production"
    production_headers = (("Strict-Transport-Security", "max-age=63072000; includeSubDomains"),)

    @app.after_request
    def add_headers(response):
        started = g.get("request_started")
        if started is not None:
            # The route template, not the path: one series per endpoint, not per id.
            route = request.url_rule.rule if request.url_rule is not None else "unmatched"
            metrics.HTTP_REQUEST_SECONDS.labels(request.method, route,
                                                str(response.status_code)).observe(
                time.perf_counter() - started)
        headers = response.headers
        headers[REQUEST_ID_HEADER] = g.get("request_id", "")
        # A view's own value wins; the rest are added in one pass over the headers (each
        # setdefault would scan them again, on every answer).
        present = {name.lower() for name, _ in headers.items()}
        defaults = (JSON_SECURITY_HEADERS if response.mimetype == "application/json"
                    else SECURITY_HEADERS)
        for name, value in defaults + (production_headers if production else ()):
            if name.lower() not in present:
                headers.add(name, value)
        return response


@event.listens_for(Engine, "connect")
def _sqlite_on_connect(dbapi_connection, _record) -> None:
    if not isinstance(dbapi_connection, sqlite3.Connection):
        return
    # pysqlite's own transaction handling defers BEGIN and cannot do SAVEPOINT properly;
    # switch it off and begin transactions ourselves (below).
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA busy_timeout=15000")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


READ_ONLY_OPTION = "stockroom_read_only"


@event.listens_for(Engine, "begin")
def _sqlite_begin(connection) -> None:
    if connection.dialect.name == "sqlite":
        # IMMEDIATE takes the write lock at BEGIN: a deferred transaction that later
        # writes can fail with SQLITE_BUSY at once, busy timeout or not, when the API,
        # the worker and beat write together. Work that only reads says so (the real-time
        # server's checks and stream reads, many a second): a deferred BEGIN, which under
        # WAL never waits for a writer nor holds one up.
        read_only = connection.get_execution_options().get(READ_ONLY_OPTION)
        connection.exec_driver_sql("BEGIN" if read_only else "BEGIN IMMEDIATE")
