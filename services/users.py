"""Accounts: registration, profile changes and administrators."""

from __future__ import annotations

from email_validator import EmailNotValidError, validate_email

from core.errors import Conflict, NotFound, ValidationFailed
from models import Role, User, db
from services import sessions
from services.passwords import hash_password

MIN_PASSWORD_LENGTH = 10


class EmailTaken(Conflict):
    error_code = "email_taken"


def normalize_email(email: str) -> str:
    """The canonical form accounts are keyed by: trimmed and lower-cased."""
    return email.strip().lower()


def check_email(email: str) -> str:
    try:
        result = validate_email(email, check_deliverability=False)
    except EmailNotValidError as exc:
        raise ValidationFailed("Invalid email address.", errors={"email": [str(exc)]}) from exc
    return normalize_email(result.normalized)


def check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise ValidationFailed(
            "Password too weak.",
            errors={"password": [f"Must be at least {MIN_PASSWORD_LENGTH} characters."]},
        )


def find_user_by_email(email: str) -> User | None:
    return db.session.scalar(db.select(User).where(User.email == normalize_email(email)))


def register_user(email: str, password: str, full_name: str,
                  role: str = Role.CUSTOMER.value) -> User:
    """Create an account. Raises ``EmailTaken`` (409) or ``ValidationFailed`` (422)."""
    email = check_email(email)
    check_password(password)
    if find_user_by_email(email) is not None:
        raise EmailTaken("An account with this email already exists.")
    user = User(email=email, password_hash=hash_password(password),
                full_name=full_name.strip(), role=role)
    db.session.add(user)
    db.session.flush()
    return user


def update_profile(user: User, *, full_name: str | None = None) -> User:
    if full_name is not None:
        user.full_name = full_name.strip()
    db.session.flush()
    return user


def create_admin(email: str, password: str, full_name: str = "Administrator") -> tuple[User, bool]:
    """Create an admin, or promote an existing account. Returns the user and whether it is new.

    Promoting leaves the existing password alone: the command must not be a way to reset one.
    """
    user = find_user_by_email(email)
    if user is None:
        return register_user(email, password, full_name, role=Role.ADMIN.value), True
    user.role = Role.ADMIN.value
    user.is_active = True
    db.session.flush()
    return user, False


class CannotChangeSelf(Conflict):
    error_code = "cannot_change_own_account"


def user_listing(q: str | None, role: str | None, is_active: bool | None):
    import sqlalchemy as sa

    query = sa.select(User).order_by(User.id)
    if q:
        needle = q.strip().lower()
        query = query.where(sa.or_(User.email.contains(needle, autoescape=True),
                                   sa.func.lower(User.full_name).contains(needle,
                                                                          autoescape=True)))
    if role:
        query = query.where(User.role == role)
    if is_active is not None:
        query = query.where(User.is_active.is_(is_active))
    return query


class UserNotFound(NotFound):
    error_code = "user_not_found"


def get_user(user_id: int) -> User:
    user = db.session.get(User, user_id)
    if user is None:
        raise UserNotFound("User not found.")
    return user


def admin_update_user(admin: User, user_id: int, changes: dict) -> User:
    """Change a user's role or deactivate them. A deactivated user's tokens stop working at
    once (every request looks the user up); an admin cannot demote or deactivate themself,
    so the store always keeps the admin who acts."""
    user = get_user(user_id)
    if user.id == admin.id and (changes.get("role", user.role) != user.role
                                or changes.get("is_active", True) is False):
        raise CannotChangeSelf("You cannot change your own role or deactivate yourself.")
    for name in ("role", "is_active"):
        if name in changes:
            setattr(user, name, changes[name])
    db.session.flush()
    if changes.get("is_active") is False:
        # Reactivating must not bring the old sessions back: they end here, for good.
        sessions.end_sessions(user.id)
    return user
