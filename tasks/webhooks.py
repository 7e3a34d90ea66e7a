"""Webhook delivery tasks, on the ``webhooks`` queue: an event's deliveries, one delivery
(a retry, or the next in line), and beat's sweep of what is due."""

from __future__ import annotations

from datetime import timedelta

from celery import shared_task

from core.database import DATABASE_ERRORS
from models import db, utcnow
from services import outbox, webhooks

# A database that failed is retried; past that, the delivery sweep finds the delivery.
RETRY = {"autoretry_for": DATABASE_ERRORS, "retry_backoff": 2, "retry_backoff_max": 60,
         "retry_jitter": True, "max_retries": 5}

# Retries this soon ride on a broker countdown (well inside any visibility timeout); later
# ones wait in the database for beat's sweep.
COUNTDOWN_LIMIT = timedelta(seconds=60)


@shared_task(name="tasks.webhooks.deliver_event_task", **RETRY)
def deliver_event_task(event_id: int) -> list[str]:
    """Send every open delivery of an outbox event."""
    # This read shares its transaction with the first delivery's claim, which commits it.
    ids = webhooks.open_deliveries_of_event(event_id)
    return [_deliver(delivery_id) for delivery_id in ids]


@shared_task(name="tasks.webhooks.deliver_webhook_task", **RETRY)
def deliver_webhook_task(delivery_id: int) -> str:
    """Send one delivery, if it is due and not waiting behind an earlier one."""
    return _deliver(delivery_id)


@shared_task(name="tasks.webhooks.retry_webhook_deliveries_task")
def retry_webhook_deliveries_task() -> int:
    """Send what is due: retries whose wait is over, and deliveries whose send was missed."""
    due = webhooks.due_deliveries(utcnow())
    db.session.commit()
    for delivery_id in due:
        deliver_webhook_task.delay(delivery_id)
    return len(due)


def _record_dead(details: dict) -> None:
    # The admins' alert (the real-time admin room), committed with the delivery's death.
    outbox.record_event("webhook.delivery_dead", "webhook_delivery", details["delivery_id"],
                        details)


def _deliver(delivery_id: int) -> str:
    outcome = webhooks.attempt_delivery(delivery_id, utcnow(), on_dead=_record_dead)
    if outcome.result in ("succeeded", "dead"):
        # The next delivery of the same order (or cart, or product) was waiting for this one.
        following = webhooks.next_in_line(delivery_id)
        db.session.commit()
        if following is not None:
            deliver_webhook_task.delay(following)
    elif outcome.result == "failed" and outcome.retry_in <= COUNTDOWN_LIMIT:
        deliver_webhook_task.apply_async(
            (delivery_id,), countdown=outcome.retry_in.total_seconds())
    return outcome.result
