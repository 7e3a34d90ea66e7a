from __future__ import annotations

import json

import pytest

from models import Address, db
from tests.factories import AddressFactory, UserFactory

URL = "/api/v1/me/addresses"
VALID = {"full_name": "Ada Lovelace", "line1": "12 St James's Square", "city": "London",
         "postal_code": "SW1Y 4JH", "country": "GB", "phone": "+44 20 7946 0000"}


def test_create_list_get_update_delete(client, auth_headers):
    headers = auth_headers(UserFactory())
    created = client.post(URL, json=VALID, headers=headers)
    assert created.status_code == 201
    body = created.json
    assert body["country"] == "GB"
    assert body["is_default"] is True  # the first address becomes the default
    listing = client.get(URL, headers=headers)
    assert listing.status_code == 200 and [a["id"] for a in listing.json] == [body["id"]]
    pagination = json.loads(listing.headers["X-Pagination"])
    assert pagination["total"] == 1 and pagination["page"] == 1
    one = client.get(f"{URL}/{body['id']}", headers=headers)
    assert one.json == body
    patched = client.patch(f"{URL}/{body['id']}", json={"city": "Oxford"}, headers=headers)
    assert patched.status_code == 200 and patched.json["city"] == "Oxford"
    assert client.delete(f"{URL}/{body['id']}", headers=headers).status_code == 204
    assert client.get(f"{URL}/{body['id']}", headers=headers).status_code == 404


def test_only_one_default_address(client, auth_headers):
    headers = auth_headers(UserFactory())
    first = client.post(URL, json=VALID, headers=headers).json
    second = client.post(URL, json={**VALID, "is_default": True}, headers=headers).json
    assert second["is_default"] is True
    assert client.get(f"{URL}/{first['id']}", headers=headers).json["is_default"] is False
    client.patch(f"{URL}/{first['id']}", json={"is_default": True}, headers=headers)
    defaults = [a["id"] for a in client.get(URL, headers=headers).json if a["is_default"]]
    assert defaults == [first["id"]]


def test_another_users_address_is_404_like_a_missing_one(client, auth_headers):
    owner, other = UserFactory(), UserFactory()
    address = AddressFactory(user_id=owner.id)
    headers = auth_headers(other)
    missing = client.get(f"{URL}/999999", headers=headers)
    foreign = client.get(f"{URL}/{address.id}", headers=headers)
    assert foreign.status_code == missing.status_code == 404
    assert foreign.json == missing.json
    assert client.patch(f"{URL}/{address.id}", json={"city": "X"},
                        headers=headers).status_code == 404
    assert client.delete(f"{URL}/{address.id}", headers=headers).status_code == 404
    assert db.session.get(Address, address.id).city != "X"
    assert client.get(URL, headers=headers).json == []


@pytest.mark.parametrize("change, field", [
    ({"country": "XX"}, "country"),
    ({"country": "USA"}, "country"),
    ({"country": "gb"}, "country"),
    ({"postal_code": ""}, "postal_code"),
    ({"phone": "call me"}, "phone"),
    ({"user_id": 1}, "user_id"),
    ({"line1": None}, "line1"),
])
def test_bad_addresses_are_422(client, auth_headers, change, field):
    response = client.post(URL, json={**VALID, **change}, headers=auth_headers(UserFactory()))
    assert response.status_code == 422
    assert field in response.json["errors"]


def test_page_size_over_100_is_422(client, auth_headers):
    response = client.get(f"{URL}?page_size=101", headers=auth_headers(UserFactory()))
    assert response.status_code == 422


def test_addresses_need_a_token(client):
    assert client.get(URL).status_code == 401
    assert client.post(URL, json=VALID).status_code == 401


def test_ids_beyond_the_column_are_404_not_500(client, auth_headers):
    headers = auth_headers(UserFactory())
    for method in ("get", "patch", "delete"):
        response = getattr(client, method)(f"{URL}/9223372036854775808", headers=headers,
                                           json={} if method == "patch" else None)
        assert response.status_code == 404, method
    assert client.get(f"{URL}/0", headers=headers).status_code == 404


def test_a_page_far_past_the_end_is_empty(client, auth_headers):
    response = client.get(f"{URL}?page=1844668909812816094", headers=auth_headers(UserFactory()))
    assert response.status_code == 200 and response.json == []
