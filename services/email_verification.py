"""Email verification: a single-use token mailed to the account's address, spent to prove
the address is the owner's. Registration mails the first one inside the welcome email;
``POST /auth/verify-email`` mails a fresh one (voiding the older).

The token is a signature over the row's ``id`` and ``nonce`` (never stored whole), as the
password reset's is, with its own salt so that one kind can never be spent as the other.
"""

from __future__ import annotations

import secrets
from datetime import datetime

from flask import current_app
from itsdangerous import BadSignature, URLSafeSerializer

from core.errors import Conflict, ValidationFailed
from models import EmailVerificationToken, User, db
from services import guest_orders, outbox
from services.sessions import lock_user

# A signing namespace, not a secret: SECRET_KEY is the secret.
VERIFICATION_SALT = "stockroom.email-verification"
REGISTERED = "user.registered"
VERIFICATION_REQUESTED = "user.email_verification_requested"


class AlreadyVerified(Conflict):
    error_code = "email_already_verified"


class InvalidVerificationToken(ValidationFailed):
    error_code = "invalid_verification_token"


def _serializer() -> URLSafeSerializer:
    return URLSafeSerializer(current_app.config["SECRET_KEY"], salt=VERIFICATION_SALT)


def token_for(verification: EmailVerificationToken) -> str:
    return _serializer().dumps({"id": verification.id, "n": verification.nonce})


def _issue(user_id: int, now: datetime) -> EmailVerificationToken:
    db.session.execute(
        db.update(EmailVerificationToken)
        .where(EmailVerificationToken.user_id == user_id,
               EmailVerificationToken.used_at.is_(None),
               EmailVerificationToken.voided_at.is_(None))
        .values(voided_at=now))
    verification = EmailVerificationToken(
        user_id=user_id, nonce=secrets.token_urlsafe(32), created_at=now,
        expires_at=now + current_app.config["EMAIL_VERIFICATION_TTL"])
    db.session.add(verification)
    db.session.flush()
    return verification


def welcome(user: User, now: datetime) -> None:
    """Record the welcome email of a new account; it carries the first verification link
    unless the address is verified already (an OpenID provider vouched for it)."""
    verification = None if user.email_verified else _issue(user.id, now)
    outbox.record_event(REGISTERED, "user", user.id, {
        "user_id": user.id, "verification_id": verification.id if verification else None})


def request_verification(user: User, now: datetime) -> EmailVerificationToken:
    """Mail a fresh verification link (the older ones stop working); 409 when verified."""
    if user.email_verified:
        raise AlreadyVerified("This email address is verified already.")
    verification = _issue(user.id, now)
    outbox.record_event(VERIFICATION_REQUESTED, "user", user.id,
                        {"user_id": user.id, "verification_id": verification.id})
    return verification


def usable(verification_id: int, now: datetime) -> EmailVerificationToken | None:
    verification = db.session.get(EmailVerificationToken, verification_id)
    return verification if verification is not None and verification.is_usable(now) else None


def confirm(token: str, now: datetime) -> User:
    """Spend a verification token: the account's address is verified from ``now``.

    Raises ``InvalidVerificationToken`` (422) for one forged, spent, voided or expired.
    """
    try:
        payload = _serializer().loads(token)
        verification_id, nonce = int(payload["id"]), str(payload["n"])
    except (BadSignature, KeyError, TypeError, ValueError):
        verification_id, nonce = None, ""
    verification = (db.session.get(EmailVerificationToken, verification_id,
                                   with_for_update=True)
                    if verification_id is not None else None)
    if (verification is None or not secrets.compare_digest(verification.nonce, nonce)
            or not verification.is_usable(now)):
        raise InvalidVerificationToken("This verification link is invalid or has expired.",
                                       errors={"token": ["Invalid or expired."]})
    user = lock_user(verification.user_id)
    verification.used_at = now
    if user.email_verified_at is None:
        user.email_verified_at = now
    guest_orders.attach_to(user)
    db.session.flush()
    return user
