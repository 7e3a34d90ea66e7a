from __future__ import annotations

import pytest

from models import Category, db
from tests.factories import CategoryFactory, ProductFactory, UserFactory

URL = "/api/v1/categories"


def test_tree_nests_children_under_parents(client):
    root = CategoryFactory(name="Apparel", slug="apparel")
    child = CategoryFactory(name="Shoes", slug="shoes", parent_id=root.id)
    CategoryFactory(name="Running", slug="running", parent_id=child.id)
    CategoryFactory(name="Books", slug="books")
    response = client.get(URL)
    assert response.status_code == 200
    tree = response.json
    assert [node["slug"] for node in tree] == ["apparel", "books"]
    shoes = tree[0]["children"][0]
    assert shoes["slug"] == "shoes" and shoes["parent_id"] == root.id
    assert [c["slug"] for c in shoes["children"]] == ["running"]
    assert set(tree[1]) == {"id", "name", "slug", "parent_id", "children"}


def test_admin_creates_updates_and_deletes(client, auth_headers):
    headers = auth_headers(UserFactory(role="admin"))
    created = client.post(URL, json={"name": "Home & Garden"}, headers=headers)
    assert created.status_code == 201 and created.json["slug"] == "home-garden"
    again = client.post(URL, json={"name": "Home & Garden"}, headers=headers)
    assert again.json["slug"] == "home-garden-2"
    child = client.post(URL, json={"name": "Tools", "parent_id": created.json["id"]},
                        headers=headers).json
    moved = client.patch(f"{URL}/{child['id']}", json={"parent_id": None, "name": "Tools!"},
                         headers=headers)
    assert moved.status_code == 200 and moved.json["parent_id"] is None
    assert client.delete(f"{URL}/{child['id']}", headers=headers).status_code == 204
    assert db.session.get(Category, child["id"]) is None


@pytest.mark.parametrize("role, status", [("customer", 403), ("seller", 403)])
def test_only_admins_write(client, auth_headers, role, status):
    category = CategoryFactory()
    headers = auth_headers(UserFactory(role=role))
    assert client.post(URL, json={"name": "X"}, headers=headers).status_code == status
    assert client.patch(f"{URL}/{category.id}", json={"name": "X"},
                        headers=headers).status_code == status
    assert client.delete(f"{URL}/{category.id}", headers=headers).status_code == status
    assert client.post(URL, json={"name": "X"}).status_code == 401


def test_a_category_cannot_become_its_own_ancestor(client, auth_headers):
    headers = auth_headers(UserFactory(role="admin"))
    root = CategoryFactory()
    child = CategoryFactory(parent_id=root.id)
    response = client.patch(f"{URL}/{root.id}", json={"parent_id": child.id}, headers=headers)
    assert response.status_code == 422 and "parent_id" in response.json["errors"]
    response = client.patch(f"{URL}/{root.id}", json={"parent_id": root.id}, headers=headers)
    assert response.status_code == 422


def test_deleting_a_category_in_use_is_409(client, auth_headers):
    headers = auth_headers(UserFactory(role="admin"))
    parent = CategoryFactory()
    CategoryFactory(parent_id=parent.id)
    assert client.delete(f"{URL}/{parent.id}", headers=headers).status_code == 409
    with_products = ProductFactory().category_id
    assert client.delete(f"{URL}/{with_products}", headers=headers).status_code == 409


@pytest.mark.parametrize("body", [{"name": ""}, {"name": "A", "parent_id": 99999},
                                  {"name": "A", "slug": "Not A Slug"}, {"name": "A", "x": 1},
                                  {"name": "A", "parent_id": "1"}])
def test_bad_category_input_is_422(client, auth_headers, body):
    response = client.post(URL, json=body, headers=auth_headers(UserFactory(role="admin")))
    assert response.status_code == 422
