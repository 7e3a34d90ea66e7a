"""Webhook endpoints that admins subscribe to event types (besides the Supabase functions,
which come from the configuration): their URLs checked, their secrets made."""

from __future__ import annotations

import secrets
from base64 import b64encode

import sqlalchemy as sa

from core.errors import NotFound, ValidationFailed
from models import WebhookEndpoint, db
from services import webhooks
from services.webhook_addresses import check_address


class EndpointNotFound(NotFound):
    error_code = "webhook_endpoint_not_found"


def new_secret() -> str:
    return "whsec_" + b64encode(secrets.token_bytes(24)).decode()


def _check_event_types(event_types: list[str]) -> None:
    unknown = sorted(set(event_types) - webhooks.PUBLIC_EVENT_TYPES)
    if unknown or not event_types:
        raise ValidationFailed("Unknown event types.", errors={"event_types": [
            f"Choose among {', '.join(sorted(webhooks.PUBLIC_EVENT_TYPES))}."]})


def create_endpoint(url: str, event_types: list[str], description: str | None,
                    secret: str | None, active: bool) -> WebhookEndpoint:
    check_address(url)
    _check_event_types(event_types)
    endpoint = WebhookEndpoint(url=url, event_types=sorted(set(event_types)),
                               description=description, secret=secret or new_secret(),
                               active=active)
    db.session.add(endpoint)
    db.session.flush()
    webhooks.endpoints_changed()
    return endpoint


def endpoint_listing() -> sa.Select:
    return sa.select(WebhookEndpoint).order_by(WebhookEndpoint.id)


def get_endpoint(endpoint_id: int) -> WebhookEndpoint:
    endpoint = db.session.get(WebhookEndpoint, endpoint_id)
    if endpoint is None:
        raise EndpointNotFound("Webhook endpoint not found.")
    return endpoint


def update_endpoint(endpoint_id: int, changes: dict) -> WebhookEndpoint:
    endpoint = get_endpoint(endpoint_id)
    if "url" in changes:
        check_address(changes["url"])
    if "event_types" in changes:
        _check_event_types(changes["event_types"])
        changes["event_types"] = sorted(set(changes["event_types"]))
    for name, value in changes.items():
        setattr(endpoint, name, value)
    db.session.flush()
    webhooks.endpoints_changed()
    return endpoint


def delete_endpoint(endpoint_id: int) -> None:
    db.session.delete(get_endpoint(endpoint_id))
    db.session.flush()
    webhooks.endpoints_changed()
