"""Emails the system sends: rendered from file templates, recorded, and sent at most once.

Sending is two steps with a commit between (the task does the commits): ``claim_email``
records the message for its (kind, dedupe key) or finds it already claimed, and
``deliver_email`` hands it to the backend. A task that runs twice finds the claim and
sends nothing; a send that failed is recorded on the row and may be claimed again.
"""

from __future__ import annotations

from flask import current_app, render_template

from models import EmailMessage, EmailStatus, PasswordResetToken, User, db, utcnow
from services.auth import reset_token_for
from services.email_backends import EmailBackend, OutgoingEmail, PermanentEmailError

SUBJECTS = {
    "password_reset": "Reset your Stockroom password",
}


def email_backend() -> EmailBackend:
    return current_app.extensions["stockroom.email_backend"]


def claim_email(kind: str, dedupe_key: str, to: str) -> EmailMessage | None:
    """Claim the right to send (kind, dedupe_key); None when it was sent or is being sent.

    On PostgreSQL the row lock makes two workers that claim at once take turns.
    """
    message = db.session.scalar(
        db.select(EmailMessage)
        .where(EmailMessage.kind == kind, EmailMessage.dedupe_key == dedupe_key)
        .with_for_update()
    )
    if message is None:
        message = EmailMessage(kind=kind, dedupe_key=dedupe_key, to_address=to,
                               subject=SUBJECTS[kind], status=EmailStatus.SENDING.value,
                               attempts=1)
        db.session.add(message)
    elif message.status == EmailStatus.FAILED.value:
        message.status = EmailStatus.SENDING.value
        message.attempts += 1
    else:
        return None
    db.session.flush()
    return message


def deliver_email(message: EmailMessage, context: dict, backend: EmailBackend) -> None:
    """Render and send a claimed message, recording the outcome on it.

    Re-raises the backend's ``TransientEmailError`` (after recording it) so the task can
    retry; a ``PermanentEmailError`` is recorded and swallowed: retrying cannot help.
    """
    context = {**context, "subject": message.subject}
    outgoing = OutgoingEmail(
        to=message.to_address,
        subject=message.subject,
        text=render_template(f"emails/{message.kind}.txt", **context),
        html=render_template(f"emails/{message.kind}.html", **context),
        sender=current_app.config["EMAIL_FROM"],
    )
    try:
        message.provider_message_id = backend.send(outgoing)
    except PermanentEmailError as exc:
        message.status, message.error = EmailStatus.FAILED.value, str(exc)
        db.session.flush()
        return
    except Exception as exc:
        message.status, message.error = EmailStatus.FAILED.value, str(exc)
        db.session.flush()
        raise
    message.status, message.error, message.sent_at = EmailStatus.SENT.value, None, utcnow()
    db.session.flush()


def prepare_password_reset_email(reset_id: int) -> tuple[EmailMessage, dict] | None:
    """Claim the reset email for ``reset_id``; None if it must not (or need not) be sent.

    A reset that was voided by a newer request, spent or expired is not mailed: its link
    could only fail.
    """
    reset = db.session.get(PasswordResetToken, reset_id)
    if reset is None or not reset.is_usable(utcnow()):
        return None
    user = db.session.get(User, reset.user_id)
    message = claim_email("password_reset", f"reset:{reset.id}", user.email)
    if message is None:
        return None
    token = reset_token_for(reset)
    base = current_app.config["FRONTEND_URL"].rstrip("/")
    context = {"user": user, "token": token, "reset_url": f"{base}/reset-password?token={token}",
               "expires_minutes": int(current_app.config["PASSWORD_RESET_TTL"].total_seconds()
                                      // 60)}
    return message, context
