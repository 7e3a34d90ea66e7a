"""Discount codes in the back office."""

from __future__ import annotations

import pytest

from tests.factories import UserFactory

URL = "/api/v1/admin/discounts"


@pytest.fixture
def admin(auth_headers):
    return auth_headers(UserFactory(role="admin"))


def test_admin_creates_lists_and_updates(client, admin):
    created = client.post(URL, json={"code": "Spring-25", "kind": "percent", "value": 25,
                                     "max_uses": 100, "ends_at": "2030-01-01T00:00:00"},
                          headers=admin)
    assert created.status_code == 201
    body = created.json
    assert (body["code"], body["uses"], body["active"], body["min_subtotal"]) == (
        "SPRING-25", 0, True, 0)
    assert body["ends_at"].startswith("2030-01-01T00:00:00")
    listed = client.get(URL, headers=admin)
    assert [d["code"] for d in listed.json] == ["SPRING-25"] and "X-Pagination" in listed.headers
    patched = client.patch(f"{URL}/{body['id']}", json={"active": False}, headers=admin)
    assert patched.status_code == 200 and patched.json["active"] is False


def test_codes_are_unique_case_insensitively(client, admin):
    client.post(URL, json={"code": "WELCOME", "kind": "fixed", "value": 500}, headers=admin)
    again = client.post(URL, json={"code": "welcome", "kind": "fixed", "value": 100},
                        headers=admin)
    assert again.status_code == 409


@pytest.mark.parametrize("body, field", [
    ({"code": "X1", "kind": "percent", "value": 101}, "value"),
    ({"code": "X1", "kind": "percent", "value": 0}, "value"),
    ({"code": "X1", "kind": "bogus", "value": 5}, "kind"),
    ({"code": "X 1", "kind": "fixed", "value": 5}, "code"),
    ({"code": "X1", "kind": "fixed", "value": 5.5}, "value"),
    ({"code": "X1", "kind": "fixed", "value": 5, "uses": 3}, "uses"),
    ({"code": "X1", "kind": "fixed", "value": 5, "starts_at": "2030-01-02T00:00:00Z",
      "ends_at": "2030-01-01T00:00:00Z"}, "ends_at"),
])
def test_bad_discounts_are_422(client, admin, body, field):
    response = client.post(URL, json=body, headers=admin)
    assert response.status_code == 422 and field in response.json["errors"]


@pytest.mark.parametrize("role, status", [("customer", 403), ("seller", 403)])
def test_only_admins(client, auth_headers, role, status):
    headers = auth_headers(UserFactory(role=role))
    assert client.get(URL, headers=headers).status_code == status
    assert client.post(URL, json={"code": "X1", "kind": "fixed", "value": 5},
                       headers=headers).status_code == status
    assert client.get(URL).status_code == 401
