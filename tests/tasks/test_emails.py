"""The password reset email task, and the email backends against local receivers."""

from __future__ import annotations

import io
import json

import pytest
import sqlalchemy as sa

from models import EmailMessage, OutboxEvent, PasswordResetToken, User, db
from services import auth
from services.email_backends import (
    ConsoleBackend,
    OutgoingEmail,
    PermanentEmailError,
    SendGridBackend,
    TransientEmailError,
)
from tasks.emails import send_password_reset_email_task
from tests.factories import UserFactory
from tests.helpers import Receiver

MESSAGE = OutgoingEmail(to="to@example.com", subject="Hi", text="plain body",
                        html="<p>html body</p>", sender="shop@example.com")


def _reset_event(email="reset@example.com"):
    user = UserFactory(email=email)
    auth.request_password_reset(user.email)
    db.session.commit()
    return db.session.scalar(sa.select(OutboxEvent).order_by(OutboxEvent.id.desc()))


def test_task_sends_the_reset_email_once_even_when_run_twice(app, mail):
    event = _reset_event()
    assert send_password_reset_email_task(event.id) == "sent"
    assert send_password_reset_email_task(event.id) == "nothing to send"
    assert len(mail) == 1
    assert mail[0].subject == "Reset your Stockroom password"
    assert "<a href=" in mail[0].html and "reset-password?token=" in mail[0].text
    rows = db.session.scalars(sa.select(EmailMessage)).all()
    assert [(row.kind, row.status, row.to_address) for row in rows] == [
        ("password_reset", "sent", "reset@example.com")]


def test_task_does_not_mail_a_voided_reset(app, mail):
    event = _reset_event()
    user_email = "reset@example.com"
    auth.request_password_reset(user_email)  # supersedes the first one
    db.session.commit()
    assert send_password_reset_email_task(event.id) == "nothing to send"
    assert mail == []


def test_two_requests_resolved_in_either_order_mail_one_usable_reset(app, mail):
    first = _reset_event()
    auth.request_password_reset("reset@example.com")
    db.session.commit()
    second = db.session.scalar(sa.select(OutboxEvent).order_by(OutboxEvent.id.desc()))
    # The newer request's task runs first; the older one's finds itself superseded.
    assert send_password_reset_email_task(second.id) == "sent"
    assert send_password_reset_email_task(first.id) == "nothing to send"
    resets = db.session.scalars(sa.select(PasswordResetToken)).all()
    assert [(reset.request_event_id, reset.voided_at) for reset in resets] == [(second.id, None)]
    assert len(mail) == 1


def test_a_request_for_an_inactive_account_makes_no_reset(app, mail):
    event = _reset_event()
    db.session.scalar(sa.select(User)).is_active = False
    db.session.commit()
    assert send_password_reset_email_task(event.id) == "nothing to send"
    assert db.session.scalar(sa.select(sa.func.count(PasswordResetToken.id))) == 0
    assert mail == []


def test_task_ignores_an_unknown_event(app, mail):
    assert send_password_reset_email_task(987654) == "no such event"
    assert mail == []


def test_transient_failure_is_recorded_then_retried_to_success(app, mail, monkeypatch):
    event = _reset_event()
    backend = app.extensions["stockroom.email_backend"]
    calls = []

    def flaky(message):
        calls.append(message)
        if len(calls) == 1:
            raise TransientEmailError("SendGrid 503")
        return "id-2"

    monkeypatch.setattr(backend, "send", flaky)
    with pytest.raises(TransientEmailError):
        send_password_reset_email_task(event.id)
    row = db.session.scalar(sa.select(EmailMessage))
    assert (row.status, row.error, row.attempts) == ("failed", "SendGrid 503", 1)
    assert send_password_reset_email_task(event.id) == "sent"
    db.session.refresh(row)
    assert (row.status, row.attempts, row.provider_message_id) == ("sent", 2, "id-2")


def test_permanent_failure_is_recorded_and_not_retried(app, monkeypatch):
    event = _reset_event()
    backend = app.extensions["stockroom.email_backend"]

    def refuse(message):
        raise PermanentEmailError("SendGrid 400: bad address")

    monkeypatch.setattr(backend, "send", refuse)
    assert send_password_reset_email_task(event.id) == "failed"
    row = db.session.scalar(sa.select(EmailMessage))
    assert row.status == "failed" and "400" in row.error


def test_console_backend_prints_the_message():
    stream = io.StringIO()
    ConsoleBackend(stream).send(MESSAGE)
    printed = stream.getvalue()
    assert "To: to@example.com" in printed and "Subject: Hi" in printed
    assert "plain body" in printed


def test_sendgrid_backend_posts_to_the_configured_host():
    with Receiver([(202, {"X-Message-Id": "sg-1"}, b"")]) as receiver:
        backend = SendGridBackend("SG.test-key", receiver.url)
        assert backend.send(MESSAGE) == "sg-1"
    request = receiver.requests[0]
    assert request["path"] == "/v3/mail/send"
    assert request["headers"]["Authorization"] == "Bearer SG.test-key"
    body = json.loads(request["body"])
    assert body["personalizations"][0]["to"] == [{"email": "to@example.com"}]
    assert body["from"] == {"email": "shop@example.com"}
    assert body["subject"] == "Hi"
    assert [c["type"] for c in body["content"]] == ["text/plain", "text/html"]


@pytest.mark.parametrize("status, error", [(429, TransientEmailError),
                                           (500, TransientEmailError),
                                           (503, TransientEmailError),
                                           (400, PermanentEmailError),
                                           (401, PermanentEmailError)])
def test_sendgrid_backend_classifies_failures(status, error):
    with Receiver([(status, {}, b'{"errors": []}')]) as receiver, pytest.raises(error):
        SendGridBackend("SG.test-key", receiver.url).send(MESSAGE)


def test_smtp_backend_sends_text_and_html_to_a_local_server():
    from aiosmtpd.controller import Controller
    from aiosmtpd.handlers import Message

    from services.email_backends import SMTPBackend
    from tests.helpers import free_port

    received = []

    class Collect(Message):
        def handle_message(self, message):
            received.append(message)

    port = free_port()
    controller = Controller(Collect(), hostname="127.0.0.1", port=port)
    controller.start()
    try:
        SMTPBackend("127.0.0.1", port, None, None, use_tls=False).send(MESSAGE)
    finally:
        controller.stop()
    assert len(received) == 1
    message = received[0]
    assert message["To"] == "to@example.com" and message["Subject"] == "Hi"
    parts = {part.get_content_type(): part.get_payload(decode=True).decode()
             for part in message.walk() if not part.is_multipart()}
    assert "plain body" in parts["text/plain"] and "<p>html body</p>" in parts["text/html"]


def test_smtp_backend_reports_an_unreachable_server_as_transient():
    from services.email_backends import SMTPBackend
    from tests.helpers import free_port

    with pytest.raises(TransientEmailError):
        SMTPBackend("127.0.0.1", free_port(), None, None, use_tls=False).send(MESSAGE)
