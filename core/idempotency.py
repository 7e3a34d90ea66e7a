"""Idempotency keys for requests that must take effect once (``Idempotency-Key``).

An edge concern, like the commit itself: it lives beside the resources, not in services.

The key is claimed in the work's own transaction, by one insert that does nothing if the
key is already there. A second request with the key, arriving while the first still runs,
waits on that insert until the first request's transaction ends (the unique index on
PostgreSQL, the write lock on SQLite), then sees the claim: the stored answer to replay, or
409 while the first request is still in a later phase. The answer is stored with the work,
in the work's transaction; a later request with the key and the same body gets it back. A
request that fails gives its key back: a failure in the first transaction rolls the claim
back with the work, and a later failure releases it. A claim whose request died is taken
over after ``LEASE``.

Work in two phases (an order committed, then a payment started at the provider) records a
checkpoint: the first phase's record, committed with it. If a later phase fails, the key is
kept with its checkpoint, and a retry with the key resumes from there instead of starting
over (Stripe's "idempotency keys with recovery points").
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime, timedelta

import sqlalchemy as sa
from flask import Response, jsonify, request

from core.errors import Conflict, DomainError, ValidationFailed
from models import IdempotencyKey, db, insert_ignoring_conflict

LEASE = timedelta(minutes=2)
RETENTION = timedelta(hours=48)
MAX_KEY_LENGTH = 255


class BadIdempotencyKey(DomainError):
    http_status = 400
    error_code = "bad_idempotency_key"


class KeyInFlight(Conflict):
    error_code = "idempotency_key_in_flight"


class KeyReused(ValidationFailed):
    error_code = "idempotency_key_reused"


@dataclass(frozen=True)
class Claim:
    key_id: int | None = None
    replay: tuple[int, dict] | None = None
    # The checkpoint of an earlier attempt with this key, to resume from.
    resource_id: int | None = None


def request_hash(body: dict) -> str:
    canonical = json.dumps(body, sort_keys=True, separators=(",", ":"), default=str)
    return hashlib.sha256(canonical.encode()).hexdigest()


def check_key(key: str | None) -> str:
    if key is None or not key.strip():
        raise BadIdempotencyKey("The Idempotency-Key header is required.")
    if len(key) > MAX_KEY_LENGTH:
        raise BadIdempotencyKey(f"The Idempotency-Key header is at most {MAX_KEY_LENGTH} "
                                "characters.")
    return key


@dataclass(frozen=True)
class Owner:
    """Whose key it is: a signed-in user's, or a guest cart's (``guest_cart``: the SHA-256
    of the cart's token, which is the guest's only identity). Keys of one owner never
    meet another's."""

    user_id: int | None = None
    guest_cart: str | None = None

    @classmethod
    def of(cls, owner: Owner | int) -> Owner:
        return owner if isinstance(owner, Owner) else cls(user_id=owner)

    @classmethod
    def guest(cls, cart_token: str) -> Owner:
        return cls(guest_cart=hashlib.sha256(cart_token.encode()).hexdigest())

    def clause(self) -> sa.ColumnElement:
        if self.user_id is not None:
            return IdempotencyKey.user_id == self.user_id
        return IdempotencyKey.guest_cart == self.guest_cart


_claim_statements: dict[tuple[str, bool], sa.Insert] = {}


def _claim_statement(owner: Owner) -> sa.Insert:
    """The claim's insert-or-ignore for the session's database and the owner's kind (its
    unique key), built once each."""
    index = (db.session.get_bind().dialect.name, owner.user_id is not None)
    if index not in _claim_statements:
        columns = ["user_id", "key"] if owner.user_id is not None else ["guest_cart", "key"]
        _claim_statements[index] = (insert_ignoring_conflict(IdempotencyKey, columns)
                                    .returning(IdempotencyKey.__table__.c.id))
    return _claim_statements[index]


def operation_scope() -> str:
    """The operation a request is: its method, route and path parameters
    (``POST /api/v1/admin/orders/<id:order_id>/refund order_id=2``). A key belongs to one."""
    arguments = " ".join(f"{name}={value}" for name, value
                         in sorted((request.view_args or {}).items()))
    rule = request.url_rule.rule if request.url_rule is not None else request.path
    return f"{request.method} {rule} {arguments}".strip()[:300]


def claim(owner: Owner | int, key: str, body_hash: str, now: datetime,
          scope: str = "") -> Claim:
    """Claim ``key`` for this request in the current transaction, which the work joins.
    Returns the stored answer to replay if the key already has one; raises ``KeyReused``
    (422) for another operation (``scope``) or another body, and ``KeyInFlight`` (409)
    while another request holds it."""
    check_key(key)
    owner = Owner.of(owner)
    key_id = db.session.connection().execute(_claim_statement(owner), {
        "user_id": owner.user_id, "guest_cart": owner.guest_cart, "key": key, "scope": scope,
        "request_hash": body_hash, "locked_at": now, "created_at": now}).scalar()
    if key_id is not None:
        return Claim(key_id=key_id)
    existing = db.session.scalar(
        sa.select(IdempotencyKey).where(owner.clause(), IdempotencyKey.key == key)
        .with_for_update().execution_options(populate_existing=True))
    if existing is None:
        # The key was given back between our insert and our look: claim it afresh.
        return claim(owner, key, body_hash, now, scope)
    if existing.scope != scope:
        db.session.rollback()
        raise KeyReused("This Idempotency-Key was used for another operation; use a new key "
                        "for each operation.")
    if existing.request_hash != body_hash:
        db.session.rollback()
        raise KeyReused("This Idempotency-Key was used with another request.")
    if existing.response_status is not None:
        answer = (existing.response_status, existing.response_body)
        db.session.rollback()
        return Claim(replay=answer)
    if existing.locked_at is not None and now - existing.locked_at < LEASE:
        db.session.rollback()
        raise KeyInFlight("A request with this Idempotency-Key is still in progress.")
    # An abandoned hold, or a request that failed after its checkpoint: take it over. The
    # row stays locked until the work's first commit, so only one retry resumes.
    existing.locked_at = now
    return Claim(key_id=existing.id, resource_id=existing.resource_id)


_keys = IdempotencyKey.__table__
STORE_ANSWER = (sa.update(_keys).where(_keys.c.id == sa.bindparam("key_id"))
                .values(response_status=sa.bindparam("status"),
                        response_body=sa.bindparam("body"), locked_at=None))
CHECKPOINT = (sa.update(_keys).where(_keys.c.id == sa.bindparam("key_id"))
              .values(resource_id=sa.bindparam("resource")))


def store_answer(key_id: int, status: int, body: dict) -> None:
    """Record the answer in the current (the work's) transaction."""
    db.session.connection().execute(STORE_ANSWER,
                                    {"key_id": key_id, "status": status, "body": body})


def checkpoint(claim: Claim, resource_id: int) -> None:
    """Record, in the current transaction, what the work's first phase created."""
    db.session.connection().execute(CHECKPOINT,
                                    {"key_id": claim.key_id, "resource": resource_id})


def release(key_id: int, owner: Owner | int, key: str) -> None:
    """Give the key back after a failed request (in a transaction of its own): forget it,
    or, past a checkpoint, unlock it so that a retry resumes. A claim that never committed
    went with the rollback, and these statements find nothing: they match the user and the
    key too, since a rolled-back row's id may already be another request's (SQLite reuses
    it)."""
    db.session.rollback()
    unanswered = sa.and_(IdempotencyKey.id == key_id, Owner.of(owner).clause(),
                         IdempotencyKey.key == key, IdempotencyKey.response_status.is_(None))
    db.session.execute(sa.delete(IdempotencyKey).where(
        unanswered, IdempotencyKey.resource_id.is_(None)))
    db.session.execute(sa.update(IdempotencyKey).where(
        unanswered, IdempotencyKey.resource_id.is_not(None)).values(locked_at=None))
    db.session.commit()


def purge(now: datetime) -> int:
    return db.session.execute(
        sa.delete(IdempotencyKey).where(IdempotencyKey.created_at < now - RETENTION)).rowcount


REPLAYED_HEADER = "Idempotent-Replayed"


def run_once(owner: Owner | int, key: str | None, body: dict, work, dump, now: datetime,
             status: int = 201, reveal=None) -> Response:
    """Do ``work(claim)`` once per (owner, key), for this request's operation only;
    ``dump`` turns its result into the JSON answer. ``claim.resource_id`` is the
    checkpoint to resume from, if any.

    The first request answers ``status``; the same key and body again answer the stored
    body with 200 and ``Idempotent-Replayed: true``, doing nothing. ``reveal(answer)``
    adds to the answer, fresh or replayed, what must not be stored with it (a secret the
    server can derive again).
    """
    key = check_key(key)
    owner = Owner.of(owner)
    claimed = claim(owner, key, request_hash(body), now, operation_scope())
    if claimed.replay is not None:
        _, stored = claimed.replay
        response = jsonify(reveal(stored) if reveal else stored)
        response.headers[REPLAYED_HEADER] = "true"
        return response
    try:
        answer = dump(work(claimed))
        store_answer(claimed.key_id, status, answer)
        db.session.commit()
    except BaseException:
        release(claimed.key_id, owner, key)
        raise
    response = jsonify(reveal(answer) if reveal else answer)
    response.status_code = status
    return response
