"""Sign-in, token rotation and revocation, the login throttle and password resets."""

from __future__ import annotations

import hashlib
import secrets
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import sqlalchemy as sa
from flask import current_app
from flask_jwt_extended import create_access_token, create_refresh_token
from itsdangerous import BadSignature, URLSafeSerializer

from core import faults
from core.errors import TooManyRequests, ValidationFailed
from models import (
    LoginFailure,
    OutboxEvent,
    PasswordResetToken,
    RefreshToken,
    RevokedToken,
    User,
    db,
    utcnow,
)
from services import guest_carts, outbox
from services.passwords import burn_verification, hash_password, needs_rehash, verify_password
from services.sessions import end_sessions, lock_user
from services.token_blocklist import TokenBlocklist
from services.users import check_password, find_user_by_email, normalize_email

# A signing namespace, not a secret: SECRET_KEY is the secret.
PASSWORD_RESET_SALT = "stockroom.password-reset"  # noqa: S105


@dataclass(frozen=True)
class TokenPair:
    access_token: str
    refresh_token: str
    refresh_jti: str


class InvalidResetToken(ValidationFailed):
    error_code = "invalid_reset_token"


ISSUED_MS_CLAIM = "ims"


def issued_ms(claims: dict) -> int:
    """When a token was issued, in milliseconds (``iat`` has whole seconds only)."""
    value = claims.get(ISSUED_MS_CLAIM)
    return int(value) if isinstance(value, int) else int(claims.get("iat", 0)) * 1000


def tokens_dead(user: User, claims: dict) -> bool:
    """Whether the token was issued at or before its user's sessions were ended."""
    cutoff = user.tokens_valid_after
    return cutoff is not None and issued_ms(claims) <= int(cutoff.timestamp() * 1000)


def issue_tokens(user: User, now: datetime, family_id: str | None = None) -> TokenPair:
    """Issue an access token and a refresh token of ``family_id`` (a new family if None)."""
    family_id = family_id or str(uuid.uuid4())
    refresh_jti = str(uuid.uuid4())
    refresh_ttl: timedelta = current_app.config["JWT_REFRESH_TOKEN_EXPIRES"]
    claims = {"fam": family_id, ISSUED_MS_CLAIM: int(utcnow().timestamp() * 1000)}
    access = create_access_token(identity=str(user.id), additional_claims=claims)
    refresh = create_refresh_token(identity=str(user.id),
                                   additional_claims={**claims, "jti": refresh_jti})
    db.session.add(RefreshToken(jti=refresh_jti, family_id=family_id, user_id=user.id,
                                created_at=now, expires_at=now + refresh_ttl))
    db.session.flush()
    return TokenPair(access, refresh, refresh_jti)


def sign_in(user: User, now: datetime, guest_cart_token: str | None = None) -> TokenPair:
    """Issue a new token pair; a guest cart sent along (``X-Cart-Token``) joins the user's."""
    guest_carts.merge_guest_cart(user.id, guest_cart_token)
    return issue_tokens(user, now)


def authenticate(email: str, password: str, now: datetime) -> User | None:
    """The user these credentials belong to, or None (a failure is recorded).

    Raises ``TooManyRequests`` once the account has had ``LOGIN_FAILURE_LIMIT`` failures in
    ``LOGIN_FAILURE_WINDOW``, whatever the password, and whether or not the account exists,
    so the throttle tells an attacker nothing either.
    """
    config = current_app.config
    key = normalize_email(email)
    window: timedelta = config["LOGIN_FAILURE_WINDOW"]
    _one_login_at_a_time(key)
    count, oldest = db.session.execute(
        db.select(db.func.count(LoginFailure.id), db.func.min(LoginFailure.created_at))
        .where(LoginFailure.email == key, LoginFailure.created_at > now - window)
    ).one()
    if count >= config["LOGIN_FAILURE_LIMIT"]:
        retry_after = (oldest + window - now).total_seconds()
        raise TooManyRequests("Too many failed logins for this account; try again later.",
                              retry_after=int(retry_after) + 1)

    user = find_user_by_email(key)
    if user is None:
        burn_verification(password)
        ok = False
    else:
        ok = verify_password(user.password_hash, password) and user.is_active
    if not ok:
        db.session.add(LoginFailure(email=key, created_at=now))
        db.session.flush()
        return None

    if needs_rehash(user.password_hash):
        user.password_hash = hash_password(password)
    db.session.execute(db.delete(LoginFailure).where(LoginFailure.email == key))
    db.session.flush()
    return user


def _one_login_at_a_time(account: str) -> None:
    """Serialize the logins of one account until this transaction ends, so that the
    failures are counted before the password is verified: of 20 wrong passwords sent at
    once, exactly ``LOGIN_FAILURE_LIMIT`` are verified and the rest are 429. A transaction-
    scoped advisory lock on PostgreSQL (no row to create first); SQLite's transactions
    already take the database's write lock when they begin."""
    if db.session.get_bind().dialect.name == "postgresql":
        db.session.execute(sa.text("SELECT pg_advisory_xact_lock(hashtext(:key))"),
                           {"key": f"stockroom.login:{account}"})


def rotate_refresh_token(jti: str, user_id: int, now: datetime) -> TokenPair | None:
    """Spend a refresh token for a new pair in the same family; None if it cannot be used.

    A token that was already rotated or revoked being presented again means a copy is
    in someone else's hands: the whole family is revoked (OAuth 2.0 Security BCP 4.14.2).
    The user's row lock comes first (as in every revocation), then the token's: two
    concurrent uses of one token resolve as one use and one reuse, and a revocation racing
    this refresh either finds the new token or is found by it.
    """
    user = lock_user(user_id)
    faults.step("refresh.user_locked")
    token = db.session.scalar(
        db.select(RefreshToken).where(RefreshToken.jti == jti).with_for_update()
        .execution_options(populate_existing=True)
    )
    if token is None or token.user_id != user_id or user is None:
        return None
    if token.revoked_at is not None:
        revoke_refresh_family(token.family_id, now)
        return None
    if token.expires_at <= now or not user.is_active:
        return None
    if user.tokens_valid_after is not None and token.created_at <= user.tokens_valid_after:
        return None
    pair = issue_tokens(user, now, family_id=token.family_id)
    token.revoked_at = now
    token.replaced_by = pair.refresh_jti
    db.session.flush()
    return pair


def revoke_refresh_family(family_id: str, now: datetime) -> None:
    db.session.execute(
        db.update(RefreshToken)
        .where(RefreshToken.family_id == family_id, RefreshToken.revoked_at.is_(None))
        .values(revoked_at=now)
    )


def logout(access_claims: dict, blocklist: TokenBlocklist, now: datetime) -> None:
    """Revoke the presented access token and every token of its sign-in (its family):
    the refresh tokens, and access tokens a refresh racing this logout issued, which the
    family's own blocklist entry ends. Under the user's lock, like every revocation."""
    lock_user(int(access_claims["sub"]))
    expires_at = datetime.fromtimestamp(access_claims["exp"], UTC)
    blocklist.revoke(access_claims["jti"], expires_at)
    family_id = access_claims.get("fam")
    if family_id:
        refresh_ttl: timedelta = current_app.config["JWT_REFRESH_TOKEN_EXPIRES"]
        blocklist.revoke(family_id, now + refresh_ttl)
        revoke_refresh_family(family_id, now)
    db.session.flush()


def _reset_serializer() -> URLSafeSerializer:
    return URLSafeSerializer(current_app.config["SECRET_KEY"], salt=PASSWORD_RESET_SALT)


def reset_token_for(reset: PasswordResetToken) -> str:
    """The token emailed for ``reset``. It is derived, never stored: the table holds only
    the nonce, and forging a token needs ``SECRET_KEY`` too."""
    return _reset_serializer().dumps({"id": reset.id, "n": reset.nonce})


# The event a reset request records, and the aggregate it is filed under: the address's
# digest, so that the request of an unknown address names nobody in the aggregate index.
RESET_REQUESTED = "user.password_reset_requested"
RESET_REQUEST_AGGREGATE = "password_reset_request"


def _reset_request_key(email: str) -> str:
    return hashlib.sha256(normalize_email(email).encode()).hexdigest()


def request_password_reset(email: str) -> OutboxEvent:
    """Record a reset request for ``email``, known or not; the email task resolves it.

    The request does the same work whoever the address belongs to (one event), so neither
    the answer nor its time tells whether an account exists: looking the account up, voiding
    its open resets and making the new one happen in the task (``reset_for_request``).
    """
    return outbox.record_event(RESET_REQUESTED, RESET_REQUEST_AGGREGATE,
                               _reset_request_key(email), {"email": normalize_email(email)})


def reset_for_request(event: OutboxEvent) -> PasswordResetToken | None:
    """The reset that answers a request event: made on the first run, found on a second.

    None, having done nothing, for an unknown or inactive account, and for a request that a
    newer one for the same address supersedes (the newer one's email is the one to send;
    its task may run first or last). The reset's life counts from the request.
    """
    made = db.session.scalar(sa.select(PasswordResetToken)
                             .where(PasswordResetToken.request_event_id == event.id))
    if made is not None:
        return made
    newer = db.session.scalar(
        sa.select(OutboxEvent.id)
        .where(OutboxEvent.aggregate_type == RESET_REQUEST_AGGREGATE,
               OutboxEvent.aggregate_id == event.aggregate_id, OutboxEvent.id > event.id)
        .limit(1))
    if newer is not None:
        return None
    user = find_user_by_email(event.data["email"])
    if user is None or not user.is_active:
        return None
    return issue_password_reset(user.id, event.created_at, request_event_id=event.id)


def issue_password_reset(user_id: int, now: datetime,
                         request_event_id: int | None = None) -> PasswordResetToken:
    """Void the user's open resets and make a new one. Under the user's lock, so that two
    requests resolved at once leave one usable reset."""
    lock_user(user_id)
    db.session.execute(
        db.update(PasswordResetToken)
        .where(PasswordResetToken.user_id == user_id, PasswordResetToken.used_at.is_(None),
               PasswordResetToken.voided_at.is_(None))
        .values(voided_at=now)
    )
    reset = PasswordResetToken(user_id=user_id, nonce=secrets.token_urlsafe(32),
                               created_at=now, request_event_id=request_event_id,
                               expires_at=now + current_app.config["PASSWORD_RESET_TTL"])
    db.session.add(reset)
    db.session.flush()
    return reset


def find_usable_reset(token: str, now: datetime) -> PasswordResetToken | None:
    try:
        payload = _reset_serializer().loads(token)
        reset_id, nonce = int(payload["id"]), str(payload["n"])
    except (BadSignature, KeyError, TypeError, ValueError):
        return None
    reset = db.session.get(PasswordResetToken, reset_id)
    if reset is None or not secrets.compare_digest(reset.nonce, nonce):
        return None
    return reset if reset.is_usable(now) else None


def confirm_password_reset(token: str, new_password: str, now: datetime) -> User:
    """Set a new password with a reset token, spend the token, sign the user out everywhere.

    Raises ``InvalidResetToken`` (422) for a token that is forged, spent, voided or expired.
    """
    check_password(new_password)
    reset = find_usable_reset(token, now)
    if reset is None:
        raise InvalidResetToken("This reset link is invalid or has expired.",
                                errors={"token": ["Invalid or expired token."]})
    # A conditional update spends the token exactly once even if two requests race.
    spent = db.session.execute(
        db.update(PasswordResetToken)
        .where(PasswordResetToken.id == reset.id, PasswordResetToken.used_at.is_(None))
        .values(used_at=now)
    ).rowcount
    if spent != 1:
        raise InvalidResetToken("This reset link is invalid or has expired.",
                                errors={"token": ["Invalid or expired token."]})
    user = db.session.get(User, reset.user_id)
    user.password_hash = hash_password(new_password)
    end_sessions(user.id)
    return user


def purge_expired(now: datetime) -> int:
    """Delete auth rows that can no longer matter. Returns how many went."""
    removed = 0
    window = current_app.config["LOGIN_FAILURE_WINDOW"]
    for statement in (
        db.delete(LoginFailure).where(LoginFailure.created_at < now - window),
        db.delete(RefreshToken).where(RefreshToken.expires_at < now),
        db.delete(PasswordResetToken).where(PasswordResetToken.expires_at < now),
    ):
        removed += db.session.execute(statement).rowcount
    removed += db.session.execute(
        db.delete(RevokedToken).where(RevokedToken.expires_at < now)).rowcount
    return removed
