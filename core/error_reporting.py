"""Sentry, when ``SENTRY_DSN`` is set: unhandled exceptions in requests (the 500s) and in
Celery tasks, tagged with the request id, and without personal data.

A commerce backend's requests carry passwords, addresses and card-adjacent data, so no
request body is ever sent, and neither are headers that identify or authorize a caller
(``send_default_pii=False`` drops Authorization, cookies and client addresses).
"""

from __future__ import annotations

from collections.abc import Mapping

from core.logs import current_request_id


def init_error_reporting(config: Mapping) -> bool:
    """Start Sentry for this process (the SDK is process-wide); whether it was started."""
    if not config.get("SENTRY_DSN"):
        return False
    import sentry_sdk
    from sentry_sdk.integrations.celery import CeleryIntegration
    from sentry_sdk.integrations.flask import FlaskIntegration
    from sentry_sdk.integrations.sqlalchemy import SqlalchemyIntegration

    sentry_sdk.init(
        dsn=config["SENTRY_DSN"],
        environment=config["APP_ENV"],
        traces_sample_rate=config["SENTRY_TRACES_SAMPLE_RATE"],
        send_default_pii=False,
        max_request_body_size="never",
        integrations=[FlaskIntegration(), CeleryIntegration(), SqlalchemyIntegration()],
        before_send=tag_request_id,
    )
    return True


def tag_request_id(event: dict, hint: dict) -> dict:
    """The request id ties an event to the logs of the request, or of the task it caused."""
    request_id = current_request_id()
    if request_id:
        event.setdefault("tags", {})["request_id"] = request_id
    return event
