"""Every auth path of the contract: register, login, refresh, logout, password reset."""

from __future__ import annotations

import re
from datetime import timedelta

import jwt as pyjwt
import pytest
import sqlalchemy as sa
from flask_jwt_extended import create_access_token, decode_token

from models import LoginFailure, PasswordResetToken, RefreshToken, User, db, utcnow
from services import auth
from services.passwords import _hasher
from tests.factories import DEFAULT_PASSWORD, UserFactory

REGISTER = "/api/v1/auth/register"
LOGIN = "/api/v1/auth/login"
REFRESH = "/api/v1/auth/refresh"
LOGOUT = "/api/v1/auth/logout"
RESET = "/api/v1/auth/password-reset"
RESET_CONFIRM = "/api/v1/auth/password-reset/confirm"


def bearer(token: str) -> dict:
    return {"Authorization": f"Bearer {token}"}


def login(client, email, password=DEFAULT_PASSWORD):
    return client.post(LOGIN, json={"email": email, "password": password})


def assert_error(response, status: int):
    assert response.status_code == status, response.json
    body = response.json
    assert body["code"] == status
    assert isinstance(body["status"], str) and body["status"]
    assert isinstance(body["message"], str) and body["message"]
    return body


# Registration

def test_register_creates_customer_and_signs_in(client):
    response = client.post(REGISTER, json={"email": "Ada@Example.com", "password": "a" * 10,
                                           "full_name": " Ada Lovelace "})
    assert response.status_code == 201
    body = response.json
    assert body["user"]["email"] == "ada@example.com"
    assert body["user"]["role"] == "customer"
    assert body["user"]["full_name"] == "Ada Lovelace"
    assert set(body["user"]) == {"id", "email", "full_name", "role", "created_at",
                                 "email_verified"}
    assert body["user"]["email_verified"] is False
    me = client.get("/api/v1/me", headers=bearer(body["access_token"]))
    assert me.status_code == 200 and me.json["id"] == body["user"]["id"]
    user = db.session.get(User, body["user"]["id"])
    assert user.password_hash.startswith("$argon2id$")


def test_register_email_taken_is_case_insensitive(client):
    UserFactory(email="taken@example.com")
    response = client.post(REGISTER, json={"email": "TAKEN@example.com", "password": "a" * 10,
                                           "full_name": "X"})
    assert assert_error(response, 409)["error_code"] == "email_taken"


@pytest.mark.parametrize("body, field", [
    ({"email": "a@example.com", "password": "short", "full_name": "A"}, "password"),
    ({"email": "not-an-email", "password": "a" * 10, "full_name": "A"}, "email"),
    ({"email": "a@example.com", "password": "a" * 10, "full_name": "A", "role": "admin"}, "role"),
    ({"email": "a@example.com", "password": "a" * 10}, "full_name"),
    ({"email": "a@example.com", "password": 1234567890123, "full_name": "A"}, "password"),
])
def test_register_rejects_bad_input_with_422(client, body, field):
    response = client.post(REGISTER, json=body)
    assert field in assert_error(response, 422)["errors"]
    assert db.session.scalar(db.select(db.func.count(User.id))) == 0


def test_register_cannot_set_role(client):
    response = client.post(REGISTER, json={"email": "a@example.com", "password": "a" * 10,
                                           "full_name": "A", "role": "admin"})
    assert response.status_code == 422
    assert db.session.scalar(db.select(User).where(User.role == "admin")) is None


def test_malformed_json_is_400(client):
    response = client.post(REGISTER, data="{not json", content_type="application/json")
    body = assert_error(response, 400)
    assert "errors" not in body


# Login

def test_login_returns_user_and_tokens_with_15_minute_access(client):
    user = UserFactory(email="bo@example.com")
    response = login(client, "BO@example.com")
    assert response.status_code == 200
    assert response.json["user"]["id"] == user.id
    claims = decode_token(response.json["access_token"])
    assert claims["exp"] - claims["iat"] == 15 * 60
    assert claims["type"] == "access"
    assert decode_token(response.json["refresh_token"])["type"] == "refresh"


def test_login_answers_alike_for_unknown_email_and_wrong_password(client):
    UserFactory(email="known@example.com")
    wrong_password = login(client, "known@example.com", "wrong-password!")
    unknown_email = login(client, "nobody@example.com", "wrong-password!")
    assert wrong_password.status_code == unknown_email.status_code == 401
    assert wrong_password.json == unknown_email.json


def test_inactive_user_cannot_log_in(client):
    UserFactory(email="gone@example.com", is_active=False)
    assert_error(login(client, "gone@example.com"), 401)


def test_eleventh_failed_login_in_15_minutes_is_429_with_retry_after(client):
    UserFactory(email="target@example.com")
    for _ in range(10):
        assert login(client, "target@example.com", "nope-nope-nope").status_code == 401
    response = login(client, "target@example.com", "nope-nope-nope")
    assert_error(response, 429)
    retry_after = int(response.headers["Retry-After"])
    assert 0 < retry_after <= 15 * 60
    # Even the right password waits: the throttle must not confirm a guess.
    assert login(client, "target@example.com").status_code == 429
    # Another account is untouched.
    UserFactory(email="other@example.com")
    assert login(client, "other@example.com").status_code == 200


def test_throttle_applies_to_unknown_accounts_too(client):
    for _ in range(10):
        login(client, "ghost@example.com", "nope-nope-nope")
    assert login(client, "ghost@example.com", "nope-nope-nope").status_code == 429


def test_failures_older_than_the_window_do_not_count(client):
    UserFactory(email="old@example.com")
    long_ago = utcnow() - timedelta(minutes=16)
    for _ in range(10):
        db.session.add(LoginFailure(email="old@example.com", created_at=long_ago))
    db.session.flush()
    assert login(client, "old@example.com").status_code == 200


def test_login_rehashes_when_parameters_change(client, app):
    old = _hasher(1, 16, 1).hash(DEFAULT_PASSWORD)
    user = UserFactory(email="rehash@example.com", password_hash=old)
    assert login(client, "rehash@example.com").status_code == 200
    db.session.refresh(user)
    assert user.password_hash != old
    assert f"m={app.config['ARGON2_MEMORY_KIB']}" in user.password_hash
    assert login(client, "rehash@example.com").status_code == 200


# Tokens

def test_expired_token_is_401(client):
    user = UserFactory()
    token = create_access_token(identity=str(user.id), expires_delta=timedelta(seconds=-1))
    assert_error(client.get("/api/v1/me", headers=bearer(token)), 401)


def _claims(user_id):
    now = int(utcnow().timestamp())
    return {"sub": str(user_id), "type": "access", "jti": "x", "iat": now, "nbf": now,
            "exp": now + 600, "fresh": False}


def test_alg_none_token_is_401(client):
    user = UserFactory()
    token = pyjwt.encode(_claims(user.id), key=None, algorithm="none")
    assert_error(client.get("/api/v1/me", headers=bearer(token)), 401)


def test_token_signed_with_another_key_is_401(client):
    user = UserFactory()
    token = pyjwt.encode(_claims(user.id), "some-other-key-of-sufficient-length!", "HS256")
    assert_error(client.get("/api/v1/me", headers=bearer(token)), 401)


def test_tampered_payload_is_401(client):
    victim, attacker = UserFactory(), UserFactory()
    token = create_access_token(identity=str(attacker.id))
    header, _payload, signature = token.split(".")
    forged_payload = pyjwt.utils.base64url_encode(
        pyjwt.api_jws.json.dumps(_claims(victim.id)).encode()).decode()
    assert_error(client.get("/api/v1/me", headers=bearer(f"{header}.{forged_payload}.{signature}")),
                 401)


@pytest.mark.parametrize("header", ["", "Bearer", "Bearer not.a.jwt", "Basic abc"])
def test_missing_or_garbage_authorization_is_401(client, header):
    headers = {"Authorization": header} if header else {}
    response = client.get("/api/v1/me", headers=headers)
    assert_error(response, 401)
    assert response.headers["WWW-Authenticate"] == "Bearer"


def test_refresh_token_is_not_an_access_token(client):
    UserFactory(email="r@example.com")
    tokens = login(client, "r@example.com").json
    assert_error(client.get("/api/v1/me", headers=bearer(tokens["refresh_token"])), 401)
    assert_error(client.post(REFRESH, headers=bearer(tokens["access_token"])), 401)


def test_deactivated_user_tokens_stop_working(client, auth_headers):
    user = UserFactory()
    headers = auth_headers(user)
    assert client.get("/api/v1/me", headers=headers).status_code == 200
    user.is_active = False
    db.session.flush()
    assert_error(client.get("/api/v1/me", headers=headers), 401)


def test_refresh_rotates_and_revokes_the_old_token(client):
    UserFactory(email="rot@example.com")
    first = login(client, "rot@example.com").json
    response = client.post(REFRESH, headers=bearer(first["refresh_token"]))
    assert response.status_code == 200
    second = response.json
    assert set(second) == {"access_token", "refresh_token"}
    assert second["refresh_token"] != first["refresh_token"]
    assert client.get("/api/v1/me", headers=bearer(second["access_token"])).status_code == 200
    old_jti = decode_token(first["refresh_token"])["jti"]
    row = db.session.get(RefreshToken, old_jti)
    assert row.revoked_at is not None
    assert row.replaced_by == decode_token(second["refresh_token"])["jti"]


def test_reusing_a_rotated_refresh_token_revokes_the_whole_family(client):
    UserFactory(email="reuse@example.com")
    first = login(client, "reuse@example.com").json
    second = client.post(REFRESH, headers=bearer(first["refresh_token"])).json
    assert_error(client.post(REFRESH, headers=bearer(first["refresh_token"])), 401)
    # The thief's reuse also kills the legitimate holder's newer token.
    assert_error(client.post(REFRESH, headers=bearer(second["refresh_token"])), 401)
    family = decode_token(first["refresh_token"])["fam"]
    rows = db.session.scalars(db.select(RefreshToken).where(RefreshToken.family_id == family))
    assert all(row.revoked_at is not None for row in rows)


def test_refresh_reuse_does_not_touch_other_sign_ins(client):
    UserFactory(email="two@example.com")
    phone = login(client, "two@example.com").json
    laptop = login(client, "two@example.com").json
    client.post(REFRESH, headers=bearer(phone["refresh_token"]))
    client.post(REFRESH, headers=bearer(phone["refresh_token"]))
    assert client.post(REFRESH, headers=bearer(laptop["refresh_token"])).status_code == 200


def test_logout_revokes_access_token_and_its_refresh_token(client):
    UserFactory(email="out@example.com")
    tokens = login(client, "out@example.com").json
    assert client.post(LOGOUT, headers=bearer(tokens["access_token"])).status_code == 204
    assert_error(client.get("/api/v1/me", headers=bearer(tokens["access_token"])), 401)
    assert_error(client.post(REFRESH, headers=bearer(tokens["refresh_token"])), 401)


def test_logout_needs_a_token(client):
    assert_error(client.post(LOGOUT), 401)


# Password reset

def test_password_reset_for_unknown_email_is_202_and_sends_nothing(client, enqueued,
                                                                   run_consumers, mail):
    response = client.post(RESET, json={"email": "nobody@example.com"})
    assert response.status_code == 202
    # The request is recorded as for a known address (the same work, so the same time);
    # its task finds no account and sends nothing, and makes no reset.
    assert [event_type for _, event_type in enqueued] == ["user.password_reset_requested"]
    run_consumers()
    assert mail == []
    assert db.session.scalar(sa.select(sa.func.count(PasswordResetToken.id))) == 0


def test_password_reset_answers_alike_for_known_and_unknown(client):
    UserFactory(email="known@example.com")
    known = client.post(RESET, json={"email": "known@example.com"})
    unknown = client.post(RESET, json={"email": "unknown@example.com"})
    assert known.status_code == unknown.status_code == 202
    assert known.json == unknown.json


def test_password_reset_does_the_same_work_for_known_and_unknown(client, app):
    """The answer's time cannot tell an account exists: both requests run the same SQL
    (a timing test would measure the machine; this measures the cause)."""
    UserFactory(email="known@example.com")
    statements = []

    def record(conn, cursor, statement, parameters, context, executemany):
        # The test's savepoints are numbered; the statements are what matters.
        statements.append(re.sub(r"sa_savepoint_\d+", "sa_savepoint", statement))

    def run(email):
        statements.clear()
        sa.event.listen(db.engine, "before_cursor_execute", record)
        try:
            assert client.post(RESET, json={"email": email}).status_code == 202
        finally:
            sa.event.remove(db.engine, "before_cursor_execute", record)
        return list(statements)

    run("warm-up@example.com")  # the session's first request opens its transaction
    known, unknown = run("known@example.com"), run("unknown@example.com")
    assert known == unknown
    assert any("outbox_events" in statement for statement in known)
    assert not any("users" in statement for statement in known)


def test_password_reset_malformed_email_is_422(client):
    assert_error(client.post(RESET, json={"email": "nope"}), 422)


def _reset_token_from(mail) -> str:
    assert len(mail) == 1
    text = mail[0].text
    return text.split("Or use this token: ", 1)[1].split()[0]


def test_password_reset_full_flow(client, enqueued, run_consumers, mail):
    UserFactory(email="forgot@example.com")
    tokens = login(client, "forgot@example.com").json
    assert client.post(RESET, json={"email": "Forgot@example.com"}).status_code == 202
    assert [event_type for _, event_type in enqueued] == ["user.password_reset_requested"]
    assert run_consumers() == 1
    assert mail[0].to == "forgot@example.com"
    assert "reset-password?token=" in mail[0].html
    token = _reset_token_from(mail)

    response = client.post(RESET_CONFIRM, json={"token": token, "password": "brand-new-password"})
    assert response.status_code == 204
    assert login(client, "forgot@example.com", "brand-new-password").status_code == 200
    assert login(client, "forgot@example.com").status_code == 401
    # Every refresh token the user held is revoked.
    assert_error(client.post(REFRESH, headers=bearer(tokens["refresh_token"])), 401)
    # The token is single-use.
    again = client.post(RESET_CONFIRM, json={"token": token, "password": "another-password"})
    assert assert_error(again, 422)["error_code"] == "invalid_reset_token"


def test_newer_reset_request_voids_older_tokens(client, enqueued, run_consumers, mail):
    UserFactory(email="twice@example.com")
    client.post(RESET, json={"email": "twice@example.com"})
    run_consumers()
    first = _reset_token_from(mail)
    mail.clear()
    client.post(RESET, json={"email": "twice@example.com"})
    run_consumers()
    second = _reset_token_from(mail)
    assert_error(client.post(RESET_CONFIRM, json={"token": first, "password": "x" * 12}), 422)
    response = client.post(RESET_CONFIRM, json={"token": second, "password": "x" * 12})
    assert response.status_code == 204


def test_expired_reset_token_is_refused(client, app):
    user = UserFactory()
    reset = auth.issue_password_reset(user.id, utcnow() - timedelta(hours=2))
    token = auth.reset_token_for(reset)
    assert_error(client.post(RESET_CONFIRM, json={"token": token, "password": "x" * 12}), 422)


@pytest.mark.parametrize("token", ["garbage", "eyJpZCI6MX0.forged", "a" * 300])
def test_forged_reset_tokens_are_refused(client, token):
    UserFactory()
    assert_error(client.post(RESET_CONFIRM, json={"token": token, "password": "x" * 12}), 422)


def test_reset_token_for_another_nonce_is_refused(client, app):
    user = UserFactory()
    reset = auth.issue_password_reset(user.id, utcnow())
    from itsdangerous import URLSafeSerializer

    forged = URLSafeSerializer(app.config["SECRET_KEY"], salt=auth.PASSWORD_RESET_SALT).dumps(
        {"id": reset.id, "n": "guessed"})
    assert_error(client.post(RESET_CONFIRM, json={"token": forged, "password": "x" * 12}), 422)
    assert db.session.get(PasswordResetToken, reset.id).used_at is None


def test_reset_confirm_weak_password_is_422_and_keeps_token(client):
    user = UserFactory()
    reset = auth.issue_password_reset(user.id, utcnow())
    token = auth.reset_token_for(reset)
    assert_error(client.post(RESET_CONFIRM, json={"token": token, "password": "short"}), 422)
    response = client.post(RESET_CONFIRM, json={"token": token, "password": "x" * 12})
    assert response.status_code == 204
