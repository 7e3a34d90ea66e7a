"""Every error is JSON in the contract's shape, including the ones Flask raises itself."""

from __future__ import annotations

import pytest
from flask import Blueprint

from tests.helpers import another_app


def assert_contract_error(response, status):
    assert response.status_code == status
    assert response.mimetype == "application/json"
    body = response.json
    assert body["code"] == status
    assert body["status"] and body["message"]
    return body


def test_unknown_url_is_json_404(client):
    assert_contract_error(client.get("/no/such/page"), 404)


def test_wrong_method_is_json_405_with_allow(client):
    response = client.delete("/api/v1/auth/login")
    assert_contract_error(response, 405)
    assert set(response.headers["Allow"].replace(" ", "").split(",")) >= {"POST"}


def test_body_over_max_json_bytes_is_json_413(client, app):
    body = b'{"email": "' + b"a" * app.config["MAX_JSON_BYTES"] + b'"}'
    assert_contract_error(
        client.post("/api/v1/auth/login", data=body, content_type="application/json"), 413)


def test_unhandled_exception_is_json_500(app):
    # A dedicated app, so that the broken route does not leak into the shared one.
    broken = another_app(app, {"TESTING": False, "PROPAGATE_EXCEPTIONS": False})
    blueprint = Blueprint("boom", __name__)

    @blueprint.get("/boom")
    def boom():
        raise RuntimeError("kaboom")

    broken.register_blueprint(blueprint)
    response = broken.test_client().get("/boom")
    body = assert_contract_error(response, 500)
    assert "kaboom" not in response.get_data(as_text=True)
    assert body["message"] == "Internal Server Error"


@pytest.mark.parametrize("payload", ["[]", '"text"', "42", "null"])
def test_body_that_is_not_an_object_is_a_clean_error(client, payload):
    response = client.post("/api/v1/auth/login", data=payload, content_type="application/json")
    assert response.status_code in (400, 422)
    assert_contract_error(response, response.status_code)


def test_request_id_is_echoed_or_assigned(client):
    assert client.get("/healthz", headers={"X-Request-ID": "abc-123"}).headers[
        "X-Request-ID"] == "abc-123"
    assert len(client.get("/healthz").headers["X-Request-ID"]) == 32


@pytest.mark.parametrize("path, body", [
    ("/api/v1/auth/login", {"email": "\u0000", "password": "x"}),
    ("/api/v1/auth/register", {"email": "a@example.com", "password": "a\u0000" * 6,
                               "full_name": "A"}),
])
def test_nul_characters_are_refused_before_the_database(client, path, body):
    response = client.post(path, json=body)
    assert_contract_error(response, 422)
    assert "NUL" in str(response.json["errors"])


def test_a_lost_database_is_a_json_503(client, monkeypatch):
    import sqlalchemy as sa

    from services import categories

    def lost(*args, **kwargs):
        raise sa.exc.OperationalError("SELECT 1", {}, Exception("server closed the connection"))

    monkeypatch.setattr(categories, "category_tree", lost)
    answer = client.get("/api/v1/categories")
    assert answer.status_code == 503 and answer.json["error_code"] == "database_unavailable"
    assert answer.headers["Retry-After"] == "2"
