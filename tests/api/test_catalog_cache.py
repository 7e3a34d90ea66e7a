"""The catalog cache: anonymous reads served again until the catalog changes, and dropped by
every committed change (products, variants, stock, categories, reviews), never by one that
rolls back. In round 1 the cache is in memory, in round 2 it is Redis."""

from __future__ import annotations

import pytest
import redis

from core.redis_client import make_redis
from models import db
from services import catalog_cache, categories, inventory
from tests.api.test_checkout import ADDRESS
from tests.conftest import TEST_REDIS_URL
from tests.factories import (
    CategoryFactory,
    ProductFactory,
    UserFactory,
    VariantFactory,
    fill_cart,
    make_order,
)

LISTING = "/api/v1/products?page_size=20"


@pytest.fixture
def shelf():
    books = CategoryFactory(slug="books")
    product = ProductFactory(slug="atlas", name="Atlas", category_id=books.id)
    variant = VariantFactory(product_id=product.id, price=4500, on_hand=7, reserved=0)
    return product, variant


@pytest.fixture
def admin(auth_headers):
    return auth_headers(UserFactory(role="admin"))


def served(client, url, headers=None):
    response = client.get(url, headers=headers or {})
    assert response.status_code == 200, response.json
    return response


def test_a_second_anonymous_read_is_a_hit_with_the_same_answer(client, shelf):
    first = served(client, LISTING)
    second = served(client, LISTING)
    assert (first.headers["X-Cache"], second.headers["X-Cache"]) == ("miss", "hit")
    assert second.json == first.json and second.json[0]["available"] == 7
    for header in ("ETag", "X-Pagination", "Content-Type", "Cache-Control"):
        assert second.headers[header] == first.headers[header]
    # The request's own headers are fresh on a hit.
    assert second.headers["X-Request-ID"] != first.headers["X-Request-ID"]
    # A hit honours If-None-Match as the view would.
    again = client.get(LISTING, headers={"If-None-Match": first.headers["ETag"]})
    assert again.status_code == 304 and again.data == b"" and again.headers["X-Cache"] == "hit"


def test_unknown_query_arguments_share_the_entry_and_known_ones_do_not(client, shelf):
    served(client, LISTING)
    assert served(client, LISTING + "&_=123").headers["X-Cache"] == "hit"
    assert served(client, LISTING + "&sort=price").headers["X-Cache"] == "miss"
    assert served(client, "/api/v1/products?page_size=19").headers["X-Cache"] == "miss"


def test_signed_in_callers_are_never_served_from_the_cache(client, shelf, auth_headers):
    served(client, LISTING)
    response = served(client, LISTING, auth_headers(UserFactory()))
    assert "X-Cache" not in response.headers
    assert response.headers["Cache-Control"] == "private, no-cache"


def test_refusals_are_not_cached(client, shelf):
    assert client.get("/api/v1/products/no-such-thing").status_code == 404
    ProductFactory(slug="no-such-thing")
    assert served(client, "/api/v1/products/no-such-thing").headers["X-Cache"] == "miss"


def test_a_product_change_drops_the_listing_and_the_detail(client, shelf, admin):
    product, _ = shelf
    served(client, LISTING)
    served(client, "/api/v1/products/atlas")
    assert client.patch(f"/api/v1/products/{product.id}", json={"name": "World Atlas"},
                        headers=admin).status_code == 200
    listing = served(client, LISTING)
    detail = served(client, "/api/v1/products/atlas")
    assert listing.headers["X-Cache"] == detail.headers["X-Cache"] == "miss"
    assert listing.json[0]["name"] == detail.json["name"] == "World Atlas"


def test_a_product_unpublished_or_deleted_leaves_the_listing(client, shelf, admin):
    product, _ = shelf
    assert [item["slug"] for item in served(client, LISTING).json] == ["atlas"]
    client.patch(f"/api/v1/products/{product.id}", json={"status": "draft"}, headers=admin)
    assert served(client, LISTING).json == []
    assert client.get("/api/v1/products/atlas").status_code == 404
    client.patch(f"/api/v1/products/{product.id}", json={"status": "active"}, headers=admin)
    served(client, LISTING)
    assert client.delete(f"/api/v1/products/{product.id}", headers=admin).status_code == 204
    assert served(client, LISTING).json == []


def test_stock_set_by_an_admin_shows_at_once(client, shelf, admin):
    _, variant = shelf
    served(client, LISTING)
    assert client.put(f"/api/v1/variants/{variant.id}/inventory", json={"on_hand": 2},
                      headers=admin).status_code == 200
    assert served(client, LISTING).json[0]["available"] == 2


def test_a_checkout_reservation_shows_at_once(client, shelf, auth_headers):
    _, variant = shelf
    assert served(client, "/api/v1/products/atlas").json["variants"][0]["available"] == 7
    shopper = UserFactory()
    fill_cart(shopper, {variant: 3})
    response = client.post("/api/v1/checkout", json={"shipping_address": ADDRESS},
                           headers={**auth_headers(shopper), "Idempotency-Key": "k1"})
    assert response.status_code == 201, response.json
    detail = served(client, "/api/v1/products/atlas")
    assert detail.headers["X-Cache"] == "miss"
    assert detail.json["variants"][0]["available"] == 4


def test_a_category_change_drops_the_tree(client, shelf, admin):
    assert [c["slug"] for c in served(client, "/api/v1/categories").json] == ["books"]
    assert client.post("/api/v1/categories", json={"name": "Maps"},
                       headers=admin).status_code == 201
    tree = served(client, "/api/v1/categories")
    assert tree.headers["X-Cache"] == "miss"
    assert sorted(c["slug"] for c in tree.json) == ["books", "maps"]


def test_a_review_drops_the_rating(client, shelf, auth_headers):
    product, variant = shelf
    customer = UserFactory()
    make_order(customer, [(variant, 1)], status="delivered")
    assert served(client, "/api/v1/products/atlas").json["rating"]["count"] == 0
    response = client.post(f"/api/v1/products/{product.id}/reviews",
                           json={"rating": 4, "title": "Good", "body": "Clear maps."},
                           headers=auth_headers(customer))
    assert response.status_code == 201, response.json
    assert served(client, "/api/v1/products/atlas").json["rating"] == {"average": 4.0,
                                                                      "count": 1}


def test_a_change_that_rolls_back_keeps_the_generation(app, shelf):
    cache = app.extensions["stockroom.catalog_cache"]
    _, variant = shelf
    db.session.commit()
    before = cache.generation()
    categories.create_category("Maps")
    # A released savepoint is not the commit: the change can still roll back.
    with db.session.begin_nested():
        inventory.set_stock(variant, 5)
    db.session.rollback()
    assert cache.generation() == before
    # The same changes committed bump it once, however many events they record.
    inventory.set_stock(variant, 5)
    inventory.set_stock(variant, 6)
    categories.create_category("Globes")
    db.session.commit()
    assert cache.generation() == before + 1


def test_redis_away_serves_from_the_database(app, client, shelf):
    # A port nothing listens on: every cache call fails, no request does.
    with redis.Redis(host="127.0.0.1", port=1, socket_connect_timeout=0.2) as dead:
        app.extensions["stockroom.catalog_cache"], original = (
            catalog_cache.RedisCatalogCache(dead, "stockroom:test-dead", 60),
            app.extensions["stockroom.catalog_cache"])
        try:
            for _ in range(2):
                response = served(client, LISTING)
                assert "X-Cache" not in response.headers and response.json[0]["slug"] == "atlas"
        finally:
            app.extensions["stockroom.catalog_cache"] = original


@pytest.mark.redis
def test_two_processes_share_entries_and_invalidation_through_redis(app, client, shelf):
    """Another gunicorn worker is another client on the same keys: what one fills the
    other reads, and a change committed in one is seen by the other."""
    mine = app.extensions["stockroom.catalog_cache"]
    assert isinstance(mine, catalog_cache.RedisCatalogCache)
    other = catalog_cache.RedisCatalogCache(make_redis(TEST_REDIS_URL), mine.prefix, 60)
    served(client, LISTING)
    generation, entry = other.lookup("/api/v1/products?page_size=20")
    assert entry is not None and generation == mine.generation()
    other.invalidate()
    assert served(client, LISTING).headers["X-Cache"] == "miss"
    assert mine.generation() == generation + 1


@pytest.mark.redis
def test_a_process_copy_shows_another_process_change_after_its_second(app, client, shelf):
    """With ``CATALOG_LOCAL_CACHE_SECONDS``, a worker serves a hot page from its own memory
    and sees another worker's change through Redis once its second is over."""
    shared, now = app.extensions["stockroom.catalog_cache"], [0.0]
    near = catalog_cache.make_catalog_cache(make_redis(TEST_REDIS_URL), shared.prefix, 60,
                                            local_seconds=1)
    near.clock = lambda: now[0]
    other = catalog_cache.RedisCatalogCache(make_redis(TEST_REDIS_URL), shared.prefix, 60)
    app.extensions["stockroom.catalog_cache"] = near
    try:
        served(client, LISTING)
        assert served(client, LISTING).headers["X-Cache"] == "hit"  # now kept here too
        other.invalidate()
        assert served(client, LISTING).headers["X-Cache"] == "hit"  # within its second
        now[0] += 1
        assert served(client, LISTING).headers["X-Cache"] == "miss"
    finally:
        app.extensions["stockroom.catalog_cache"] = shared


def test_a_process_keeps_its_own_copy_for_its_seconds_and_drops_it_on_its_own_change():
    """``NearCatalogCache``: a confirmed answer is served again without asking the shared
    cache; another process's change shows once the copy's seconds are over; this process's
    own change drops the copy at once; only answers the shared cache confirmed are kept."""
    shared, now = catalog_cache.MemoryCatalogCache(), [0.0]
    near = catalog_cache.NearCatalogCache(shared, seconds=1, max_entries=2,
                                          clock=lambda: now[0])
    generation, value = near.lookup("/a")
    assert value is None
    near.put(generation, "/a", b"A1")
    assert near.entries == {}  # read from the database: not known current yet
    assert near.lookup("/a") == (generation, b"A1")  # confirmed by the shared cache: kept
    shared.invalidate()  # another process's change
    shared.put(generation + 1, "/a", b"A2")
    assert near.lookup("/a") == (generation, b"A1")
    now[0] += 1
    assert near.lookup("/a") == (generation + 1, b"A2")
    near.invalidate()  # this process's change
    assert near.entries == {} and near.lookup("/a") == (generation + 2, None)
    for key in ("/b", "/c", "/d"):
        shared.put(generation + 2, key, key.encode())
        near.lookup(key)
    assert list(near.entries) == ["/c", "/d"]
