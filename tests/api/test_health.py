from __future__ import annotations

import time

import pytest

from core.app import create_app
from tests.helpers import free_port


def _app(app, **environ):
    base = {"INSTANCE_PATH": app.config["INSTANCE_PATH"],
            "DATABASE_URL": app.config["SQLALCHEMY_DATABASE_URI"],
            "CELERY_BROKER_URL": app.config["CELERY_BROKER_URL"]}
    return create_app({"TESTING": True}, environ={**base, **environ})


def test_healthz(client):
    response = client.get("/healthz")
    assert response.status_code == 200 and response.json == {"status": "ok"}


def test_readyz_ok(client):
    response = client.get("/readyz")
    assert response.status_code == 200
    assert response.json["checks"] == {"database": "ok", "broker": "ok"}


def test_readyz_names_an_unreachable_broker_quickly(app):
    broken = _app(app, CELERY_BROKER_URL=f"redis://127.0.0.1:{free_port()}/0")
    started = time.monotonic()
    response = broken.test_client().get("/readyz")
    assert time.monotonic() - started < 10
    assert response.status_code == 503
    body = response.json
    assert body["code"] == 503 and "broker" in body["message"]
    assert set(body["errors"]) == {"broker"}


# Not in the rolled-back transaction: that binds the shared session to the test database.
@pytest.mark.committed
def test_readyz_names_an_unreachable_database(app, tmp_path):
    broken = _app(app, DATABASE_URL=f"sqlite:///{tmp_path}/missing/dir/x.db")
    response = broken.test_client().get("/readyz")
    assert response.status_code == 503
    assert set(response.json["errors"]) == {"database"}


def test_metrics_for_the_private_network(client):
    client.get("/healthz")
    answer = client.get("/metrics")
    assert answer.status_code == 200 and answer.mimetype == "text/plain"
    text = answer.get_data(as_text=True)
    assert 'stockroom_http_request_duration_seconds_count{method="GET",route="/healthz",' \
           'status="200"}' in text
    for name in ("stockroom_outbox_lag_seconds", "stockroom_outbox_undispatched_events",
                 "stockroom_outbox_unfinished_events",
                 'stockroom_webhook_deliveries{status="dead"}',
                 "stockroom_payment_events_unapplied", "stockroom_orders_awaiting_payment",
                 "stockroom_reservations_expired_total"):
        assert name in text, name
    public = client.get("/metrics", environ_base={"REMOTE_ADDR": "8.8.8.8"})
    assert public.status_code == 403 and public.is_json
