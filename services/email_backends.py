"""How an email leaves the system: one small interface, four backends (``EMAIL_BACKEND``)."""

from __future__ import annotations

import logging
import smtplib
import sys
import threading
from dataclasses import dataclass
from email.message import EmailMessage as MimeMessage
from typing import Protocol

from python_http_client import exceptions as http_errors
from sendgrid import SendGridAPIClient
from sendgrid.helpers.mail import Content, CustomArg, Header, Mail

log = logging.getLogger(__name__)

SENDGRID_TIMEOUT_S = 10
SMTP_TIMEOUT_S = 10


@dataclass(frozen=True)
class OutgoingEmail:
    to: str
    subject: str
    text: str
    html: str
    sender: str
    # The message's own key (kind:dedupe key), the same on every send of it: sent as the
    # X-Stockroom-Email-Key header (SendGrid: a custom arg too), so that a receiver can drop
    # the duplicate a crash after sending causes.
    key: str | None = None

KEY_HEADER = "X-Stockroom-Email-Key"


class TransientEmailError(Exception):
    """The provider could not take the message now (429, 5xx, network): try again later."""


class PermanentEmailError(Exception):
    """The provider refused the message (any other 4xx): retrying will not help."""


class EmailBackend(Protocol):
    def send(self, message: OutgoingEmail) -> str | None:
        """Hand the message over; return the provider's id for it if there is one."""


class ConsoleBackend:
    """Prints each email, for development (the default)."""

    def __init__(self, stream=None):
        self.stream = stream or sys.stdout
        self.lock = threading.Lock()

    def send(self, message: OutgoingEmail) -> str | None:
        with self.lock:
            self.stream.write(
                "\n".join(["-" * 72, f"From: {message.sender}", f"To: {message.to}",
                           f"Subject: {message.subject}", "", message.text, "-" * 72, ""])
            )
            self.stream.flush()
        return None


class MemoryBackend:
    """Keeps each email in a list, for tests."""

    def __init__(self):
        self.sent: list[OutgoingEmail] = []

    def send(self, message: OutgoingEmail) -> str | None:
        self.sent.append(message)
        return f"memory-{len(self.sent)}"


class SMTPBackend:
    def __init__(self, host: str, port: int, username: str | None, password: str | None,
                 use_tls: bool):
        self.host, self.port = host, port
        self.username, self.password, self.use_tls = username, password, use_tls

    def send(self, message: OutgoingEmail) -> str | None:
        mime = MimeMessage()
        mime["From"], mime["To"], mime["Subject"] = message.sender, message.to, message.subject
        if message.key:
            mime[KEY_HEADER] = message.key
        mime.set_content(message.text)
        mime.add_alternative(message.html, subtype="html")
        try:
            with smtplib.SMTP(self.host, self.port, timeout=SMTP_TIMEOUT_S) as smtp:
                if self.use_tls:
                    smtp.starttls()
                if self.username:
                    smtp.login(self.username, self.password or "")
                smtp.send_message(mime)
        except smtplib.SMTPResponseException as exc:
            if 400 <= exc.smtp_code < 500:
                raise TransientEmailError(f"SMTP {exc.smtp_code}") from exc
            raise PermanentEmailError(f"SMTP {exc.smtp_code}: {exc.smtp_error!r}") from exc
        except (smtplib.SMTPException, OSError) as exc:
            raise TransientEmailError(str(exc)) from exc
        return None


class SendGridBackend:
    """The real SendGrid client; ``host`` may point at another address (tests, proxies)."""

    def __init__(self, api_key: str, host: str):
        self.client = SendGridAPIClient(api_key=api_key, host=host)
        self.client.client.timeout = SENDGRID_TIMEOUT_S

    def send(self, message: OutgoingEmail) -> str | None:
        mail = Mail(from_email=message.sender, to_emails=message.to, subject=message.subject)
        mail.add_content(Content("text/plain", message.text))
        mail.add_content(Content("text/html", message.html))
        if message.key:
            mail.add_header(Header(KEY_HEADER, message.key))
            mail.add_custom_arg(CustomArg("stockroom_email_key", message.key))
        try:
            response = self.client.send(mail)
        except http_errors.HTTPError as exc:
            if exc.status_code == 429 or exc.status_code >= 500:
                raise TransientEmailError(f"SendGrid {exc.status_code}") from exc
            raise PermanentEmailError(f"SendGrid {exc.status_code}: {exc.body!r}") from exc
        except OSError as exc:
            raise TransientEmailError(str(exc)) from exc
        return response.headers.get("X-Message-Id") if response.headers else None


def make_email_backend(config) -> EmailBackend:
    name = config["EMAIL_BACKEND"]
    if name == "console":
        return ConsoleBackend()
    if name == "memory":
        return MemoryBackend()
    if name == "smtp":
        return SMTPBackend(config["SMTP_HOST"], config["SMTP_PORT"], config["SMTP_USERNAME"],
                           config["SMTP_PASSWORD"], config["SMTP_USE_TLS"])
    if name == "sendgrid":
        if not config["SENDGRID_API_KEY"]:
            raise ValueError("EMAIL_BACKEND=sendgrid needs SENDGRID_API_KEY")
        return SendGridBackend(config["SENDGRID_API_KEY"], config["SENDGRID_API_HOST"])
    raise ValueError(f"unknown EMAIL_BACKEND {name!r} (sendgrid, smtp, console or memory)")
