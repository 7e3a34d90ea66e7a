"""Publishing outbox events to their consumers, and the relay that catches up after outages."""

from __future__ import annotations

from datetime import timedelta

from celery import shared_task
from flask import current_app

from models import db, utcnow
from services import outbox

DELIVER = "tasks.webhooks.deliver_event_task"
# Appends to the real-time stream what the Socket.io channel sends (services.realtime_events).
REALTIME = "tasks.realtime.broadcast_event_task"
# Who consumes each event type: the task names, sent the event id. One readable table.
# Every public event type (services.webhooks.FUNCTIONS) goes to its webhook deliveries.
CONSUMERS: dict[str, tuple[str, ...]] = {
    "order.status_changed": (DELIVER, REALTIME),
    "shipment.created": (DELIVER,),
    **{f"return.{step}": (DELIVER,) for step in ("requested", "approved", "rejected",
                                                  "received", "refunded")},
    "order.edited": (DELIVER,),
    "order.balance_paid": (DELIVER,),
    "cart.item_added": (DELIVER, REALTIME),
    "cart.item_updated": (DELIVER, REALTIME),
    "cart.item_removed": (DELIVER, REALTIME),
    "product.updated": (DELIVER,),
    "product.deleted": (DELIVER,),
    "inventory.changed": (DELIVER, REALTIME),
    "inventory.low_stock": ("tasks.emails.send_low_stock_alert_task", REALTIME),
    "webhook.delivery_dead": (REALTIME,),
    "user.password_reset_requested": ("tasks.emails.send_password_reset_email_task",),
    "user.registered": ("tasks.emails.send_account_email_task",),
    "user.email_verification_requested": ("tasks.emails.send_account_email_task",),
    "payment.event_received": ("tasks.payments.apply_payment_event_task",),
    "payment.cancel_requested": ("tasks.payments.cancel_payment_task",),
    "refund.requested": ("tasks.payments.submit_refund_task",),
    "payment.amount_changed": ("tasks.payments.update_payment_amount_task",),
    "balance_payment.requested": ("tasks.payments.create_balance_payment_task",),
    "balance_payment.cancel_requested": ("tasks.payments.cancel_balance_payment_task",),
    "tax.transaction_requested": ("tasks.payments.record_tax_transaction_task",),
    "tax.reversal_requested": ("tasks.payments.reverse_tax_task",),
    "user.notification": ("tasks.emails.send_order_email_task", DELIVER),
    "order.payment_failed": ("tasks.emails.send_order_email_task",),
}

# Publishing happens after the commit of a request; it must not hold that request long
# when the broker is away. One quick retry covers a dropped pooled connection.
PUBLISH_RETRY_POLICY = {"max_retries": 1, "interval_start": 0, "interval_step": 0.2,
                        "interval_max": 0.2}


# The consumers that mark their event done when their work is (every one but the webhook
# deliveries, which have rows and a sweep of their own): the redo sweep runs them again.
TRACKED: dict[str, tuple[str, ...]] = {
    event_type: tracked for event_type, names in CONSUMERS.items()
    if (tracked := tuple(name for name in names if name != DELIVER))}


def _send(event_id: int, task_names: tuple[str, ...]) -> None:
    celery = current_app.extensions["celery"]
    for task_name in task_names:
        celery.tasks[task_name].apply_async(
            args=[event_id], retry=True, retry_policy=PUBLISH_RETRY_POLICY
        )


def publish_event(event_id: int, event_type: str) -> None:
    """Send the event's consumers to the broker; raises if the broker is unreachable."""
    _send(event_id, CONSUMERS.get(event_type, ()))


def republish_unfinished(event_id: int, event_type: str) -> None:
    """Send the event's tracked consumers again (the redo sweep)."""
    _send(event_id, TRACKED.get(event_type, ()))


@shared_task(name="tasks.outbox.relay_outbox_task")
def relay_outbox_task() -> int:
    """Publish the events whose after-commit dispatch did not happen (broker away, crash),
    and again the consumers of dispatched events whose work never finished."""
    config, wiring, now = current_app.config, outbox.current_outbox(), utcnow()
    count = outbox.relay_undispatched(
        wiring, now, grace=timedelta(seconds=config["OUTBOX_RELAY_GRACE_SECONDS"]),
        limit=config["OUTBOX_RELAY_BATCH"],
    )
    db.session.commit()
    count += outbox.redo_unfinished(wiring, now, limit=config["OUTBOX_RELAY_BATCH"])
    db.session.commit()
    return count
