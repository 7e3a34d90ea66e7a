"""Bad input found by probing the running stack from outside: each request below answered a
500 (or stored what no database should) before; now each is a JSON 4xx and loses nothing."""

from __future__ import annotations

import pytest

from tests.factories import UserFactory

DEEP = 1000
BODIES = ["/api/v1/auth/login", "/api/v1/auth/register", "/api/v1/auth/password-reset",
          "/api/v1/cart/items", "/api/v1/checkout", "/api/v1/me/addresses"]


@pytest.mark.parametrize("path", BODIES)
@pytest.mark.parametrize("depth", [900, DEEP, 5000])
def test_json_nested_deeply_is_400(client, auth_headers, path, depth):
    headers = {**auth_headers(UserFactory()), "Idempotency-Key": "deep"}
    response = client.post(path, data="[" * depth + "]" * depth,
                           content_type="application/json", headers=headers)
    assert response.status_code == 400 and response.is_json
    assert response.json["code"] == 400


@pytest.mark.parametrize("path, body", [
    ("/api/v1/auth/register", '{"email": "s@example.com", "password": "long-enough-pw", '
                              '"full_name": "\\ud800"}'),
    ("/api/v1/auth/login", '{"email": "\\ud800@example.com", "password": "\\ud800"}'),
    ("/api/v1/auth/password-reset", '{"email": "\\udfff@example.com"}'),
    ("/api/v1/me/addresses", '{"full_name": "A", "line1": "\\ud800", "city": "B", '
                             '"postal_code": "1", "country": "FR"}'),
    ("/api/v1/checkout", '{"shipping_address": {"full_name": "\\ud800", "line1": "1", '
                         '"city": "B", "postal_code": "1", "country": "FR"}}'),
])
def test_a_lone_surrogate_is_400_and_nothing_is_stored(client, auth_headers, path, body):
    headers = {**auth_headers(UserFactory()), "Idempotency-Key": "surrogate"}
    response = client.post(path, data=body, content_type="application/json", headers=headers)
    assert response.status_code == 400 and response.is_json


@pytest.mark.parametrize("path", ["/api/v1/products?q=%00", "/api/v1/products/a%00b"])
def test_a_nul_in_the_path_or_query_is_400(client, path):
    response = client.get(path)
    assert response.status_code == 400 and response.is_json


def test_a_nul_in_a_path_segment_of_a_write_is_400(client, auth_headers):
    response = client.post("/api/v1/payments/fake/%00/settle", json={"outcome": "succeeded"},
                           headers=auth_headers(UserFactory()))
    assert response.status_code == 400 and response.is_json


def test_categories_nest_at_most_ten_levels(client, auth_headers):
    admin = auth_headers(UserFactory(role="admin"))
    parent = None
    for level in range(10):
        response = client.post("/api/v1/categories", headers=admin,
                               json={"name": f"Level {level}", "parent_id": parent}
                               if parent else {"name": f"Level {level}"})
        assert response.status_code == 201, response.json
        parent = response.json["id"]
    deeper = client.post("/api/v1/categories", headers=admin,
                         json={"name": "Too deep", "parent_id": parent})
    assert deeper.status_code == 422 and "parent_id" in deeper.json["errors"]
    assert client.get("/api/v1/categories").status_code == 200


@pytest.mark.parametrize("encoding", ["utf-16", "utf-32", "utf-16-be"])
def test_a_body_that_is_not_utf8_is_400(client, auth_headers, encoding):
    """Found by schemathesis: ``json.loads`` guessed UTF-16 from random bytes and an admin's
    PATCH was applied. JSON on the wire is UTF-8."""
    admin = auth_headers(UserFactory(role="admin"))
    created = client.post("/api/v1/categories", json={"name": "Shoes"}, headers=admin)
    response = client.patch(f"/api/v1/categories/{created.json['id']}",
                            data='{"name": "Boots"}'.encode(encoding),
                            content_type="application/json", headers=admin)
    assert response.status_code == 400 and response.is_json
    assert client.get("/api/v1/categories").json[0]["name"] == "Shoes"
