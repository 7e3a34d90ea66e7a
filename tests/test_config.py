"""Configuration: the contract's names and defaults, and what production refuses."""

from __future__ import annotations

import pytest

from core.app import create_app
from core.config import ConfigError, load_config

SECRET = "s" * 40


def test_embedded_defaults(tmp_path):
    config = load_config({"INSTANCE_PATH": str(tmp_path)})
    assert config["APP_ENV"] == "development"
    assert config["SQLALCHEMY_DATABASE_URI"] == f"sqlite:///{tmp_path}/stockroom.db"
    assert config["CELERY_BROKER_URL"] == "filesystem://"
    assert config["PAYMENT_PROVIDER"] == "fake"
    assert config["EMAIL_BACKEND"] == "console"
    assert config["RESERVATION_TTL_SECONDS"] == 900
    assert config["STORE_TIMEZONE"] == "UTC"
    assert config["CORS_ORIGINS"] == ["*"]
    assert config["RATELIMIT_ENABLED"] is True
    assert config["MAX_JSON_BYTES"] == 1024 * 1024
    assert config["MAX_UPLOAD_BYTES"] == 5 * 1024 * 1024
    assert config["REDIS_URL"] is None
    assert config["JWT_ACCESS_TOKEN_EXPIRES"].total_seconds() == 15 * 60


def test_contract_names_are_read(tmp_path):
    config = load_config({
        "INSTANCE_PATH": str(tmp_path),
        "DATABASE_URL": "postgresql://user@db/shop",
        "CELERY_BROKER_URL": "redis://r:6379/0",
        "REDIS_URL": "redis://r:6379/1",
        "PAYMENT_PROVIDER": "stripe",
        "STRIPE_SECRET_KEY": "sk_test_x", "STRIPE_WEBHOOK_SECRET": "whsec_x",
        "STRIPE_API_BASE": "http://127.0.0.1:8420",
        "EMAIL_BACKEND": "sendgrid", "SENDGRID_API_KEY": "SG.x",
        "SENDGRID_API_HOST": "http://127.0.0.1:9",
        "EMAIL_FROM": "shop@example.com", "ADMIN_ALERT_EMAILS": "a@example.com, b@example.com",
        "SUPABASE_FUNCTIONS_URL": "https://ref.supabase.co/functions/v1",
        "SUPABASE_SERVICE_ROLE_KEY": "key", "SUPABASE_WEBHOOK_SECRET": "whsec_y",
        "RESERVATION_TTL_SECONDS": "60", "STORE_TIMEZONE": "Europe/Berlin",
        "CORS_ORIGINS": "https://a.example.com,https://b.example.com",
        "RATELIMIT_ENABLED": "false", "MAX_JSON_BYTES": "2048", "MAX_UPLOAD_BYTES": "4096",
    })
    # DATABASE_URL is taken as given.
    assert config["SQLALCHEMY_DATABASE_URI"] == "postgresql://user@db/shop"
    assert config["ADMIN_ALERT_EMAILS"] == ["a@example.com", "b@example.com"]
    assert config["CORS_ORIGINS"] == ["https://a.example.com", "https://b.example.com"]
    assert config["RESERVATION_TTL_SECONDS"] == 60
    assert config["RATELIMIT_ENABLED"] is False
    assert config["MAX_CONTENT_LENGTH"] == 4096
    assert config["STRIPE_API_BASE"] == "http://127.0.0.1:8420"


@pytest.mark.parametrize("environ, complaint", [
    ({"DATABASE_URL": "postgresql://u@h/d", "CELERY_BROKER_URL": "redis://h"}, "SECRET_KEY"),
    ({"SECRET_KEY": SECRET, "JWT_SECRET_KEY": SECRET, "CELERY_BROKER_URL": "redis://h"},
     "DATABASE_URL"),
    ({"SECRET_KEY": SECRET, "DATABASE_URL": "postgresql://u@h/d",
      "CELERY_BROKER_URL": "redis://h"}, "JWT_SECRET_KEY"),
    ({"SECRET_KEY": SECRET, "JWT_SECRET_KEY": SECRET, "DATABASE_URL": "postgresql://u@h/d"},
     "CELERY_BROKER_URL"),
    ({"SECRET_KEY": SECRET, "JWT_SECRET_KEY": SECRET, "DATABASE_URL": "postgresql://u@h/d",
      "CELERY_BROKER_URL": "redis://h", "PAYMENT_PROVIDER": "stripe",
      "STRIPE_SECRET_KEY": "sk_live_x"}, "STRIPE_WEBHOOK_SECRET"),
])
def test_production_refuses_default_secrets_and_embedded_parts(tmp_path, environ, complaint):
    with pytest.raises(ConfigError, match=complaint):
        create_app(environ={"APP_ENV": "production", "INSTANCE_PATH": str(tmp_path), **environ})


def test_production_starts_with_real_settings(tmp_path):
    app = create_app(environ={"APP_ENV": "production", "INSTANCE_PATH": str(tmp_path),
                              "SECRET_KEY": SECRET, "JWT_SECRET_KEY": SECRET + "j",
                              "DATABASE_URL": "postgresql://u@127.0.0.1:1/d",
                              "CELERY_BROKER_URL": "redis://127.0.0.1:1/0"})
    assert app.config["APP_ENV"] == "production"
    assert app.config["CORS_ORIGINS"] == []


@pytest.mark.parametrize("name, value", [("RESERVATION_TTL_SECONDS", "soon"),
                                         ("RATELIMIT_ENABLED", "maybe")])
def test_malformed_values_are_refused(tmp_path, name, value):
    with pytest.raises(ConfigError, match=name if name != "RATELIMIT_ENABLED" else "boolean"):
        load_config({"INSTANCE_PATH": str(tmp_path), name: value})


def test_only_the_config_module_reads_the_environment(project_root):
    offenders = []
    for path in project_root.rglob("*.py"):
        relative = path.relative_to(project_root)
        # (The clients and their examples are programs of their own, not the app.)
        if relative.parts[0] in {".venv", "tests", "migrations", "scripts", "bench", "clients"}:
            continue
        if relative.as_posix() == "core/config.py":
            continue
        text = path.read_text()
        if "os.environ" in text or "os.getenv" in text:
            offenders.append(relative.as_posix())
    assert offenders == []
