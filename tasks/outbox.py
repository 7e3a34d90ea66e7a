"""Publishing outbox events to their consumers, and the relay that catches up after outages."""

from __future__ import annotations

from datetime import timedelta

from celery import shared_task
from flask import current_app

from models import db, utcnow
from services import outbox

DELIVER = "tasks.webhooks.deliver_event_task"
# Who consumes each event type: the task names, sent the event id. One readable table.
# Every public event type (services.webhooks.FUNCTIONS) goes to its webhook deliveries.
CONSUMERS: dict[str, tuple[str, ...]] = {
    "order.status_changed": (DELIVER,),
    "cart.item_added": (DELIVER,),
    "cart.item_updated": (DELIVER,),
    "cart.item_removed": (DELIVER,),
    "product.updated": (DELIVER,),
    "product.deleted": (DELIVER,),
    "inventory.changed": (DELIVER,),
    "inventory.low_stock": ("tasks.emails.send_low_stock_alert_task",),
    "user.password_reset_requested": ("tasks.emails.send_password_reset_email_task",),
    "payment.event_received": ("tasks.payments.apply_payment_event_task",),
    "payment.cancel_requested": ("tasks.payments.cancel_payment_task",),
    "refund.requested": ("tasks.payments.submit_refund_task",),
    "user.notification": ("tasks.emails.send_order_email_task", DELIVER),
    "order.payment_failed": ("tasks.emails.send_order_email_task",),
}

# Publishing happens after the commit of a request; it must not hold that request long
# when the broker is away. One quick retry covers a dropped pooled connection.
PUBLISH_RETRY_POLICY = {"max_retries": 1, "interval_start": 0, "interval_step": 0.2,
                        "interval_max": 0.2}


def publish_event(event_id: int, event_type: str) -> None:
    """Send the event's consumers to the broker; raises if the broker is unreachable."""
    celery = current_app.extensions["celery"]
    for task_name in CONSUMERS.get(event_type, ()):
        celery.tasks[task_name].apply_async(
            args=[event_id], retry=True, retry_policy=PUBLISH_RETRY_POLICY
        )


@shared_task(name="tasks.outbox.relay_outbox_task")
def relay_outbox_task() -> int:
    """Publish the events whose after-commit dispatch did not happen (broker away, crash)."""
    config = current_app.config
    count = outbox.relay_undispatched(
        outbox.current_outbox(), utcnow(),
        grace=timedelta(seconds=config["OUTBOX_RELAY_GRACE_SECONDS"]),
        limit=config["OUTBOX_RELAY_BATCH"],
    )
    db.session.commit()
    return count
