"""Per-client and per-account request limits (switched off for the rest of the suite)."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from core import ratelimit
from models import Cart, db
from tests.factories import UserFactory, VariantFactory, fill_cart


@pytest.fixture
def limits_on(app, monkeypatch):
    monkeypatch.setitem(app.config, "STOCKROOM_RATELIMITS", True)
    ratelimit.limiter.reset()
    yield
    ratelimit.limiter.reset()


def login(client, email, ip="198.51.100.7"):
    return client.post("/api/v1/auth/login", json={"email": email, "password": "wrong-password"},
                       environ_base={"REMOTE_ADDR": ip})


def test_login_is_limited_per_client_with_retry_after(client, limits_on):
    answers = [login(client, f"user{n}@example.com").status_code for n in range(21)]
    assert answers[:20] == [401] * 20 and answers[20] == 429
    limited = login(client, "someone@example.com")
    assert limited.status_code == 429 and limited.is_json
    assert int(limited.headers["Retry-After"]) > 0
    # Another client is not affected.
    assert login(client, "someone@example.com", ip="198.51.100.8").status_code == 401


def test_password_reset_is_limited_per_account_across_clients(client, limits_on):
    statuses = [client.post("/api/v1/auth/password-reset", json={"email": "Ada@Example.com"},
                            environ_base={"REMOTE_ADDR": f"198.51.100.{n}"}).status_code
                for n in range(6)]
    assert statuses == [202] * 5 + [429]
    other = client.post("/api/v1/auth/password-reset", json={"email": "bob@example.com"},
                        environ_base={"REMOTE_ADDR": "198.51.100.50"})
    assert other.status_code == 202


def test_checkout_is_limited_per_account(client, auth_headers, limits_on):
    assert ratelimit.CHECKOUT_PER_ACCOUNT == "20 per minute"
    user = UserFactory()
    headers = auth_headers(user)
    statuses = []
    for n in range(21):
        fill_cart(user, {VariantFactory(): 1})
        statuses.append(client.post(
            "/api/v1/checkout", headers={**headers, "Idempotency-Key": f"k{n}"},
            json={"shipping_address": {"full_name": "A", "line1": "1 St", "city": "X",
                                       "postal_code": "1", "country": "FR"}},
            environ_base={"REMOTE_ADDR": f"198.51.100.{n}"}).status_code)
    assert statuses[:20] == [201] * 20 and statuses[20] == 429


def test_new_guest_carts_are_limited_per_client_and_changes_to_one_are_not(client, limits_on):
    assert ratelimit.GUEST_CARTS_PER_CLIENT == "30 per minute; 300 per hour"
    variant = VariantFactory()
    ip = {"REMOTE_ADDR": "198.51.100.9"}

    def add(token=None):
        headers = {"X-Cart-Token": token} if token else {}
        return client.post("/api/v1/cart/items", json={"variant_id": variant.id, "quantity": 1},
                           headers=headers, environ_base=ip)

    created = [add() for _ in range(30)]
    assert {response.status_code for response in created} == {201}
    refused = add()
    assert refused.status_code == 429 and refused.is_json
    assert refused.json["error_code"] == "rate_limited"
    assert int(refused.headers["Retry-After"]) > 0
    assert db.session.scalar(sa.select(sa.func.count(Cart.id))) == 30
    # The 30 carts still take changes; reading needs no allowance either.
    token = created[0].headers["X-Cart-Token"]
    assert add(token).status_code == 201
    assert client.get("/api/v1/cart", environ_base=ip).status_code == 200
    # Another client may still start a cart.
    other = client.post("/api/v1/cart/items", json={"variant_id": variant.id, "quantity": 1},
                        environ_base={"REMOTE_ADDR": "198.51.100.10"})
    assert other.status_code == 201


def test_retry_after_is_sent_only_with_a_refusal(client, limits_on):
    registered = client.post("/api/v1/auth/register", json={
        "email": "new@example.com", "password": "long-enough-password", "full_name": "New"})
    assert registered.status_code == 201
    assert "Retry-After" not in registered.headers
    refused = [login(client, f"user{n}@example.com") for n in range(21)][-1]
    assert refused.status_code == 429 and int(refused.headers["Retry-After"]) > 0


def test_the_switch_turns_the_limits_off(client):
    # (Distinct accounts: the per-account login throttle stays on whatever the switch.)
    assert {login(client, f"x{n}@example.com").status_code for n in range(25)} == {401}


def test_stripes_webhook_is_never_limited(client, limits_on):
    answers = {client.post("/api/v1/webhooks/stripe", data=b"{}",
                           content_type="application/json").status_code for _ in range(40)}
    assert answers == {400}
