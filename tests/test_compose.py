"""docker-compose.yml is the production shape; no Docker engine runs here, so parse it."""

from __future__ import annotations

import pytest
import yaml

from core.config import QUEUES

REQUIRED_ENV = {"APP_ENV", "DATABASE_URL", "CELERY_BROKER_URL", "REDIS_URL", "SECRET_KEY",
                "JWT_SECRET_KEY", "PAYMENT_PROVIDER", "EMAIL_BACKEND"}
APP_SERVICES = ["migrate", "web", "realtime", "beat", "flower",
                *[f"worker-{q}" for q in QUEUES]]


@pytest.fixture(scope="module")
def compose(project_root_module):
    return yaml.safe_load((project_root_module / "docker-compose.yml").read_text())


@pytest.fixture(scope="module")
def project_root_module():
    from pathlib import Path

    return Path(__file__).resolve().parent.parent


def test_services(compose):
    assert set(compose["services"]) == {"postgres", "redis", *APP_SERVICES}
    assert compose["services"]["postgres"]["image"] == "postgres:16"


def test_redis_never_evicts_and_persists(compose):
    command = compose["services"]["redis"]["command"]
    assert command[command.index("--maxmemory-policy") + 1] == "noeviction"
    assert command[command.index("--appendonly") + 1] == "yes"


def test_web_runs_gunicorn_on_wsgi_app(compose):
    command = compose["services"]["web"]["command"]
    assert command[0] == "gunicorn" and command[-1] == "wsgi:app"


def test_realtime_serves_socket_io_on_its_own_port(compose):
    realtime = compose["services"]["realtime"]
    command = realtime["command"]
    assert command[:4] == ["flask", "--app", "wsgi", "realtime"]
    port = command[command.index("--port") + 1]
    # In its container: reachable from the host and the load balancer.
    assert command[command.index("--host") + 1] == "0.0.0.0"  # noqa: S104
    assert realtime["ports"] == [f"{port}:{port}"]
    assert f"127.0.0.1:{port}/socket.io/" in " ".join(realtime["healthcheck"]["test"])
    # Several processes share events through Redis: the stream lives where REDIS_URL says.
    assert realtime["environment"]["REDIS_URL"].startswith("redis://redis:6379")


def test_one_worker_per_queue(compose):
    for queue in QUEUES:
        command = compose["services"][f"worker-{queue}"]["command"]
        assert command[:4] == ["celery", "-A", "celery_app", "worker"]
        assert command[command.index("-Q") + 1] == queue


def test_beat_and_flower(compose):
    assert compose["services"]["beat"]["command"][:4] == ["celery", "-A", "celery_app", "beat"]
    flower = compose["services"]["flower"]["command"]
    assert flower[:4] == ["celery", "-A", "celery_app", "flower"]
    assert any(arg.startswith("--basic-auth=") for arg in flower)
    # Flower serves /metrics without its password: its port stays on the host's loopback.
    assert compose["services"]["flower"]["ports"] == ["127.0.0.1:5555:5555"]


@pytest.mark.parametrize("service", APP_SERVICES)
def test_app_services_share_the_production_environment(compose, service):
    environment = compose["services"][service]["environment"]
    assert set(environment) >= REQUIRED_ENV
    assert environment["APP_ENV"] == "production"
    assert environment["DATABASE_URL"].startswith("postgresql://")
    assert environment["CELERY_BROKER_URL"].startswith("redis://redis:6379")
    # Secrets are demanded from the operator, never defaulted.
    assert ":?" in environment["SECRET_KEY"] and ":?" in environment["JWT_SECRET_KEY"]


def test_app_services_wait_for_migrations_and_healthy_backends(compose):
    for service in APP_SERVICES:
        if service == "migrate":
            continue
        depends = compose["services"][service]["depends_on"]
        assert depends["migrate"]["condition"] == "service_completed_successfully"
        assert depends["postgres"]["condition"] == "service_healthy"
        assert depends["redis"]["condition"] == "service_healthy"
    assert compose["services"]["migrate"]["command"][-2:] == ["db", "upgrade"]
