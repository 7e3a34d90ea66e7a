"""Sending emails. Each task claims its message first, so running twice sends once."""

from __future__ import annotations

from celery import shared_task

from models import OutboxEvent, db
from services import emails
from services.email_backends import TransientEmailError

EMAIL_MAX_RETRIES = 8
EMAIL_RETRY_BACKOFF_MAX_S = 3600


@shared_task(name="tasks.emails.send_password_reset_email_task", bind=True,
             autoretry_for=(TransientEmailError,), retry_backoff=True,
             retry_backoff_max=EMAIL_RETRY_BACKOFF_MAX_S, retry_jitter=True,
             max_retries=EMAIL_MAX_RETRIES)
def send_password_reset_email_task(self, event_id: int) -> str:
    event = db.session.get(OutboxEvent, event_id)
    if event is None:
        return "no such event"
    prepared = emails.prepare_password_reset_email(event.data["reset_id"])
    if prepared is None:
        db.session.rollback()
        return "nothing to send"
    message, context = prepared
    # The claim commits before the email leaves, so a second run finds it.
    db.session.commit()
    try:
        emails.deliver_email(message, context, emails.email_backend())
    finally:
        db.session.commit()
    return message.status
