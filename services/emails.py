"""Emails the system sends: rendered from file templates, recorded, and sent once.

Sending is two steps with a commit between (the task does the commits): ``claim_email``
records the message for its (kind, dedupe key) with a lease, or finds it sent or held by a
live claim, and ``deliver_email`` hands it to the backend. A task that runs twice finds the
claim and sends nothing. A claim whose worker died (the lease ran out) and a send that
failed transiently are claimed again by the next run, which the outbox's redo sweep makes
happen; a message refused for good is recorded, and its event finished.

Exactly once cannot be had across a crash between SendGrid accepting a message and the
worker recording it: the message was sent, and nothing here knows. It is sent again once
the lease is over (at least once). The window is kept to that one round trip: the outcome
is recorded in the statement right after the send, and each message carries its key
(``X-Stockroom-Email-Key``, ``kind:dedupe_key``) for a receiver that drops duplicates.
"""

from __future__ import annotations

from datetime import timedelta

from flask import current_app, render_template

from core import faults
from models import EmailMessage, EmailStatus, Order, PasswordResetToken, User, db, utcnow
from services import currencies, email_verification, guest_orders
from services.auth import reset_token_for
from services.email_backends import EmailBackend, OutgoingEmail, PermanentEmailError

SUBJECTS = {
    "password_reset": "Reset your Stockroom password",
    "welcome": "Welcome to Stockroom",
    "verify_email": "Confirm your email address for Stockroom",
    "order_confirmation": "Your Stockroom order {number} is confirmed",
    "payment_failed": "The payment for your Stockroom order {number} failed",
    "order_refunded": "Your Stockroom order {number} was refunded",
    "order_shipped": "Your Stockroom order {number} is on its way",
    "order_delivered": "Your Stockroom order {number} was delivered",
    "order_edited": "Your Stockroom order {number} was changed",
    "return_update": "Your return for Stockroom order {number}: {step}",
    "low_stock_alert": "Low stock: {sku} has {available} left",
    "low_stock_digest": "Low stock digest for {day}: {count} variants",
}
# Which email a notification or order event sends: kind -> email template.
ORDER_EMAILS = {
    "order_confirmed": "order_confirmation",
    "payment_failed": "payment_failed",
    "order_refunded": "order_refunded",
    "order_shipped": "order_shipped",
    "order_delivered": "order_delivered",
    "order_edited": "order_edited",
    "return_update": "return_update",
}
# The subject's words for each step of a return.
RETURN_STEPS = {"requested": "request received", "approved": "approved",
                "rejected": "not accepted", "received": "items received",
                "refunded": "refunded"}


def email_backend() -> EmailBackend:
    return current_app.extensions["stockroom.email_backend"]


def claim_email(kind: str, dedupe_key: str, to: str,
                subject: str | None = None) -> EmailMessage | None:
    """Claim the right to send (kind, dedupe_key) for the claim's lease; None when it was
    sent or is held by a claim whose lease still runs.

    On PostgreSQL the row lock makes two workers that claim at once take turns; the first
    claim of a message is an insert, and the unique key makes a second one fail (the task
    retries and finds the claim).
    """
    now = utcnow()
    lease = now + timedelta(seconds=current_app.config["EMAIL_CLAIM_LEASE_SECONDS"])
    message = db.session.scalar(
        db.select(EmailMessage)
        .where(EmailMessage.kind == kind, EmailMessage.dedupe_key == dedupe_key)
        .with_for_update().execution_options(populate_existing=True)
    )
    if message is None:
        message = EmailMessage(kind=kind, dedupe_key=dedupe_key, to_address=to,
                               subject=subject or SUBJECTS[kind], status=EmailStatus.SENDING.value,
                               attempts=1, claimed_until=lease)
        db.session.add(message)
    elif (message.status == EmailStatus.FAILED.value
          or (message.status == EmailStatus.SENDING.value
              and (message.claimed_until is None or message.claimed_until <= now))):
        message.status = EmailStatus.SENDING.value
        message.attempts += 1
        message.claimed_until = lease
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
        key=f"{message.kind}:{message.dedupe_key}",
        text=render_template(f"emails/{message.kind}.txt", **context),
        html=render_template(f"emails/{message.kind}.html", **context),
        sender=current_app.config["EMAIL_FROM"],
    )
    try:
        provider_message_id = backend.send(outgoing)
    except PermanentEmailError as exc:
        message.status, message.error = EmailStatus.FAILED.value, str(exc)
        message.claimed_until = None
        db.session.flush()
        return
    except Exception as exc:
        message.status, message.error = EmailStatus.FAILED.value, str(exc)
        message.claimed_until = None
        db.session.flush()
        raise
    faults.step("email.sent")
    message.provider_message_id = provider_message_id
    message.status, message.error, message.sent_at = EmailStatus.SENT.value, None, utcnow()
    message.claimed_until = None
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


def prepare_account_email(kind: str, user_id: int,
                          verification_id: int | None) -> tuple[EmailMessage, dict] | None:
    """Claim the ``welcome`` email of a new account (one per account, with the first
    verification link) or a ``verify_email`` one (one per link); None when it was sent, or
    when its link can no longer work (a verification email without one is pointless)."""
    user = db.session.get(User, user_id)
    verification = (email_verification.usable(verification_id, utcnow())
                    if verification_id is not None else None)
    if user is None or (kind == "verify_email" and verification is None):
        return None
    dedupe_key = f"user:{user.id}" if kind == "welcome" else f"verification:{verification_id}"
    message = claim_email(kind, dedupe_key, user.email)
    if message is None:
        return None
    context = {"user": user, "verify_url": None, "token": None,
               "expires_hours": int(current_app.config["EMAIL_VERIFICATION_TTL"]
                                    .total_seconds() // 3600)}
    if verification is not None and not user.email_verified:
        token = email_verification.token_for(verification)
        base = current_app.config["FRONTEND_URL"].rstrip("/")
        context.update(token=token, verify_url=f"{base}/verify-email?token={token}")
    return message, context


format_money = currencies.format_money


def prepare_order_email(notification: str, order_id: int,
                        data: dict) -> tuple[EmailMessage, dict] | None:
    """Claim the email that ``notification`` (``order_confirmed``, ``payment_failed``,
    ``order_refunded``) sends about an order; None for a notification without an email, or
    one already sent. One email per (order, kind); a refund's is per refund row, so that
    the customer is told of each refund once, as the ledger has them."""
    kind = ORDER_EMAILS.get(notification)
    order = db.session.get(Order, order_id)
    if kind is None or order is None:
        return None
    dedupe_key = f"order:{order.id}"
    subject = SUBJECTS[kind].format(number=order.number,
                                    step=RETURN_STEPS.get(data.get("step", ""), ""))
    if kind == "return_update":
        dedupe_key = f"return:{data['return_id']}:{data['step']}"
    if kind == "order_edited":
        dedupe_key = f"edit:{data['edit_id']}"
    if kind == "order_shipped" and data.get("shipment_id"):
        # One email per parcel, with its own lines and tracking.
        dedupe_key = f"shipment:{data['shipment_id']}"
        if not data.get("complete", True):
            subject = f"Part of your Stockroom order {order.number} is on its way"
    if kind == "order_refunded":
        dedupe_key = f"refund:{data['refund_id']}" if data.get("refund_id") else \
            f"{dedupe_key}:{data.get('amount_refunded', order.amount_refunded)}"
    message = claim_email(kind, dedupe_key, order.email, subject)
    if message is None:
        return None
    user = db.session.get(User, order.user_id) if order.user_id is not None else None
    base = current_app.config["FRONTEND_URL"].rstrip("/")
    order_url = f"{base}/orders/{order.id}"
    if order.guest_nonce is not None:
        # A guest's order opens with its token: the link carries it.
        order_url += f"?token={guest_orders.order_token(order)}"
    context = {
        "user": user, "name": user.full_name if user else order.shipping_address.get(
            "full_name") or "there",
        "order": order, "order_url": order_url,
        "total": format_money(order.total, order.currency),
        "lines": [(item, format_money(item.line_total, order.currency))
                  for item in order.items],
        "reason": data.get("reason"),
        "refunded": format_money(data.get("amount", order.amount_refunded), order.currency),
        "refunded_in_all": format_money(order.amount_refunded, order.currency),
        "tracking_number": data.get("tracking_number", order.tracking_number),
        "carrier": data.get("carrier", order.carrier),
        "shipped": _shipped_lines(order, data.get("lines")),
        "complete": data.get("complete", True),
        "step": data.get("step"), "return_id": data.get("return_id"),
        "return_refund": format_money(data.get("refund_total") or 0, order.currency),
        "total_before": format_money(data.get("total_before") or 0, order.currency),
        "balance_due": format_money(data.get("balance_due") or 0, order.currency)
        if data.get("balance_due") else None,
        "edit_refund": format_money(data.get("refund") or 0, order.currency)
        if data.get("refund") else None,
    }
    return message, context


def _shipped_lines(order: Order, lines: list[dict] | None) -> list[tuple[int, str]]:
    """A shipment's lines as (quantity, "product (variant)"), for its email."""
    items = {item.id: item for item in order.items}
    return [(line["quantity"], f"{items[line['order_item_id']].product_name} "
                               f"({items[line['order_item_id']].variant_name})")
            for line in lines or [] if line["order_item_id"] in items]


def prepare_low_stock_alert(event_id: int, data: dict) -> tuple[EmailMessage, dict] | None:
    """Claim the alert for one crossing of a variant's threshold (the event is the
    crossing), to ``ADMIN_ALERT_EMAILS``; None when nobody is to be told."""
    receivers = current_app.config["ADMIN_ALERT_EMAILS"]
    if not receivers:
        return None
    subject = SUBJECTS["low_stock_alert"].format(sku=data["sku"], available=data["available"])
    message = claim_email("low_stock_alert", f"crossing:{event_id}", ", ".join(receivers),
                          subject)
    if message is None:
        return None
    return message, {"variants": [data], "admin_url": _admin_url()}


def prepare_low_stock_digest(day: str, variants: list[dict]) -> tuple[EmailMessage, dict] | None:
    """Claim the day's digest of every variant at or under its threshold."""
    receivers = current_app.config["ADMIN_ALERT_EMAILS"]
    if not receivers or not variants:
        return None
    subject = SUBJECTS["low_stock_digest"].format(day=day, count=len(variants))
    message = claim_email("low_stock_digest", f"day:{day}", ", ".join(receivers), subject)
    if message is None:
        return None
    return message, {"variants": variants, "admin_url": _admin_url(), "day": day}


def _admin_url() -> str:
    return current_app.config["FRONTEND_URL"].rstrip("/") + "/admin/inventory/low-stock"
