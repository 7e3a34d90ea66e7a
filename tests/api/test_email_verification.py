"""Email verification and the welcome email: one welcome per account carrying the first
link, fresh links that void the older, single-use tokens, email_verified on /me, and the
checkout gate behind REQUIRE_VERIFIED_EMAIL_FOR_CHECKOUT."""

from __future__ import annotations

from datetime import timedelta

import pytest
import sqlalchemy as sa
from itsdangerous import URLSafeSerializer

from models import EmailMessage, EmailVerificationToken, User, db, utcnow
from services import email_verification
from tasks.emails import send_account_email_task
from tests.factories import UserFactory, VariantFactory, fill_cart

REGISTER = "/api/v1/auth/register"
VERIFY = "/api/v1/auth/verify-email"
CONFIRM = "/api/v1/auth/verify-email/confirm"
ADDRESS = {"full_name": "Ada", "line1": "1 St", "city": "X", "postal_code": "1",
           "country": "FR"}


def _token_from(message) -> str:
    return message.text.split("Or use this token: ", 1)[1].split()[0]


def _register(client, email="ada@example.com"):
    answer = client.post(REGISTER, json={"email": email, "password": "long-enough-pw",
                                         "full_name": "Ada"})
    assert answer.status_code == 201
    return answer.json, {"Authorization": f"Bearer {answer.json['access_token']}"}


def test_registering_sends_one_welcome_with_a_link_that_verifies(client, enqueued,
                                                                 run_consumers, mail):
    body, headers = _register(client)
    assert body["user"]["email_verified"] is False
    assert "user.registered" in [event_type for _, event_type in enqueued]
    run_consumers()
    (welcome,) = mail
    assert welcome.subject == "Welcome to Stockroom" and welcome.to == "ada@example.com"
    assert "/verify-email?token=" in welcome.html
    assert client.post(CONFIRM, json={"token": _token_from(welcome)}).status_code == 204
    me = client.get("/api/v1/me", headers=headers).json
    assert me["email_verified"] is True
    # Single use; and a verified account asks for no more links.
    again = client.post(CONFIRM, json={"token": _token_from(welcome)})
    assert again.status_code == 422 and again.json["error_code"] == "invalid_verification_token"
    refused = client.post(VERIFY, headers=headers)
    assert refused.status_code == 409 and refused.json["error_code"] == "email_already_verified"


def test_a_fresh_link_voids_the_older_and_each_is_mailed_once(client, run_consumers, mail):
    _, headers = _register(client)
    run_consumers()
    first = _token_from(mail[0])
    assert client.post(VERIFY, headers=headers).status_code == 202
    assert run_consumers() == 1
    (fresh,) = mail[1:]
    assert fresh.subject == "Confirm your email address for Stockroom"
    stale = client.post(CONFIRM, json={"token": first})
    assert stale.status_code == 422
    assert client.post(CONFIRM, json={"token": _token_from(fresh)}).status_code == 204


def test_the_task_run_twice_mails_once(app, mail):
    user = UserFactory()
    email_verification.welcome(user, utcnow())
    db.session.commit()
    from models import OutboxEvent

    event = db.session.scalar(sa.select(OutboxEvent).where(OutboxEvent.type == "user.registered"))
    assert send_account_email_task(event.id) == "sent"
    assert send_account_email_task(event.id) == "nothing to send"
    assert len(mail) == 1
    rows = db.session.scalars(sa.select(EmailMessage.kind)).all()
    assert rows == ["welcome"]


@pytest.mark.parametrize("token", ["garbage", "a" * 300, ""])
def test_forged_tokens_are_refused(client, token):
    answer = client.post(CONFIRM, json={"token": token})
    assert answer.status_code == 422


def test_an_expired_or_foreign_nonce_token_is_refused(client, app):
    user = UserFactory()
    verification = email_verification.request_verification(user, utcnow() - timedelta(days=2))
    db.session.commit()
    expired = email_verification.token_for(verification)
    assert client.post(CONFIRM, json={"token": expired}).status_code == 422
    fresh = email_verification.request_verification(user, utcnow())
    db.session.commit()
    forged = URLSafeSerializer(app.config["SECRET_KEY"],
                               salt=email_verification.VERIFICATION_SALT).dumps(
        {"id": fresh.id, "n": "guessed"})
    assert client.post(CONFIRM, json={"token": forged}).status_code == 422
    # A password reset token is not a verification token (its own salt).
    from services import auth

    reset = auth.reset_token_for(auth.issue_password_reset(user.id, utcnow()))
    assert client.post(CONFIRM, json={"token": reset}).status_code == 422
    assert db.session.get(User, user.id).email_verified_at is None
    assert db.session.get(EmailVerificationToken, fresh.id).used_at is None


def test_checkout_can_require_a_verified_email(client, app, auth_headers, monkeypatch):
    user = UserFactory()
    fill_cart(user, {VariantFactory(): 1})
    headers = {**auth_headers(user), "Idempotency-Key": "verified-1"}
    monkeypatch.setitem(app.config, "REQUIRE_VERIFIED_EMAIL_FOR_CHECKOUT", True)
    refused = client.post("/api/v1/checkout", json={"shipping_address": ADDRESS},
                          headers=headers)
    assert refused.status_code == 403 and refused.json["error_code"] == "email_not_verified"
    user.email_verified_at = utcnow()
    db.session.commit()
    # The refusal claimed nothing: the same key now places the order.
    placed = client.post("/api/v1/checkout", json={"shipping_address": ADDRESS},
                         headers=headers)
    assert placed.status_code == 201, placed.json


def test_by_default_unverified_accounts_check_out(client, auth_headers):
    user = UserFactory()
    fill_cart(user, {VariantFactory(): 1})
    placed = client.post("/api/v1/checkout", json={"shipping_address": ADDRESS},
                         headers={**auth_headers(user), "Idempotency-Key": "k"})
    assert placed.status_code == 201


def test_the_emailed_link_opens_a_page_that_verifies_in_development(client, run_consumers,
                                                                    mail):
    _, headers = _register(client)
    run_consumers()
    link = next(w for w in mail[0].text.split() if "/verify-email?token=" in w)
    path = link.split("127.0.0.1:5000", 1)[1]
    page = client.get(path)
    assert page.status_code == 200 and page.mimetype == "text/html"
    token = path.split("token=", 1)[1]
    done = client.post("/verify-email", data={"token": token})
    assert done.status_code == 200 and "is verified" in done.get_data(as_text=True)
    assert client.get("/api/v1/me", headers=headers).json["email_verified"] is True
