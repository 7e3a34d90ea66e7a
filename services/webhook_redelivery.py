"""The back office over webhook deliveries: reading them, and sending failed or dead ones
again with their webhook-id (one, or every one matching filters)."""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import selectinload

from core.errors import Conflict, NotFound
from models import DeliveryStatus, WebhookDelivery, db
from services.webhooks import MAX_ATTEMPTS


class DeliveryNotFound(NotFound):
    error_code = "webhook_delivery_not_found"


class NotRedeliverable(Conflict):
    error_code = "webhook_delivery_not_redeliverable"


def redeliver(delivery_id: int, now: datetime) -> WebhookDelivery:
    """Make a failed or dead delivery due now (it keeps its webhook-id); 409 otherwise.
    A dead delivery gets one more attempt; if that fails, it is dead again."""
    delivery = db.session.scalar(
        sa.select(WebhookDelivery).where(WebhookDelivery.id == delivery_id)
        .with_for_update().execution_options(populate_existing=True))
    if delivery is None:
        raise DeliveryNotFound("Webhook delivery not found.")
    if delivery.status not in (DeliveryStatus.FAILED, DeliveryStatus.DEAD):
        raise NotRedeliverable(f"A {delivery.status} delivery cannot be redelivered.")
    if delivery.locked_until is not None and delivery.locked_until > now:
        raise NotRedeliverable("This delivery is being attempted now; redeliver it once the "
                               "attempt has ended.")
    if delivery.status == DeliveryStatus.DEAD:
        delivery.attempt_count = min(delivery.attempt_count, MAX_ATTEMPTS - 1)
    delivery.status = DeliveryStatus.FAILED
    delivery.next_attempt_at = now
    # A worker whose lease ran out may still be sending: its outcome no longer counts.
    delivery.locked_until = None
    delivery.lease_token = None
    db.session.flush()
    return delivery


def redeliver_matching(now: datetime, *, statuses=("dead",), function: str | None = None,
                       event_type: str | None = None, since: datetime | None = None,
                       until: datetime | None = None) -> list[int]:
    """Make every delivery matching the filters due now; returns their ids."""
    query = sa.select(WebhookDelivery.id).where(WebhookDelivery.status.in_(statuses))
    if function:
        query = query.where(WebhookDelivery.function == function)
    if event_type:
        query = query.where(WebhookDelivery.event_type == event_type)
    if since:
        query = query.where(WebhookDelivery.created_at >= since)
    if until:
        query = query.where(WebhookDelivery.created_at <= until)
    ids = list(db.session.scalars(query.order_by(WebhookDelivery.id)))
    for delivery_id in ids:
        redeliver(delivery_id, now)
    return ids


def delivery_listing(status: str | None, event_type: str | None,
                     function: str | None) -> sa.Select:
    query = (sa.select(WebhookDelivery).order_by(WebhookDelivery.id.desc())
             .options(selectinload(WebhookDelivery.event),
                      selectinload(WebhookDelivery.attempts)))
    if status:
        query = query.where(WebhookDelivery.status == status)
    if event_type:
        query = query.where(WebhookDelivery.event_type == event_type)
    if function:
        query = query.where(WebhookDelivery.function == function)
    return query


def get_delivery(delivery_id: int) -> WebhookDelivery:
    delivery = db.session.get(WebhookDelivery, delivery_id)
    if delivery is None:
        raise DeliveryNotFound("Webhook delivery not found.")
    return delivery


