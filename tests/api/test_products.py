"""Products and variants: every endpoint, every role, bad input, events."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from models import Product, Variant, db
from tests.factories import CategoryFactory, ProductFactory, UserFactory, VariantFactory

PRODUCTS = "/api/v1/products"
VARIANTS = "/api/v1/variants"


@pytest.fixture
def people(auth_headers):
    users = {role: UserFactory(role=role) for role in ("admin", "customer")}
    users["seller"] = UserFactory(role="seller")
    users["other_seller"] = UserFactory(role="seller")
    headers = {name: auth_headers(user) for name, user in users.items()}
    headers["anonymous"] = {}
    return users, headers


def _types(enqueued):
    return [event_type for _, event_type in enqueued]


# Creating and changing products

def test_seller_creates_own_product_with_generated_slug(client, people, enqueued):
    users, headers = people
    category = CategoryFactory()
    response = client.post(PRODUCTS, json={"name": "Trail Runner 2", "category_id": category.id,
                                           "description": "Light."}, headers=headers["seller"])
    assert response.status_code == 201
    body = response.json
    assert body["slug"] == "trail-runner-2" and body["status"] == "draft"
    assert body["seller_id"] == users["seller"].id
    assert body["category"] == {"id": category.id, "name": category.name, "slug": category.slug}
    assert body["variants"] == [] and body["images"] == []
    assert body["rating"] == {"average": None, "count": 0}
    assert "product.updated" in _types(enqueued)


def test_slug_is_unique_and_stable(client, people):
    _, headers = people
    category = CategoryFactory()
    first = client.post(PRODUCTS, json={"name": "Mug", "category_id": category.id},
                        headers=headers["admin"]).json
    second = client.post(PRODUCTS, json={"name": "Mug", "category_id": category.id},
                         headers=headers["admin"]).json
    assert (first["slug"], second["slug"]) == ("mug", "mug-2")
    renamed = client.patch(f"{PRODUCTS}/{first['id']}", json={"name": "Big Mug"},
                           headers=headers["admin"]).json
    assert renamed["slug"] == "mug" and renamed["name"] == "Big Mug"
    numeric = client.post(PRODUCTS, json={"name": "2024", "category_id": category.id},
                          headers=headers["admin"]).json
    assert numeric["slug"] == "item-2024"


def test_admin_may_set_the_seller_a_seller_may_not(client, people):
    users, headers = people
    category = CategoryFactory()
    body = {"name": "X", "category_id": category.id, "seller_id": users["seller"].id}
    created = client.post(PRODUCTS, json=body, headers=headers["admin"])
    assert created.status_code == 201 and created.json["seller_id"] == users["seller"].id
    refused = client.post(PRODUCTS, json={**body, "seller_id": users["other_seller"].id},
                          headers=headers["seller"])
    assert refused.status_code == 403
    not_a_seller = client.post(PRODUCTS, json={**body, "seller_id": users["customer"].id},
                               headers=headers["admin"])
    assert not_a_seller.status_code == 422


@pytest.mark.parametrize("who, status", [("anonymous", 401), ("customer", 403)])
def test_customers_and_anonymous_cannot_create(client, people, who, status):
    _, headers = people
    body = {"name": "X", "category_id": CategoryFactory().id}
    assert client.post(PRODUCTS, json=body, headers=headers[who]).status_code == status


@pytest.mark.parametrize("who, status", [
    ("admin", 200), ("seller", 200), ("other_seller", 404), ("customer", 403),
    ("anonymous", 401)])
def test_who_may_change_a_sellers_product(client, people, who, status):
    users, headers = people
    product = ProductFactory(seller_id=users["seller"].id)
    response = client.patch(f"{PRODUCTS}/{product.id}", json={"name": "Changed"},
                            headers=headers[who])
    assert response.status_code == status
    if status == 404:
        missing = client.patch(f"{PRODUCTS}/999999", json={"name": "Changed"},
                               headers=headers[who])
        assert response.json == missing.json


@pytest.mark.parametrize("change, field", [
    ({"category_id": 999999}, "category_id"),
    ({"name": ""}, "name"),
    ({"category_id": "1"}, "category_id"),
    ({"status": "deleted"}, "status"),
    ({"price_min": 5}, "price_min"),
    ({"slug": "Bad Slug"}, "slug"),
    ({"slug": "1234"}, "slug"),
])
def test_bad_product_input_is_422(client, people, change, field):
    _, headers = people
    body = {"name": "X", "category_id": CategoryFactory().id, **change}
    response = client.post(PRODUCTS, json=body, headers=headers["admin"])
    assert response.status_code == 422
    assert field in response.json["errors"]


def test_visibility_of_drafts(client, people):
    users, headers = people
    draft = ProductFactory(status="draft", seller_id=users["seller"].id)
    for who in ("anonymous", "customer", "other_seller"):
        assert client.get(f"{PRODUCTS}/{draft.slug}", headers=headers[who]).status_code == 404
    for who in ("admin", "seller"):
        assert client.get(f"{PRODUCTS}/{draft.slug}", headers=headers[who]).status_code == 200


def test_product_detail_has_the_contract_fields(client):
    product = ProductFactory()
    VariantFactory(product_id=product.id, sku="A-1", price=1500, on_hand=5, reserved=2,
                   options={"size": "M"})
    body = client.get(f"{PRODUCTS}/{product.slug}").json
    assert {"id", "slug", "name", "description", "category", "status", "images", "variants",
            "rating"} <= set(body)
    assert body["variants"] == [{"id": body["variants"][0]["id"], "sku": "A-1",
                                 "name": "Default", "options": {"size": "M"}, "price": 1500,
                                 "currency": "usd", "available": 3,
                                 # (contract v2 adds weight_g and prices)
                                 "weight_g": 0, "prices": [{"currency": "usd", "amount": 1500,
                                                            "compare_at_price": None}]}]


def test_delete_product_removes_variants_and_emits_deleted(client, people, enqueued):
    users, headers = people
    product = ProductFactory(seller_id=users["seller"].id)
    VariantFactory(product_id=product.id)
    assert client.delete(f"{PRODUCTS}/{product.id}", headers=headers["other_seller"]
                         ).status_code == 404
    assert client.delete(f"{PRODUCTS}/{product.id}", headers=headers["seller"]).status_code == 204
    assert db.session.get(Product, product.id) is None
    assert db.session.scalar(sa.select(sa.func.count(Variant.id))) == 0
    assert _types(enqueued)[-1] == "product.deleted"


def test_a_product_with_reserved_stock_cannot_be_deleted(client, people):
    _, headers = people
    variant = VariantFactory(on_hand=5, reserved=1)
    response = client.delete(f"{PRODUCTS}/{variant.product_id}", headers=headers["admin"])
    assert response.status_code == 409


# Variants and stock

def test_variant_lifecycle_and_price_range(client, people, enqueued):
    users, headers = people
    product = ProductFactory(seller_id=users["seller"].id)
    url = f"{PRODUCTS}/{product.id}/variants"
    small = client.post(url, json={"sku": "TEE-S", "name": "Small", "options": {"size": "S"},
                                   "price": 1900, "on_hand": 4, "low_stock_threshold": 1},
                        headers=headers["seller"])
    assert small.status_code == 201
    assert small.json == {"id": small.json["id"], "product_id": product.id, "sku": "TEE-S",
                          "name": "Small", "options": {"size": "S"}, "price": 1900,
                          "currency": "usd", "compare_at_price": None, "on_hand": 4,
                          "reserved": 0, "available": 4, "low_stock_threshold": 1,
                          # (contract v2 adds weight_g, prices and stock)
                          "weight_g": 0, "prices": [{"currency": "usd", "amount": 1900,
                                                     "compare_at_price": None}],
                          "stock": [{"location_id": small.json["stock"][0]["location_id"],
                                     "on_hand": 4, "reserved": 0, "available": 4}]}
    client.post(url, json={"sku": "TEE-L", "name": "Large", "price": 2500},
                headers=headers["seller"])
    db.session.refresh(product)
    assert (product.price_min, product.price_max) == (1900, 2500)
    assert "inventory.changed" in _types(enqueued)

    patched = client.patch(f"{VARIANTS}/{small.json['id']}", json={"price": 900},
                           headers=headers["seller"])
    assert patched.status_code == 200 and patched.json["price"] == 900
    db.session.refresh(product)
    assert product.price_min == 900
    assert client.get(f"{VARIANTS}/{small.json['id']}", headers=headers["other_seller"]
                      ).status_code == 404
    assert client.delete(f"{VARIANTS}/{small.json['id']}", headers=headers["seller"]
                         ).status_code == 204
    db.session.refresh(product)
    assert product.price_min == 2500


def test_duplicate_sku_is_409(client, people):
    _, headers = people
    VariantFactory(sku="DUP-1")
    product = ProductFactory()
    response = client.post(f"{PRODUCTS}/{product.id}/variants",
                           json={"sku": "DUP-1", "name": "X", "price": 100},
                           headers=headers["admin"])
    assert response.status_code == 409 and response.json["error_code"] == "duplicate_sku"


@pytest.mark.parametrize("change, field", [
    ({"price": 0}, "price"), ({"price": -5}, "price"), ({"price": 10.5}, "price"),
    ({"price": "1000"}, "price"), ({"currency": "USD"}, "currency"),
    ({"on_hand": -1}, "on_hand"), ({"options": {"size": 3}}, "options"),
    ({"sku": "has space"}, "sku"), ({"reserved": 3}, "reserved"),
    ({"options": {"": "x"}}, "options"),
])
def test_bad_variant_input_is_422(client, people, change, field):
    _, headers = people
    product = ProductFactory()
    body = {"sku": "OK-1", "name": "X", "price": 100, **change}
    response = client.post(f"{PRODUCTS}/{product.id}/variants", json=body,
                           headers=headers["admin"])
    assert response.status_code == 422
    assert field in response.json["errors"]


def test_inventory_put_sets_stock_and_refuses_below_reserved(client, people, enqueued):
    users, headers = people
    product = ProductFactory(seller_id=users["seller"].id)
    variant = VariantFactory(product_id=product.id, on_hand=10, reserved=4)
    url = f"{VARIANTS}/{variant.id}/inventory"
    ok = client.put(url, json={"on_hand": 6, "low_stock_threshold": 3}, headers=headers["seller"])
    assert ok.status_code == 200
    assert (ok.json["on_hand"], ok.json["reserved"], ok.json["available"],
            ok.json["low_stock_threshold"]) == (6, 4, 2, 3)
    # Available fell from 6 to 2, under the new threshold of 3: a low-stock alert too.
    assert _types(enqueued)[-2:] == ["inventory.changed", "inventory.low_stock"]
    refused = client.put(url, json={"on_hand": 3}, headers=headers["seller"])
    assert refused.status_code == 409 and refused.json["error_code"] == "stock_below_reserved"
    db.session.refresh(variant)
    assert variant.on_hand == 6
    assert client.put(url, json={"on_hand": 9}, headers=headers["other_seller"]).status_code == 404
    assert client.put(url, json={"on_hand": 9}, headers=headers["customer"]).status_code == 403
    assert client.put(url, json={"on_hand": 9.5}, headers=headers["seller"]).status_code == 422


def test_the_database_refuses_negative_or_overcommitted_stock():
    variant = VariantFactory(on_hand=2, reserved=0)
    for values in ({"on_hand": -1}, {"reserved": 3}, {"reserved": -1}):
        with pytest.raises(sa.exc.IntegrityError), db.session.begin_nested():
            db.session.execute(sa.update(Variant).where(Variant.id == variant.id)
                               .values(**values))


# One path names a product by id or by slug

def test_a_product_answers_by_id_as_by_slug(client, people):
    users, headers = people
    product = ProductFactory(status="active", slug="green-tea")
    VariantFactory(product=product)
    by_slug = client.get(f"{PRODUCTS}/green-tea")
    by_id = client.get(f"{PRODUCTS}/{product.id}")
    assert by_slug.status_code == by_id.status_code == 200
    assert by_id.json == by_slug.json
    # A draft is hidden by id as by slug; its seller and admins see it either way.
    draft = ProductFactory(status="draft", slug="secret-tea", seller_id=users["seller"].id)
    assert client.get(f"{PRODUCTS}/{draft.id}").status_code == 404
    assert client.get(f"{PRODUCTS}/{draft.id}", headers=headers["seller"]).status_code == 200
    # Ids past the column's range, zero and slugs that are not slugs name nothing.
    for ref in ("0", "99999999999", "2147483648", "Green-Tea"):
        assert client.get(f"{PRODUCTS}/{ref}").status_code == 404, ref


def test_a_product_is_changed_and_deleted_by_slug_as_by_id(client, people):
    users, headers = people
    product = ProductFactory(seller_id=users["seller"].id, slug="old-mug")
    changed = client.patch(f"{PRODUCTS}/old-mug", json={"name": "Renamed"},
                           headers=headers["seller"])
    assert changed.status_code == 200 and changed.json["id"] == product.id
    assert client.patch(f"{PRODUCTS}/old-mug", json={"name": "x"},
                        headers=headers["other_seller"]).status_code == 404
    assert client.patch(f"{PRODUCTS}/old-mug", json={"name": "x"},
                        headers=headers["customer"]).status_code == 403
    assert client.delete(f"{PRODUCTS}/old-mug", headers=headers["seller"]).status_code == 204
    assert db.session.get(Product, product.id) is None
