"""GET /products: filters, sorts, search relevance, pagination, caching, query count."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
import sqlalchemy as sa

from models import ProductImage, db, utcnow
from tests.factories import CategoryFactory, ProductFactory, UserFactory, VariantFactory

URL = "/api/v1/products"


def _slugs(response):
    assert response.status_code == 200, response.json
    return [item["slug"] for item in response.json]


@pytest.fixture
def catalog():
    """Shoes (with running shoes below it) and books; prices, stock and ages differ."""
    shoes = CategoryFactory(slug="shoes")
    running = CategoryFactory(slug="running-shoes", parent_id=shoes.id)
    books = CategoryFactory(slug="books")
    now = utcnow()
    made = {}
    for slug, category, price, on_hand, reserved, sold, age in [
        ("trail-runner", running, 12000, 5, 0, 40, 3),
        ("city-sneaker", shoes, 8000, 2, 2, 90, 2),
        ("novel", books, 1500, 0, 0, 10, 1),
        ("atlas", books, 4500, 7, 1, 0, 0),
    ]:
        product = ProductFactory(slug=slug, name=slug.replace("-", " ").title(),
                                 category_id=category.id, units_sold=sold,
                                 created_at=now - timedelta(days=age))
        VariantFactory(product_id=product.id, price=price, on_hand=on_hand, reserved=reserved)
        made[slug] = product
    ProductFactory(slug="hidden-draft", status="draft", category_id=books.id)
    return made


def test_lists_active_products_newest_first_with_contract_fields(client, catalog):
    response = client.get(URL)
    assert _slugs(response) == ["atlas", "novel", "city-sneaker", "trail-runner"]
    item = response.json[0]
    assert set(item) == {"id", "slug", "name", "category", "price_min", "price_max", "currency",
                         "available", "image", "rating"}
    assert (item["price_min"], item["available"], item["image"]) == (4500, 6, None)
    pagination = json.loads(response.headers["X-Pagination"])
    assert pagination["total"] == 4 and pagination["page"] == 1


def test_category_filter_includes_sub_categories(client, catalog):
    assert sorted(_slugs(client.get(f"{URL}?category=shoes"))) == ["city-sneaker",
                                                                   "trail-runner"]
    assert _slugs(client.get(f"{URL}?category=running-shoes")) == ["trail-runner"]
    assert _slugs(client.get(f"{URL}?category=no-such-category")) == []


def test_price_filters_apply_to_price_min(client, catalog):
    assert _slugs(client.get(f"{URL}?min_price=4500&max_price=8000&sort=price")) == [
        "atlas", "city-sneaker"]


def test_in_stock_filter(client, catalog):
    assert sorted(_slugs(client.get(f"{URL}?in_stock=true"))) == ["atlas", "trail-runner"]
    assert sorted(_slugs(client.get(f"{URL}?in_stock=false"))) == ["city-sneaker", "novel"]


@pytest.mark.parametrize("sort, expected", [
    ("price", ["novel", "atlas", "city-sneaker", "trail-runner"]),
    ("-price", ["trail-runner", "city-sneaker", "atlas", "novel"]),
    ("newest", ["atlas", "novel", "city-sneaker", "trail-runner"]),
    ("popular", ["city-sneaker", "trail-runner", "novel", "atlas"]),
])
def test_sorts(client, catalog, sort, expected):
    assert _slugs(client.get(f"{URL}?sort={sort}")) == expected


@pytest.mark.parametrize("query", ["sort=cheapest", "page_size=101", "page_size=0", "page=0",
                                   "min_price=-1", "in_stock=perhaps"])
def test_bad_query_arguments_are_422(client, query):
    response = client.get(f"{URL}?{query}")
    assert response.status_code == 422 and response.json["errors"]


def test_pagination(client):
    for n in range(25):
        VariantFactory(product_id=ProductFactory(slug=f"p-{n:02d}").id)
    first = client.get(f"{URL}?page_size=10&sort=price")
    third = client.get(f"{URL}?page=3&page_size=10&sort=price")
    assert len(first.json) == 10 and len(third.json) == 5
    meta = json.loads(third.headers["X-Pagination"])
    assert (meta["total"], meta["total_pages"], meta["page"], meta["previous_page"]) == (
        25, 3, 3, 2)


def test_search_ranks_name_matches_above_description_matches(client):
    category = CategoryFactory()
    for slug, name, description in [
        ("blue-sneaker", "Blue Sneaker", "A light shoe, great for running on roads."),
        ("red-running-shoe", "Red Running Shoe", "Built for trails."),
        ("garden-hose", "Garden Hose", "Twenty metres of hose."),
    ]:
        product = ProductFactory(slug=slug, name=name, description=description,
                                 category_id=category.id)
        VariantFactory(product_id=product.id)
    assert _slugs(client.get(f"{URL}?q=running")) == ["red-running-shoe", "blue-sneaker"]
    assert _slugs(client.get(f"{URL}?q=hose")) == ["garden-hose"]
    assert _slugs(client.get(f"{URL}?q=running&sort=price")) != []
    assert _slugs(client.get(f"{URL}?q=zeppelin")) == []


def test_a_page_of_20_products_takes_a_fixed_number_of_queries(app, client):
    for n in range(30):
        product = ProductFactory(slug=f"q-{n:02d}")
        for size in ("S", "M", "L"):
            VariantFactory(product_id=product.id, options={"size": size})
        for position in range(2):
            db.session.add(ProductImage(product_id=product.id, storage_key=f"k{n}{position}",
                                        url=f"/media/k{n}{position}.png", alt="",
                                        position=position, content_type="image/png"))
    db.session.flush()
    statements = []

    def count(conn, cursor, statement, *args):
        if statement.lstrip().upper().startswith(("SELECT", "WITH")):
            statements.append(statement)

    engine = db.session.get_bind().engine
    sa.event.listen(engine, "before_cursor_execute", count)
    try:
        response = client.get(f"{URL}?page_size=20")
    finally:
        sa.event.remove(engine, "before_cursor_execute", count)
    assert len(response.json) == 20
    assert all(item["image"] for item in response.json)
    # One count, one page: no query per product.
    assert len(statements) <= 3, statements


def test_etag_and_conditional_get(client, catalog, auth_headers):
    first = client.get(URL)
    assert first.headers["Cache-Control"] == "public, max-age=60"
    etag = first.headers["ETag"]
    again = client.get(URL, headers={"If-None-Match": etag})
    assert again.status_code == 304 and again.data == b""
    detail = client.get(f"{URL}/atlas")
    assert client.get(f"{URL}/atlas", headers={"If-None-Match": detail.headers["ETag"]}
                      ).status_code == 304
    admin = auth_headers(UserFactory(role="admin"))
    assert client.patch(f"{URL}/{catalog['atlas'].id}", json={"name": "Atlas of the World"},
                        headers=admin).status_code == 200
    changed = client.get(f"{URL}/atlas", headers={"If-None-Match": detail.headers["ETag"]})
    assert changed.status_code == 200 and changed.json["name"] == "Atlas of the World"


def test_signed_in_answers_are_private(client, catalog, auth_headers):
    response = client.get(URL, headers=auth_headers(UserFactory()))
    assert response.headers["Cache-Control"] == "private, no-cache"
    assert "Authorization" in response.headers["Vary"]


def test_categories_are_cacheable_too(client, catalog):
    response = client.get("/api/v1/categories")
    assert response.headers["Cache-Control"] == "public, max-age=60" and response.headers["ETag"]
