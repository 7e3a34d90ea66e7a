"""Sending emails. Each task claims its message first, so running twice sends once, and
marks its outbox event done with the outcome, so that the redo sweep runs again whatever
died or failed before that (``services.outbox.redo_unfinished``)."""

from __future__ import annotations

from celery import shared_task

from core import faults
from core.database import DATABASE_ERRORS
from models import OutboxEvent, db
from services import auth, email_verification, emails, outbox
from services.email_backends import TransientEmailError

EMAIL_MAX_RETRIES = 8
EMAIL_RETRY_BACKOFF_MAX_S = 3600
# SendGrid's 429 and 5xx (TransientEmailError) and a database that failed or went away
# are retried with backoff; other failures are recorded on the message and not retried.
# Past the last retry, the outbox's redo sweep runs the task again.
RETRY = {"autoretry_for": (TransientEmailError, *DATABASE_ERRORS), "retry_backoff": True,
         "retry_backoff_max": EMAIL_RETRY_BACKOFF_MAX_S, "retry_jitter": True,
         "max_retries": EMAIL_MAX_RETRIES}


@shared_task(name="tasks.emails.send_password_reset_email_task", **RETRY)
def send_password_reset_email_task(event_id: int) -> str:
    event = db.session.get(OutboxEvent, event_id)
    if event is None:
        return "no such event"
    if "reset_id" in event.data:
        # An event recorded before requests were resolved in the task named its reset.
        return send_prepared(emails.prepare_password_reset_email(event.data["reset_id"]),
                             event_id, send_password_reset_email_task.name)
    reset = auth.reset_for_request(event)
    return send_prepared(emails.prepare_password_reset_email(reset.id) if reset else None,
                         event_id, send_password_reset_email_task.name)


@shared_task(name="tasks.emails.send_account_email_task", **RETRY)
def send_account_email_task(event_id: int) -> str:
    """A new account's welcome (with its first verification link), or a fresh link."""
    event = db.session.get(OutboxEvent, event_id)
    if event is None:
        return "no such event"
    kind = "welcome" if event.type == email_verification.REGISTERED else "verify_email"
    return send_prepared(emails.prepare_account_email(
        kind, event.data["user_id"], event.data.get("verification_id")), event_id,
        send_account_email_task.name)


@shared_task(name="tasks.emails.send_order_email_task", **RETRY)
def send_order_email_task(event_id: int) -> str:
    """The customer's email about their order: confirmed, payment failed, refunded."""
    event = db.session.get(OutboxEvent, event_id)
    if event is None:
        return "no such event"
    notification = "payment_failed" if event.type == "order.payment_failed" \
        else event.data["kind"]
    return send_prepared(
        emails.prepare_order_email(notification, event.data["order_id"], event.data), event_id,
        send_order_email_task.name)


def send_prepared(prepared, event_id: int | None = None, consumer: str = "") -> str:
    """Send a claimed message (or nothing, for None); the claim commits first. The event
    is marked done for ``consumer`` (the sending task) with the outcome, unless the send
    failed transiently (it is raised, the task retries, and the redo sweep after it)."""
    if prepared is None:
        db.session.rollback()
        if event_id is not None:
            outbox.mark_done(event_id, consumer)
            db.session.commit()
        return "nothing to send"
    message, context = prepared
    # The claim commits before the email leaves, so a second run finds it.
    db.session.commit()
    faults.step("email.claimed")
    try:
        emails.deliver_email(message, context, emails.email_backend())
    except Exception:
        # The failure is on the message; if even that cannot be recorded, its lease runs
        # out and the redo sweep sends it.
        try:
            db.session.commit()
        except DATABASE_ERRORS:
            db.session.rollback()
        raise
    if event_id is not None:
        outbox.mark_done(event_id, consumer)
    db.session.commit()
    return message.status


@shared_task(name="tasks.emails.send_low_stock_alert_task", **RETRY)
def send_low_stock_alert_task(event_id: int) -> str:
    """Tell ADMIN_ALERT_EMAILS that a variant fell to or under its threshold."""
    event = db.session.get(OutboxEvent, event_id)
    if event is None:
        return "no such event"
    return send_prepared(emails.prepare_low_stock_alert(event.id, event.data), event_id,
                         send_low_stock_alert_task.name)
