"""Logs: JSON lines with the request id, which travels into the tasks a request causes."""

from __future__ import annotations

import json
import logging
from datetime import timedelta

from flask import g

from core import logs
from models import db, utcnow
from services import outbox


def _record(message="hello") -> logging.LogRecord:
    return logging.LogRecord("stockroom.test", logging.INFO, __file__, 1, message, None, None)


def test_a_request_id_rides_with_the_tasks_a_request_sends(app):
    headers: dict = {}
    with app.test_request_context():
        g.request_id = "req-42"
        logs._carry_request_id(headers=headers)
        line = json.loads(logs.JsonFormatter().format(_record()))
    assert headers == {logs.HEADER: "req-42"}
    assert (line["message"], line["level"], line["request_id"]) == ("hello", "INFO", "req-42")

    class Task:
        request = type("Request", (), {logs.HEADER: "req-42"})()

    logs._adopt_request_id(task=Task())
    try:
        assert logs.current_request_id() == "req-42"
        assert logs.TextFormatter("%(message)s").format(_record()) == "hello [request req-42]"
    finally:
        logs._drop_request_id()
    assert logs.current_request_id() is None


def test_the_relay_publishes_with_the_events_request_id(app, enqueued):
    seen = []
    box = app.extensions["stockroom.outbox"]
    box.publish = lambda event_id, event_type: seen.append(logs.current_request_id())
    with app.test_request_context():
        g.request_id = "req-relayed"
        event = outbox.record_event("user.password_reset_requested", "user", 1, {"reset_id": 1})
    db.session.flush()
    assert event.request_id == "req-relayed"
    outbox.relay_undispatched(box, utcnow() + timedelta(minutes=1), grace=timedelta(0), limit=10)
    assert seen == ["req-relayed"] and logs.current_request_id() is None


def test_production_logs_are_json(tmp_path):
    from core.config import load_config

    assert load_config({"APP_ENV": "production"})["LOG_FORMAT"] == "json"
    assert load_config({})["LOG_FORMAT"] == "text"
