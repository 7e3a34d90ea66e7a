"""OpenID Connect sign-in against a real OpenID Provider: oidc-provider from npm (OpenID
Certified), started on 127.0.0.1 by the test, driven through its own login and consent
pages as a browser would. Stockroom's side is Authlib: code flow, PKCE, state, nonce."""

from __future__ import annotations

import json
import re
import sys
from urllib.parse import parse_qs, urljoin, urlsplit

import pytest
import requests
import sqlalchemy as sa

from models import OAuthIdentity, OAuthState, OutboxEvent, User, db
from tests.factories import UserFactory
from tests.helpers import another_app, free_port
from tests.integration.conftest import BIN, ROOT, Process

PROVIDER_DIR = ROOT / "tests" / "oidc"
CALLBACK = "http://localhost/api/v1/auth/oauth/local/callback"
sys.path.insert(0, str(ROOT / "scripts"))

import generate_clients  # noqa: E402 (its Node.js helpers: npm ci, PATH)


@pytest.fixture(scope="module")
def provider():
    if not (PROVIDER_DIR / "node_modules" / "oidc-provider").exists():
        generate_clients.run([str(BIN / "npm"), "ci", "--no-audit", "--no-fund"],
                             cwd=PROVIDER_DIR, env=generate_clients.node_env())
    port = free_port()
    process = Process([str(generate_clients.node_binary()), str(PROVIDER_DIR / "provider.mjs")],
                      {**generate_clients.node_env(), "PORT": str(port),
                       "REDIRECT_URI": CALLBACK, "NODE_ENV": "development"})
    process.wait_for_line("oidc-provider listening", timeout=30)
    yield f"http://127.0.0.1:{port}"
    process.stop()


@pytest.fixture
def oidc_app(app, provider):
    return another_app(app, OAUTH_PROVIDERS=json.dumps({"local": {
        "issuer": provider, "client_id": "stockroom",
        "client_secret": "stockroom-test-secret"}}),
        OAUTH_REDIRECT_URL="https://shop.example.com/signed-in")


def through_the_provider(url: str, login: str) -> str:
    """Be the browser at the provider: its login form, then its consent form; returns the
    URL it sends the browser back to (Stockroom's callback)."""
    browser = requests.Session()
    response = browser.get(url, allow_redirects=False, timeout=10)
    for _ in range(12):
        if response.status_code in (302, 303):
            location = urljoin(response.url, response.headers["Location"])
            if location.startswith(CALLBACK):
                return location
            response = browser.get(location, allow_redirects=False, timeout=10)
            continue
        assert response.status_code == 200, response.text[:500]
        page = response.text
        action = re.search(r'<form[^>]*action="([^"]+)"', page).group(1)
        fields = dict(re.findall(r'<input[^>]*type="hidden"[^>]*name="([^"]+)"'
                                 r'[^>]*value="([^"]*)"', page))
        if 'name="login"' in page:
            fields.update(login=login, password="any password")
        response = browser.post(urljoin(response.url, action), data=fields,
                                allow_redirects=False, timeout=10)
    raise AssertionError("the provider never sent the browser back")


def sign_in(client, login: str) -> dict:
    """The whole flow for one browser (the test client keeps its cookies); the fragment
    of where Stockroom finally sends the browser."""
    started = client.get("/api/v1/auth/oauth/local/authorize")
    assert started.status_code == 302, started.json
    back = through_the_provider(started.headers["Location"], login)
    finished = client.get(back.removeprefix("http://localhost"))
    assert finished.status_code == 302
    target = urlsplit(finished.headers["Location"])
    assert f"{target.scheme}://{target.netloc}{target.path}" == \
        "https://shop.example.com/signed-in"
    return {name: values[0] for name, values in parse_qs(target.fragment).items()}


def _me(client, fragment):
    return client.get("/api/v1/me",
                      headers={"Authorization": f"Bearer {fragment['access_token']}"})


@pytest.mark.committed
def test_the_authorization_request_uses_pkce_state_and_nonce(oidc_app):
    with oidc_app.app_context():
        started = oidc_app.test_client().get("/api/v1/auth/oauth/local/authorize")
        query = parse_qs(urlsplit(started.headers["Location"]).query)
        assert query["code_challenge_method"] == ["S256"] and query["code_challenge"]
        assert query["response_type"] == ["code"] and "openid" in query["scope"][0]
        assert query["redirect_uri"] == [CALLBACK]
        state = db.session.get(OAuthState, query["state"][0])
        assert state.nonce == query["nonce"][0] and len(state.code_verifier) >= 43
        assert "HttpOnly" in started.headers["Set-Cookie"]
        assert "SameSite=Lax" in started.headers["Set-Cookie"]


@pytest.mark.committed
def test_a_verified_email_new_here_gets_a_verified_account_and_tokens(oidc_app):
    with oidc_app.app_context():
        client = oidc_app.test_client()
        fragment = sign_in(client, "ada")
        assert fragment["token_type"] == "Bearer" and fragment["expires_in"] == "900"
        me = _me(client, fragment)
        assert me.status_code == 200, me.json
        assert (me.json["email"], me.json["full_name"], me.json["email_verified"]) == (
            "ada@example.com", "Ada Lovelace", True)
        identity = db.session.scalar(sa.select(OAuthIdentity))
        assert (identity.provider, identity.subject, identity.user_id) == (
            "local", "ada", me.json["id"])
        assert db.session.scalar(sa.select(sa.func.count(OutboxEvent.id)).where(
            OutboxEvent.type == "user.registered")) == 1
        # The refresh token is a real one.
        refreshed = client.post("/api/v1/auth/refresh", headers={
            "Authorization": f"Bearer {fragment['refresh_token']}"})
        assert refreshed.status_code == 200
        # Signing in again finds the same account by its subject; the state is spent.
        assert _me(client, sign_in(client, "ada")).json["id"] == me.json["id"]
        assert db.session.scalar(sa.select(sa.func.count(OAuthState.state))) == 0


@pytest.mark.committed
def test_an_existing_account_with_that_email_is_linked_not_duplicated(oidc_app):
    with oidc_app.app_context():
        grace = UserFactory(email="grace@example.com")
        db.session.commit()
        assert grace.email_verified_at is None
        client = oidc_app.test_client()
        me = _me(client, sign_in(client, "grace")).json
        assert me["id"] == grace.id and me["email_verified"] is True
        assert db.session.scalar(sa.select(sa.func.count(User.id)).where(
            User.email == "grace@example.com")) == 1


@pytest.mark.committed
def test_an_email_the_provider_does_not_vouch_for_links_and_makes_nothing(oidc_app):
    with oidc_app.app_context():
        UserFactory(email="eve@example.com")
        db.session.commit()
        fragment = sign_in(oidc_app.test_client(), "eve")
        assert fragment["error"] == "email_not_verified" and "access_token" not in fragment
        assert db.session.scalar(sa.select(sa.func.count(OAuthIdentity.id))) == 0


@pytest.mark.committed
def test_a_callback_from_another_browser_or_replayed_is_refused(oidc_app):
    with oidc_app.app_context():
        victim = oidc_app.test_client()
        started = victim.get("/api/v1/auth/oauth/local/authorize")
        back = through_the_provider(started.headers["Location"], "ada")
        # Login CSRF: the attacker's callback URL opened in another browser.
        other = oidc_app.test_client().get(back.removeprefix("http://localhost"))
        assert "error=oauth_failed" in other.headers["Location"]
        assert db.session.scalar(sa.select(sa.func.count(User.id)).where(
            User.email == "ada@example.com")) == 0
        # The right browser finishes; the same callback again is refused.
        assert "access_token=" in victim.get(back.removeprefix("http://localhost")) \
            .headers["Location"]
        victim.set_cookie("stockroom_oauth_state", parse_qs(urlsplit(back).query)["state"][0],
                          path="/api/v1/auth/oauth/")
        replayed = victim.get(back.removeprefix("http://localhost"))
        assert "error=oauth_failed" in replayed.headers["Location"]


@pytest.mark.committed
def test_a_refusal_by_the_provider_comes_back_as_an_error(oidc_app):
    with oidc_app.app_context():
        client = oidc_app.test_client()
        started = client.get("/api/v1/auth/oauth/local/authorize")
        state = parse_qs(urlsplit(started.headers["Location"]).query)["state"][0]
        refused = client.get(f"/api/v1/auth/oauth/local/callback?state={state}"
                             "&error=access_denied")
        assert refused.status_code == 302
        fragment = parse_qs(urlsplit(refused.headers["Location"]).fragment)
        assert fragment["error"] == ["oauth_failed"]
        assert "access_denied" in fragment["error_description"][0]


def test_the_callback_is_on_the_public_address_behind_a_proxy(app, provider):
    settings = {"local": {"issuer": provider, "client_id": "stockroom", "client_secret": "s"}}
    proxied = another_app(app, API_PUBLIC_URL="https://api.example.com/",
                          OAUTH_PROVIDERS=json.dumps(settings))
    started = proxied.test_client().get("/api/v1/auth/oauth/local/authorize")
    query = parse_qs(urlsplit(started.headers["Location"]).query)
    assert query["redirect_uri"] == ["https://api.example.com/api/v1/auth/oauth/local/callback"]


def test_an_unknown_provider_is_a_json_404(oidc_app):
    answer = oidc_app.test_client().get("/api/v1/auth/oauth/nope/authorize")
    assert answer.status_code == 404 and answer.json["error_code"] == "unknown_oauth_provider"


def test_a_provider_that_does_not_answer_is_a_json_400_not_a_500(app):
    down = another_app(app, OAUTH_PROVIDERS=json.dumps({"local": {
        "issuer": f"http://127.0.0.1:{free_port()}", "client_id": "x", "client_secret": "y"}}))
    answer = down.test_client().get("/api/v1/auth/oauth/local/authorize")
    assert answer.status_code == 400 and answer.json["error_code"] == "oauth_failed"


def test_bad_provider_settings_refuse_to_start(app):
    with pytest.raises(ValueError, match="OAUTH_PROVIDERS"):
        another_app(app, OAUTH_PROVIDERS='{"Local": {"issuer": "x"}}')
