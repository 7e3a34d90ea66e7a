"""Sentry when SENTRY_DSN is set: a 500 and a failing task reach the DSN's server (a local
receiver here) with the request id, and no secret or personal data travels with them."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys

from tests.helpers import Receiver

# The SDK is process-wide, so the app that reports runs in a process of its own.
SCRIPT = """
import sys
import sentry_sdk
from flask import Blueprint
from core.app import create_app

app = create_app({"TESTING": False, "PROPAGATE_EXCEPTIONS": False})
boom = Blueprint("boom", __name__)

@boom.post("/boom")
def fail():
    raise RuntimeError("request kaboom")

app.register_blueprint(boom)
celery = app.extensions["celery"]

@celery.task(name="tests.failing_task")
def failing_task(order_id):
    raise ValueError(f"task kaboom {order_id}")

response = app.test_client().post(
    "/boom", json={"email": "ada@example.com", "password": "hunter2-hunter2"},
    headers={"Authorization": "Bearer secret-token-123", "X-Request-ID": "req-sentry-1"})
assert response.status_code == 500, response.status_code
assert failing_task.apply(args=[7]).failed()
sentry_sdk.flush(timeout=10)
"""


def _events(receiver: Receiver) -> list[dict]:
    events = []
    for request in receiver.requests:
        body = request["body"]
        if request["headers"].get("Content-Encoding") == "gzip":
            body = gzip.decompress(body)
        lines = body.split(b"\n")
        # An envelope: its header, then (item header, item payload) pairs.
        for header, payload in zip(lines[1::2], lines[2::2], strict=False):
            if json.loads(header).get("type") == "event":
                events.append({"raw": payload, **json.loads(payload)})
    return events


def test_a_500_and_a_failing_task_reach_sentry_without_secrets(test_environ, tmp_path):
    with Receiver() as receiver:
        host = receiver.url.removeprefix("http://")
        env = {**test_environ, "SENTRY_DSN": f"http://publickey@{host}/42",
               "INSTANCE_PATH": str(tmp_path), "PATH": "/usr/bin:/bin"}
        done = subprocess.run([sys.executable, "-c", SCRIPT], env=env, capture_output=True,
                              text=True, timeout=120)
        assert done.returncode == 0, done.stderr[-3000:]
        events = _events(receiver)
    assert {r["path"] for r in receiver.requests} == {"/api/42/envelope/"}
    by_message = {event["exception"]["values"][-1]["value"]: event for event in events}
    assert set(by_message) == {"request kaboom", "task kaboom 7"}
    request_event = by_message["request kaboom"]
    assert request_event["exception"]["values"][-1]["type"] == "RuntimeError"
    assert request_event["tags"]["request_id"] == "req-sentry-1"
    assert request_event["environment"] == "test"
    assert request_event["request"]["url"].endswith("/boom")
    task_event = by_message["task kaboom 7"]
    assert task_event["exception"]["values"][-1]["type"] == "ValueError"
    for event in events:
        for secret in (b"secret-token-123", b"hunter2", b"ada@example.com"):
            assert secret not in event["raw"]


def test_without_a_dsn_nothing_is_started(app):
    import sentry_sdk

    assert app.config["SENTRY_DSN"] is None
    assert not sentry_sdk.get_client().is_active()
