from __future__ import annotations

from tests.factories import UserFactory


def test_me_returns_the_contract_fields(client, auth_headers):
    user = UserFactory(full_name="Grace Hopper", role="seller")
    response = client.get("/api/v1/me", headers=auth_headers(user))
    assert response.status_code == 200
    # Contract v2 adds email_verified to the v1 fields.
    assert response.json == {"id": user.id, "email": user.email, "full_name": "Grace Hopper",
                             "role": "seller", "created_at": user.created_at.isoformat(),
                             "email_verified": False}


def test_me_requires_a_token(client):
    assert client.get("/api/v1/me").status_code == 401


def test_patch_me_changes_the_name_only(client, auth_headers):
    user = UserFactory()
    headers = auth_headers(user)
    response = client.patch("/api/v1/me", json={"full_name": "New Name"}, headers=headers)
    assert response.status_code == 200 and response.json["full_name"] == "New Name"
    for forbidden in ({"role": "admin"}, {"email": "x@example.com"}, {"is_active": False}):
        response = client.patch("/api/v1/me", json=forbidden, headers=headers)
        assert response.status_code == 422
    assert client.get("/api/v1/me", headers=headers).json["role"] == "customer"


def test_patch_me_rejects_an_empty_name(client, auth_headers):
    response = client.patch("/api/v1/me", json={"full_name": ""},
                            headers=auth_headers(UserFactory()))
    assert response.status_code == 422
