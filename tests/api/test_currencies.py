"""Prices in several currencies: variants' price lists, catalog reads in a currency, a cart
fixed to one, checkout charging in it, codes and shipping that never mix currencies,
zero-decimal amounts, and analytics per currency."""

from __future__ import annotations

from datetime import timedelta

import pytest
import sqlalchemy as sa

from models import Cart, Discount, FakePayment, Order, ProductPrice, VariantPrice, db, utcnow
from services import currencies
from tests.factories import (
    DEFAULT_PASSWORD,
    ProductFactory,
    UserFactory,
    VariantFactory,
    make_order,
)

PRODUCTS = "/api/v1/products"
CART = "/api/v1/cart"
ITEMS = "/api/v1/cart/items"
ADDRESS = {"full_name": "Ada", "line1": "1 Main St", "city": "Berlin", "postal_code": "10115",
           "country": "DE"}


@pytest.fixture
def admin(auth_headers):
    return auth_headers(UserFactory(role="admin"))


@pytest.fixture
def shirt():
    """A USD product with a EUR price on one of its two variants."""
    product = ProductFactory(slug="shirt", name="Shirt")
    priced = VariantFactory(product_id=product.id, sku="SHIRT-M", price=2500, on_hand=20,
                            prices=[VariantPrice(currency="eur", amount=2300,
                                                 compare_at_price=2900)])
    unpriced = VariantFactory(product_id=product.id, sku="SHIRT-XL", price=2700, on_hand=20)
    db.session.commit()
    return product, priced, unpriced


def test_a_variant_takes_and_shows_its_price_list(client, admin):
    product = ProductFactory()
    url = f"{PRODUCTS}/{product.id}/variants"
    created = client.post(url, headers=admin, json={
        "sku": "CUP-1", "name": "Cup", "price": 1200, "prices": [
            {"currency": "eur", "amount": 1100}, {"currency": "jpy", "amount": 1800}]})
    assert created.status_code == 201, created.json
    assert created.json["prices"] == [
        {"currency": "usd", "amount": 1200, "compare_at_price": None},
        {"currency": "eur", "amount": 1100, "compare_at_price": None},
        {"currency": "jpy", "amount": 1800, "compare_at_price": None}]
    ranges = {row.currency: (row.price_min, row.price_max) for row in db.session.scalars(
        sa.select(ProductPrice).where(ProductPrice.product_id == product.id))}
    assert ranges == {"usd": (1200, 1200), "eur": (1100, 1100), "jpy": (1800, 1800)}

    # A PATCH's list replaces the old; the own currency's entry may repeat the price.
    patched = client.patch(f"/api/v1/variants/{created.json['id']}", headers=admin, json={
        "prices": [{"currency": "usd", "amount": 1200}, {"currency": "gbp", "amount": 990}]})
    assert patched.status_code == 200, patched.json
    assert [p["currency"] for p in patched.json["prices"]] == ["usd", "gbp"]
    assert {row.currency for row in db.session.scalars(
        sa.select(ProductPrice).where(ProductPrice.product_id == product.id))} == {"usd", "gbp"}
    # Never contradict it, never twice, never half a price.
    for prices in ([{"currency": "usd", "amount": 1}],
                   [{"currency": "eur", "amount": 1}, {"currency": "eur", "amount": 2}],
                   [{"currency": "eur"}], [{"currency": "EUR", "amount": 5}],
                   [{"currency": "eur", "amount": 0}]):
        refused = client.patch(f"/api/v1/variants/{created.json['id']}", headers=admin,
                               json={"prices": prices})
        assert refused.status_code == 422, prices
        assert "prices" in refused.json["errors"]
    # Moving the variant to a currency it had a price in makes that its price.
    moved = client.patch(f"/api/v1/variants/{created.json['id']}", headers=admin,
                         json={"currency": "gbp", "price": 990})
    assert moved.json["prices"] == [{"currency": "gbp", "amount": 990, "compare_at_price": None}]


def test_catalog_reads_answer_in_the_currency_asked(client, shirt):
    VariantFactory(product_id=ProductFactory(slug="usd-only").id, price=900)
    db.session.commit()

    listing = client.get(f"{PRODUCTS}?currency=eur").json
    assert [(p["slug"], p["price_min"], p["price_max"], p["currency"]) for p in listing] == [
        ("shirt", 2300, 2300, "eur")]
    assert client.get(f"{PRODUCTS}?currency=EUR").json == listing
    assert {p["slug"] for p in client.get(PRODUCTS).json} == {"shirt", "usd-only"}
    assert client.get(f"{PRODUCTS}?currency=eur&max_price=2000").json == []
    assert len(client.get(f"{PRODUCTS}?currency=eur&min_price=2300").json) == 1
    assert client.get(f"{PRODUCTS}?currency=jpy").json == []
    assert client.get(f"{PRODUCTS}?currency=euro").status_code == 422

    detail = client.get(f"{PRODUCTS}/shirt?currency=eur").json
    assert [(v["sku"], v["price"], v["currency"]) for v in detail["variants"]] == [
        ("SHIRT-M", 2300, "eur")]
    assert detail["variants"][0]["prices"][1] == {"currency": "eur", "amount": 2300,
                                                  "compare_at_price": 2900}
    own = client.get(f"{PRODUCTS}/shirt").json
    assert [(v["sku"], v["price"], v["currency"]) for v in own["variants"]] == [
        ("SHIRT-M", 2500, "usd"), ("SHIRT-XL", 2700, "usd")]


def test_the_catalog_cache_keeps_each_currency_apart(client, shirt):
    first = client.get(f"{PRODUCTS}/shirt?currency=eur")
    usd = client.get(f"{PRODUCTS}/shirt")
    again = client.get(f"{PRODUCTS}/shirt?currency=eur")
    assert first.json["variants"][0]["currency"] == again.json["variants"][0]["currency"] == "eur"
    assert usd.json["variants"][0]["currency"] == "usd"
    assert (first.headers["X-Cache"], usd.headers["X-Cache"],
            again.headers["X-Cache"]) == ("miss", "miss", "hit")


def test_a_cart_is_fixed_to_one_currency(client, shirt):
    _, priced, unpriced = shirt
    first = client.put(f"{CART}/currency", json={"currency": "eur"})
    assert first.status_code == 200 and first.json["currency"] == "eur"
    token = {"X-Cart-Token": first.headers["X-Cart-Token"]}
    added = client.post(ITEMS, json={"variant_id": priced.id, "quantity": 2}, headers=token)
    assert added.status_code == 201
    assert (added.json["items"][0]["unit_price"], added.json["subtotal"],
            added.json["currency"]) == (2300, 4600, "eur")
    refused = client.post(ITEMS, json={"variant_id": unpriced.id, "quantity": 1},
                          headers=token)
    assert refused.status_code == 409 and refused.json["error_code"] == "currency_mismatch"
    # Back to the variant's own currency: every line is priced in it.
    assert client.put(f"{CART}/currency", json={"currency": "usd"},
                      headers=token).json["subtotal"] == 5000
    client.post(ITEMS, json={"variant_id": unpriced.id, "quantity": 1}, headers=token)
    stuck = client.put(f"{CART}/currency", json={"currency": "eur"}, headers=token)
    assert stuck.status_code == 409 and "SHIRT-XL" in stuck.json["errors"]["currency"][0]
    assert client.get(CART, headers=token).json["currency"] == "usd"
    assert client.put(f"{CART}/currency", json={"currency": "EU"},
                      headers=token).status_code == 422


def test_the_first_line_fixes_the_currency_of_a_cart_with_none(client, shirt, app):
    _, priced, _ = shirt
    empty = client.get(CART).json
    assert empty["currency"] == app.config["STORE_CURRENCY"] == "usd"
    eur_only = VariantFactory(price=800, currency="eur")
    db.session.commit()
    added = client.post(ITEMS, json={"variant_id": eur_only.id, "quantity": 1})
    token = {"X-Cart-Token": added.headers["X-Cart-Token"]}
    assert added.json["currency"] == "eur"
    # The shirt has a EUR price: it joins the EUR cart at it.
    joined = client.post(ITEMS, json={"variant_id": priced.id, "quantity": 1}, headers=token)
    assert joined.json["subtotal"] == 800 + 2300


def test_checkout_charges_in_the_carts_currency(client, shirt, auth_headers, admin):
    _, priced, _ = shirt
    zone = client.post("/api/v1/admin/shipping-zones", headers=admin,
                       json={"name": "DE", "countries": ["DE"]}).json
    method = client.post(f"/api/v1/admin/shipping-zones/{zone['id']}/methods", headers=admin,
                         json={"name": "DHL", "kind": "flat", "price": 450,
                               "currency": "eur"}).json
    user = UserFactory()
    headers = auth_headers(user)
    client.put(f"{CART}/currency", json={"currency": "eur"}, headers=headers)
    client.post(ITEMS, json={"variant_id": priced.id, "quantity": 3}, headers=headers)
    # The flat rate is the store's (USD): outside every zone a EUR cart is offered nothing.
    nowhere = client.get(f"{CART}/totals?country=FR", headers=headers)
    assert nowhere.status_code == 422
    assert nowhere.json["error_code"] == "shipping_method_unavailable"
    placed = client.post("/api/v1/checkout", headers={**headers, "Idempotency-Key": "eur-1"},
                         json={"shipping_address": ADDRESS, "shipping_method_id": method["id"]})
    assert placed.status_code == 201, placed.json
    order = placed.json["order"]
    assert (order["currency"], order["subtotal"], order["shipping_total"], order["total"]) == (
        "eur", 6900, 450, 7350)
    assert order["items"][0]["unit_price"] == 2300
    payment = db.session.scalar(sa.select(FakePayment).where(FakePayment.order_id == order["id"]))
    assert (payment.amount, payment.currency) == (7350, "eur")


def test_a_line_that_lost_its_price_shows_none_and_stops_checkout(client, shirt, auth_headers):
    _, priced, _ = shirt
    user = UserFactory()
    headers = auth_headers(user)
    client.put(f"{CART}/currency", json={"currency": "eur"}, headers=headers)
    client.post(ITEMS, json={"variant_id": priced.id, "quantity": 1}, headers=headers)
    db.session.execute(sa.delete(VariantPrice).where(VariantPrice.variant_id == priced.id))
    db.session.commit()
    cart = client.get(CART, headers=headers).json
    assert (cart["items"][0]["unit_price"], cart["items"][0]["line_total"],
            cart["subtotal"]) == (None, None, 0)
    refused = client.post("/api/v1/checkout", headers={**headers, "Idempotency-Key": "lost"},
                          json={"shipping_address": {**ADDRESS, "country": "US"}})
    assert refused.status_code == 409 and refused.json["error_code"] == "currency_mismatch"
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Order)) == 0
    db.session.refresh(priced)
    assert priced.reserved == 0


def test_codes_in_one_currency_do_not_apply_to_another(client, shirt, auth_headers):
    _, priced, _ = shirt
    db.session.add_all([
        Discount(code="TENOFF", kind="fixed", value=1000, currency="usd"),
        Discount(code="TENPC", kind="percent", value=10, currency="usd"),
        Discount(code="TENPCMIN", kind="percent", value=10, currency="usd", min_subtotal=100)])
    db.session.commit()
    headers = auth_headers(UserFactory())
    client.put(f"{CART}/currency", json={"currency": "eur"}, headers=headers)
    client.post(ITEMS, json={"variant_id": priced.id, "quantity": 1}, headers=headers)
    fixed = client.put(f"{CART}/discount", json={"code": "TENOFF"}, headers=headers)
    assert fixed.status_code == 422 and "USD" in fixed.json["errors"]["code"][0]
    assert client.put(f"{CART}/discount", json={"code": "TENPCMIN"},
                      headers=headers).status_code == 422
    percent = client.put(f"{CART}/discount", json={"code": "TENPC"}, headers=headers)
    assert percent.status_code == 200 and percent.json["discount_total"] == 230


def test_signing_in_merges_a_guest_cart_without_mixing_currencies(client, shirt):
    _, priced, unpriced = shirt
    user = UserFactory(email="two@example.com")
    db.session.commit()
    login = {"email": user.email, "password": DEFAULT_PASSWORD}
    bearer = {"Authorization": "Bearer "
              + client.post("/api/v1/auth/login", json=login).json["access_token"]}
    client.post(ITEMS, json={"variant_id": unpriced.id, "quantity": 1}, headers=bearer)
    guest = client.put(f"{CART}/currency", json={"currency": "eur"})
    token = guest.headers["X-Cart-Token"]
    client.post(ITEMS, json={"variant_id": priced.id, "quantity": 2},
                headers={"X-Cart-Token": token})
    # The user's USD cart takes the shirt at its USD price.
    client.post("/api/v1/auth/login", json=login, headers={"X-Cart-Token": token})
    cart = client.get(CART, headers=bearer).json
    assert cart["currency"] == "usd"
    assert {i["sku"]: i["unit_price"] for i in cart["items"]} == {"SHIRT-XL": 2700,
                                                                 "SHIRT-M": 2500}

    # A user with an empty cart takes the guest's currency, lines and all.
    other = UserFactory(email="three@example.com")
    db.session.commit()
    guest = client.put(f"{CART}/currency", json={"currency": "eur"})
    token = guest.headers["X-Cart-Token"]
    client.post(ITEMS, json={"variant_id": priced.id, "quantity": 1},
                headers={"X-Cart-Token": token})
    answer = client.post("/api/v1/auth/login", headers={"X-Cart-Token": token},
                         json={"email": other.email, "password": DEFAULT_PASSWORD}).json
    cart = client.get(CART, headers={"Authorization": f"Bearer {answer['access_token']}"}).json
    assert (cart["currency"], cart["subtotal"]) == ("eur", 2300)
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Cart)
                             .where(Cart.token == token)) == 0


def test_a_guest_line_with_no_price_in_the_users_currency_stays_in_the_guest_cart(
        client, shirt):
    _, priced, _ = shirt
    eur_only = VariantFactory(price=800, currency="eur", sku="EUR-ONLY")
    user = UserFactory(email="four@example.com")
    db.session.commit()
    login = {"email": user.email, "password": DEFAULT_PASSWORD}
    bearer = {"Authorization": "Bearer "
              + client.post("/api/v1/auth/login", json=login).json["access_token"]}
    client.post(ITEMS, json={"variant_id": priced.id, "quantity": 1}, headers=bearer)
    token = client.post(ITEMS, json={"variant_id": eur_only.id, "quantity": 1}).headers[
        "X-Cart-Token"]
    client.post("/api/v1/auth/login", json=login, headers={"X-Cart-Token": token})
    assert [i["sku"] for i in client.get(CART, headers=bearer).json["items"]] == ["SHIRT-M"]
    left = client.get(CART, headers={"X-Cart-Token": token}).json
    assert [i["sku"] for i in left["items"]] == ["EUR-ONLY"]


def test_analytics_never_add_up_currencies(client, admin):
    now = utcnow()
    for currency, total, ago in (("usd", 5000, timedelta(0)), ("usd", 2000, timedelta(0)),
                                 ("eur", 7000, timedelta(0)), ("jpy", 1500, timedelta(days=1))):
        make_order(UserFactory(), [], total=total, currency=currency, paid_at=now - ago)
    db.session.commit()
    usd = client.get("/api/v1/admin/analytics/summary", headers=admin).json
    assert (usd["currency"], usd["revenue"], usd["orders"]) == ("usd", 7000, 2)
    eur = client.get("/api/v1/admin/analytics/summary?currency=EUR", headers=admin).json
    assert (eur["currency"], eur["revenue"], eur["orders"]) == ("eur", 7000, 1)
    # Yesterday comes from the rollup, which keeps each currency apart.
    yesterday = (now - timedelta(days=1)).date().isoformat()
    past = client.get(f"/api/v1/admin/analytics/summary?currency=jpy&from={yesterday}",
                      headers=admin).json
    assert (past["revenue"], past["average_order_value"]) == (1500, 1500)
    assert client.get(f"/api/v1/admin/analytics/summary?from={yesterday}&to={yesterday}",
                      headers=admin).json["revenue"] == 0


@pytest.mark.parametrize(("amount", "currency", "shown"), [
    (123450, "usd", "USD 1,234.50"), (5, "eur", "EUR 0.05"), (1500, "jpy", "JPY 1,500"),
    (1234, "kwd", "KWD 1.234"), (-250, "usd", "USD -2.50")])
def test_amounts_are_in_the_currencys_minor_unit_as_stripe_defines_it(amount, currency, shown):
    assert currencies.format_money(amount, currency) == shown
    assert currencies.exponent(currency) == {"jpy": 0, "kwd": 3}.get(currency, 2)
