"""Auth state: refresh-token families, revoked access tokens, reset and email verification
tokens, failed logins."""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from models.base import UTCDateTime, db, utcnow


class RefreshToken(db.Model):
    """One issued refresh token. Tokens that replace one another share a ``family_id``.

    Rotation revokes the presented token; presenting a revoked one again means it was
    stolen or replayed, so the whole family is revoked.
    """

    __tablename__ = "refresh_tokens"

    jti: Mapped[str] = mapped_column(sa.String(36), primary_key=True)
    family_id: Mapped[str] = mapped_column(sa.String(36), nullable=False, index=True)
    user_id: Mapped[int] = mapped_column(
        sa.ForeignKey("users.id", ondelete="CASCADE"), nullable=False, index=True
    )
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, nullable=False)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime(), nullable=False)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    replaced_by: Mapped[str | None] = mapped_column(sa.String(36))


class RevokedToken(db.Model):
    """An access token revoked before its expiry (the database blocklist)."""

    __tablename__ = "revoked_tokens"

    jti: Mapped[str] = mapped_column(sa.String(36), primary_key=True)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime(), nullable=False, index=True)


class SingleUseToken:
    """A token mailed to the user and spent once: the email carries a signature over
    ``id`` and ``nonce`` (never stored whole); a newer one voids the older."""

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(
        sa.ForeignKey("users.id", ondelete="CASCADE"), nullable=False, index=True
    )
    nonce: Mapped[str] = mapped_column(sa.String(64), nullable=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, nullable=False)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime(), nullable=False)
    used_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    voided_at: Mapped[datetime | None] = mapped_column(UTCDateTime())

    def is_usable(self, now: datetime) -> bool:
        return self.used_at is None and self.voided_at is None and self.expires_at > now


class PasswordResetToken(SingleUseToken, db.Model):
    """A single-use password reset."""

    __tablename__ = "password_reset_tokens"

    # The request (its outbox event) this reset answers: a task that runs twice for one
    # request finds the reset it made instead of making a second.
    request_event_id: Mapped[int | None] = mapped_column(
        sa.BigInteger().with_variant(sa.Integer, "sqlite"), unique=True)


class EmailVerificationToken(SingleUseToken, db.Model):
    """A single-use proof that the user reads their mailbox."""

    __tablename__ = "email_verification_tokens"


class LoginFailure(db.Model):
    """A failed login, counted per account (the normalised email, known or not)."""

    __tablename__ = "login_failures"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(sa.String(254), nullable=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, nullable=False)

    __table_args__ = (sa.Index("ix_login_failures_email_created_at", "email", "created_at"),)


class OAuthState(db.Model):
    """An OpenID Connect sign-in under way: what the callback needs to finish it (the PKCE
    verifier, the nonce the ID token must carry), kept server-side under its ``state``.
    Single use: the callback deletes it. The browser holds the state in a cookie too, so a
    callback that another browser started is refused (login CSRF)."""

    __tablename__ = "oauth_states"

    state: Mapped[str] = mapped_column(sa.String(64), primary_key=True)
    provider: Mapped[str] = mapped_column(sa.String(64), nullable=False)
    nonce: Mapped[str] = mapped_column(sa.String(64), nullable=False)
    code_verifier: Mapped[str] = mapped_column(sa.String(128), nullable=False)
    redirect_uri: Mapped[str] = mapped_column(sa.String(500), nullable=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, nullable=False)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime(), nullable=False, index=True)


class OAuthIdentity(db.Model):
    """An account at an OpenID provider (its issuer's ``sub``) linked to a Stockroom user:
    later sign-ins find the user by it, whatever the provider then says the email is."""

    __tablename__ = "oauth_identities"

    id: Mapped[int] = mapped_column(primary_key=True)
    provider: Mapped[str] = mapped_column(sa.String(64), nullable=False)
    subject: Mapped[str] = mapped_column(sa.String(255), nullable=False)
    user_id: Mapped[int] = mapped_column(
        sa.ForeignKey("users.id", ondelete="CASCADE"), nullable=False, index=True
    )
    email: Mapped[str | None] = mapped_column(sa.String(254))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, nullable=False)

    __table_args__ = (sa.UniqueConstraint("provider", "subject"),)
