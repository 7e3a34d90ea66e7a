"""Logging: one JSON object per line (``LOG_FORMAT=json``, the production default) or
plain text, each record carrying the request id of the request that caused it. The id
travels with the tasks a request causes (a message header), so a request and every task
it set off share one id in the logs."""

from __future__ import annotations

import json
import logging
from contextvars import ContextVar
from datetime import UTC, datetime

from celery import signals
from flask import g, has_request_context

# The request id outside a request: set for the length of a task, or a relayed publish.
request_id_var: ContextVar[str | None] = ContextVar("request_id", default=None)
HEADER = "stockroom_request_id"


def current_request_id() -> str | None:
    if has_request_context():
        return g.get("request_id")
    return request_id_var.get()


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry = {"at": datetime.fromtimestamp(record.created, UTC).isoformat(),
                 "level": record.levelname, "logger": record.name,
                 "message": record.getMessage(), "request_id": current_request_id()}
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, default=str)


class TextFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        line = super().format(record)
        request_id = current_request_id()
        return f"{line} [request {request_id}]" if request_id else line


def formatter(kind: str) -> logging.Formatter:
    if kind == "json":
        return JsonFormatter()
    return TextFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s")


def configure(kind: str) -> None:
    """Give the root logger a handler with our format (once per process)."""
    root = logging.getLogger()
    if not root.handlers:
        logging.basicConfig(level=logging.INFO)
    for handler in root.handlers:
        handler.setFormatter(formatter(kind))


_celery_format = {"kind": "text"}


def install_celery_signals(kind: str) -> None:
    """Celery's own log handlers get our format; the request id rides along with tasks."""
    _celery_format["kind"] = kind


@signals.after_setup_logger.connect
@signals.after_setup_task_logger.connect
def _use_our_format(logger, *args, **kwargs):
    for handler in logger.handlers:
        handler.setFormatter(formatter(_celery_format["kind"]))


@signals.before_task_publish.connect
def _carry_request_id(headers=None, **kwargs):
    request_id = current_request_id()
    if request_id and headers is not None:
        headers.setdefault(HEADER, request_id)


@signals.task_prerun.connect
def _adopt_request_id(task=None, **kwargs):
    request_id_var.set(getattr(task.request, HEADER, None) if task else None)


@signals.task_postrun.connect
def _drop_request_id(**kwargs):
    request_id_var.set(None)
