"""A user's sessions as a whole: the lock that token issue by refresh and every revocation
take, and ending every session at once."""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa

from models import RefreshToken, User, db, utcnow


def lock_user(user_id: int) -> User | None:
    """The user, row-locked: what token issue by refresh and every revocation take first,
    so that a refresh cannot mint a token while a revocation is under way unseen by it."""
    return db.session.scalar(sa.select(User).where(User.id == user_id).with_for_update()
                             .execution_options(populate_existing=True))


def end_sessions(user_id: int) -> None:
    """End every session of the user (password reset, logout-all, deactivation): under the
    user's lock, every token issued until now is dead (``tokens_valid_after``, checked on
    every request) and every refresh token is revoked. The moment is taken once the lock
    is held: a refresh that held it first issued its tokens before, and they die too."""
    user = lock_user(user_id)
    if user is None:
        return
    now = utcnow()
    user.tokens_valid_after = now
    revoke_all_refresh_tokens(user_id, now)
    db.session.flush()


def revoke_all_refresh_tokens(user_id: int, now: datetime) -> None:
    db.session.execute(
        db.update(RefreshToken)
        .where(RefreshToken.user_id == user_id, RefreshToken.revoked_at.is_(None))
        .values(revoked_at=now)
    )
