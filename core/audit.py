"""The audit log: every write an admin or a seller makes, recorded in the same transaction.

A session hook (after each flush) turns the ORM's own change history into rows: who (the
signed-in admin or seller), which record, which fields from what to what, when, from which
address and request. Writes that bypass the ORM's unit of work (conditional stock updates)
record themselves with ``record``. Internal bookkeeping tables are left out, and secrets
are never copied.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from uuid import UUID

import sqlalchemy as sa
from flask import g, has_request_context, request
from sqlalchemy import event, inspect
from sqlalchemy.orm import Session

from models import AuditLog, utcnow

AUDITED_ROLES = frozenset({"admin", "seller"})
# Bookkeeping the system writes on its own account, or the actor's own session state.
NOT_AUDITED = frozenset({
    "audit_log", "outbox_events", "webhook_deliveries", "webhook_attempts",
    "idempotency_keys", "email_messages", "payment_events", "refresh_tokens",
    "revoked_tokens", "login_failures", "password_reset_tokens", "heartbeats",
    "daily_sales", "fake_payments", "carts", "cart_items", "order_events",
})
REDACTED = frozenset({"password_hash", "secret"})


@dataclass(frozen=True)
class Actor:
    user_id: int
    role: str


def set_actor(user_id: int, role: str) -> None:
    """Called when a request is authenticated: whose writes these are."""
    g.audit_actor = Actor(user_id, role)


def _actor() -> Actor | None:
    if not has_request_context():
        return None
    actor = g.get("audit_actor")
    return actor if actor is not None and actor.role in AUDITED_ROLES else None


def _plain(value):
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, UUID):
        return str(value)
    if isinstance(value, enum.Enum):
        return value.value
    return value


def _row(actor: Actor, action: str, entity: str, entity_id, changes: dict) -> dict:
    return {"actor_id": actor.user_id, "actor_role": actor.role, "action": action,
            "entity": entity, "entity_id": str(entity_id), "changes": changes,
            "ip": request.remote_addr, "request_id": g.get("request_id"), "at": utcnow()}


def _changes(obj, action: str) -> dict:
    state = inspect(obj)
    changes = {}
    for column in state.mapper.column_attrs:
        key = column.key
        if action == "update":
            history = state.attrs[key].history
            if not history.has_changes():
                continue
            before = history.deleted[0] if history.deleted else None
            after = history.added[0] if history.added else None
            if before == after:
                continue
        else:
            # What the instance holds; a column the database filled in is not loaded yet.
            value = state.dict.get(key)
            before, after = (None, value) if action == "create" else (value, None)
        if key in REDACTED:
            before, after = (before and "[redacted]"), (after and "[redacted]")
        changes[key] = [_plain(before), _plain(after)]
    return changes


def _entity_id(obj) -> str:
    state = inspect(obj)
    key = state.mapper.primary_key_from_instance(obj)
    return ",".join(str(part) for part in key)


def record(entity: str, entity_id, changes: dict, action: str = "update") -> None:
    """Record a write that did not go through the ORM's unit of work."""
    from models import db

    actor = _actor()
    if actor is not None and changes:
        db.session.execute(sa.insert(AuditLog).values(
            **_row(actor, action, entity, entity_id,
                   {k: [_plain(b), _plain(a)] for k, (b, a) in changes.items()})))


# Every ORM session, the app's and the tests' alike; registered once, at import.
@event.listens_for(Session, "after_flush")
def _audit_flush(session: Session, flush_context) -> None:
    actor = _actor()
    if actor is None:
        return
    rows = []
    for action, objects in (("create", session.new), ("update", session.dirty),
                            ("delete", session.deleted)):
        for obj in objects:
            table = getattr(obj, "__tablename__", None)
            if table is None or table in NOT_AUDITED:
                continue
            if action == "update" and not session.is_modified(obj, include_collections=False):
                continue
            changes = _changes(obj, action)
            if changes:
                rows.append(_row(actor, action, table, _entity_id(obj), changes))
    if rows:
        session.connection().execute(sa.insert(AuditLog), rows)
