"""Checkout and orders: totals, idempotency, reservations, the state machine, expiry."""

from __future__ import annotations

from datetime import timedelta

import pytest
import sqlalchemy as sa

from models import (
    Cart,
    CartItem,
    Discount,
    IdempotencyKey,
    Order,
    Variant,
    db,
    utcnow,
)
from services import inventory, orders
from tests.factories import AddressFactory, UserFactory, VariantFactory, fill_cart

CHECKOUT = "/api/v1/checkout"
ADDRESS = {"full_name": "Ada Lovelace", "line1": "1 Main St", "city": "London",
           "postal_code": "N1 1AA", "country": "GB"}


def _levels(variant):
    db.session.refresh(variant)
    return variant.on_hand, variant.reserved


@pytest.fixture
def shopper(auth_headers):
    user = UserFactory()
    return user, auth_headers(user)


def checkout(client, headers, key="key-1", body=None):
    return client.post(CHECKOUT, json=body if body is not None else {"shipping_address": ADDRESS},
                       headers={**headers, "Idempotency-Key": key})


def test_checkout_reserves_stock_and_creates_the_order(client, shopper, enqueued):
    user, headers = shopper
    shirt = VariantFactory(price=2500, on_hand=5)
    mug = VariantFactory(price=1200, on_hand=3)
    fill_cart(user, {shirt: 2, mug: 1})
    response = checkout(client, headers)
    assert response.status_code == 201, response.json
    order = response.json["order"]
    assert order["status"] == "pending_payment" and order["payment_status"] == "pending"
    assert (order["subtotal"], order["discount_total"], order["shipping_total"],
            order["tax_total"], order["total"]) == (6200, 0, 0, 0, 6200)
    assert [(i["sku"], i["quantity"], i["unit_price"], i["line_total"]) for i in order["items"]
            ] == [(shirt.sku, 2, 2500, 5000), (mug.sku, 1, 1200, 1200)]
    assert order["shipping_address"]["city"] == "London"
    assert order["number"].startswith("SR-")
    assert [entry["status"] for entry in order["timeline"]] == ["pending_payment"]
    payment = response.json["payment"]
    assert payment["provider"] == "fake" and payment["client_secret"]
    assert _levels(shirt) == (5, 2) and _levels(mug) == (3, 1)
    assert db.session.scalar(sa.select(sa.func.count(CartItem.id))) == 0
    assert "order.status_changed" in [t for _, t in enqueued]
    listed = client.get("/api/v1/orders", headers=headers).json
    assert [o["id"] for o in listed] == [order["id"]]


def test_totals_with_discount_shipping_and_tax(client, app, shopper):
    user, headers = shopper
    variant = VariantFactory(price=1999, on_hand=10)
    discount = Discount(code="TENOFF", kind="percent", value=10)
    db.session.add(discount)
    db.session.flush()
    fill_cart(user, {variant: 2}, discount)  # 3998, minus 399 = 3599: under free shipping
    app.config["TAX_RATE_BPS"] = 825
    try:
        order = checkout(client, headers).json["order"]
    finally:
        app.config["TAX_RATE_BPS"] = 0
    tax = (3599 * 825 + 5000) // 10000
    assert (order["subtotal"], order["discount_total"], order["shipping_total"],
            order["tax_total"]) == (3998, 399, 500, tax)
    assert order["total"] == 3998 - 399 + 500 + tax and order["discount_code"] == "TENOFF"
    db.session.refresh(discount)
    assert discount.uses == 1


def test_checkout_with_a_saved_address(client, shopper):
    user, headers = shopper
    address = AddressFactory(user_id=user.id, city="Paris", country="FR")
    fill_cart(user, {VariantFactory(): 1})
    response = checkout(client, headers, body={"address_id": address.id})
    assert response.status_code == 201 and response.json["order"]["shipping_address"][
        "city"] == "Paris"


def test_another_customers_address_is_404(client, shopper):
    user, headers = shopper
    foreign = AddressFactory(user_id=UserFactory().id)
    fill_cart(user, {VariantFactory(): 1})
    assert checkout(client, headers, body={"address_id": foreign.id}).status_code == 404


@pytest.mark.parametrize("body", [
    {},
    {"shipping_address": ADDRESS, "address_id": 1},
    {"shipping_address": {**ADDRESS, "country": "XX"}},
    {"shipping_address": ADDRESS, "total": 1},
    {"shipping_address": ADDRESS, "status": "paid"},
    {"shipping_address": {**ADDRESS, "price": 1}},
])
def test_bad_checkout_bodies_are_422(client, shopper, body):
    user, headers = shopper
    fill_cart(user, {VariantFactory(): 1})
    assert checkout(client, headers, body=body).status_code == 422


def test_empty_cart_is_409(client, shopper):
    _, headers = shopper
    response = checkout(client, headers)
    assert response.status_code == 409 and response.json["error_code"] == "empty_cart"


def test_out_of_stock_reserves_nothing_and_frees_the_key(client, shopper):
    user, headers = shopper
    plenty, scarce = VariantFactory(on_hand=10), VariantFactory(on_hand=1)
    fill_cart(user, {plenty: 2, scarce: 2})
    # The refused request rolls back its session, which here is the test's own: commit the
    # setup first, as it would be committed before any real request.
    db.session.commit()
    response = checkout(client, headers)
    assert response.status_code == 409
    assert response.json["errors"]["lines"] == [
        {"variant_id": scarce.id, "sku": scarce.sku, "requested": 2, "available": 1}]
    assert _levels(plenty) == (10, 0) and _levels(scarce) == (1, 0)
    assert db.session.scalar(sa.select(sa.func.count(Order.id))) == 0
    inventory.set_stock(scarce, 5)
    db.session.flush()
    assert checkout(client, headers).status_code == 201  # the same key works again
    assert db.session.scalar(sa.select(sa.func.count(IdempotencyKey.id))) == 1


# Idempotency

def test_the_same_key_and_body_replays_the_order(client, shopper):
    user, headers = shopper
    variant = VariantFactory(on_hand=5)
    fill_cart(user, {variant: 1})
    first = checkout(client, headers)
    again = checkout(client, headers)
    assert again.status_code == 200 and again.headers["Idempotent-Replayed"] == "true"
    assert again.json == first.json
    assert db.session.scalar(sa.select(sa.func.count(Order.id))) == 1
    assert _levels(variant) == (5, 1)


def test_the_same_key_with_another_body_is_422(client, shopper):
    user, headers = shopper
    fill_cart(user, {VariantFactory(): 1})
    checkout(client, headers)
    other = {"shipping_address": {**ADDRESS, "city": "Leeds"}}
    assert checkout(client, headers, body=other).status_code == 422


@pytest.mark.parametrize("key", [None, "", "k" * 256])
def test_missing_or_long_keys_are_400(client, shopper, key):
    user, headers = shopper
    fill_cart(user, {VariantFactory(): 1})
    extra = {} if key is None else {"Idempotency-Key": key}
    response = client.post(CHECKOUT, json={"shipping_address": ADDRESS},
                           headers={**headers, **extra})
    assert response.status_code == 400 and response.json["error_code"] == "bad_idempotency_key"


def test_a_key_in_flight_is_409(client, shopper):
    user, headers = shopper
    fill_cart(user, {VariantFactory(): 1})
    from core.idempotency import request_hash

    db.session.add(IdempotencyKey(user_id=user.id, key="busy", locked_at=utcnow(),
                                  scope="POST /api/v1/checkout",
                                  request_hash=request_hash({"shipping_address": ADDRESS})))
    db.session.flush()
    response = checkout(client, headers, key="busy")
    assert response.status_code == 409 and response.json["error_code"] == (
        "idempotency_key_in_flight")


def test_keys_are_per_user(client, auth_headers):
    first, second = UserFactory(), UserFactory()
    for user in (first, second):
        fill_cart(user, {VariantFactory(): 1})
        assert checkout(client, auth_headers(user), key="shared").status_code == 201


# Orders, payment and cancellation

def _place(client, headers, variant, quantity=1, key="k"):
    return checkout(client, headers, key=key).json


def test_cancel_an_unpaid_order_releases_its_stock(client, shopper):
    user, headers = shopper
    variant = VariantFactory(on_hand=5)
    fill_cart(user, {variant: 2})
    order_id = _place(client, headers, variant)["order"]["id"]
    cancelled = client.post(f"/api/v1/orders/{order_id}/cancel", headers=headers)
    assert cancelled.status_code == 200 and cancelled.json["status"] == "cancelled"
    assert [e["status"] for e in cancelled.json["timeline"]] == ["pending_payment", "cancelled"]
    assert _levels(variant) == (5, 0)
    assert client.post(f"/api/v1/orders/{order_id}/cancel", headers=headers).status_code == 409


def _pay(client, headers, placed, run_consumers, outcome="succeeded"):
    intent = placed["payment"]["payment_intent_id"]
    settled = client.post(f"/api/v1/payments/fake/{intent}/settle", json={"outcome": outcome},
                          headers=headers)
    assert settled.status_code == 202
    run_consumers()


def test_cancel_a_paid_order_restocks_and_refunds(client, shopper, run_consumers):
    user, headers = shopper
    variant = VariantFactory(on_hand=5)
    fill_cart(user, {variant: 2})
    placed = _place(client, headers, variant)
    _pay(client, headers, placed, run_consumers)
    cancelled = client.post(f"/api/v1/orders/{placed['order']['id']}/cancel", headers=headers)
    assert cancelled.json["status"] == "cancelled"
    assert cancelled.json["payment_status"] == "refund_pending"
    assert _levels(variant) == (5, 0)
    # The refund task submits it; the provider's confirmation settles the payment status.
    run_consumers()
    order = client.get(f"/api/v1/orders/{placed['order']['id']}", headers=headers).json
    assert (order["status"], order["payment_status"]) == ("cancelled", "refunded")
    assert order["amount_refunded"] == order["total"] and _levels(variant) == (5, 0)


def test_an_order_in_processing_cannot_be_cancelled(client, shopper, app, run_consumers):
    user, headers = shopper
    variant = VariantFactory(on_hand=5)
    fill_cart(user, {variant: 1})
    placed = _place(client, headers, variant)
    _pay(client, headers, placed, run_consumers)
    order = db.session.get(Order, placed["order"]["id"])
    orders.transition(order, "processing", utcnow())
    db.session.flush()
    response = client.post(f"/api/v1/orders/{order.id}/cancel", headers=headers)
    assert response.status_code == 409 and response.json["error_code"] == (
        "invalid_order_transition")


@pytest.mark.parametrize("old, new", [("pending_payment", "shipped"), ("paid", "delivered"),
                                      ("cancelled", "paid"), ("delivered", "processing"),
                                      ("refunded", "paid")])
def test_illegal_transitions_are_refused(old, new):
    order = Order(status=old)
    order.timeline = []
    with pytest.raises(orders.InvalidTransition):
        orders.transition(order, new, utcnow())


def test_another_customers_order_is_404_like_a_missing_one(client, shopper, auth_headers):
    user, headers = shopper
    fill_cart(user, {VariantFactory(): 1})
    order_id = _place(client, headers, None)["order"]["id"]
    other = auth_headers(UserFactory())
    foreign = client.get(f"/api/v1/orders/{order_id}", headers=other)
    missing = client.get("/api/v1/orders/999999", headers=other)
    assert foreign.status_code == missing.status_code == 404 and foreign.json == missing.json
    assert client.post(f"/api/v1/orders/{order_id}/cancel", headers=other).status_code == 404


def test_expiry_releases_stock_once(client, shopper, app):
    user, headers = shopper
    variant = VariantFactory(on_hand=5)
    fill_cart(user, {variant: 2})
    order_id = _place(client, headers, variant)["order"]["id"]
    later = utcnow() + timedelta(seconds=app.config["RESERVATION_TTL_SECONDS"] + 1)
    assert orders.expire_reservations(utcnow()) == 0
    assert orders.expire_reservations(later) == 1
    assert orders.expire_reservations(later) == 0
    db.session.flush()
    assert _levels(variant) == (5, 0)
    order = db.session.get(Order, order_id)
    assert order.status == "cancelled" and order.timeline[-1].note == "reservation expired"
    assert client.post(f"/api/v1/orders/{order_id}/cancel", headers=headers).status_code == 409
    assert db.session.scalar(sa.select(sa.func.sum(Variant.reserved))) == 0


def test_the_per_customer_limit_holds_at_checkout_and_in_thefill_cart(client, shopper):
    user, headers = shopper
    variant = VariantFactory(on_hand=10)
    discount = Discount(code="ONCE", kind="fixed", value=100, per_customer_limit=1)
    db.session.add(discount)
    db.session.flush()
    fill_cart(user, {variant: 1}, discount)
    assert checkout(client, headers, key="first").json["order"]["discount_total"] == 100
    # A second cart tries the code again: the cart refuses it, and so does checkout.
    cart = db.session.scalar(sa.select(Cart).where(Cart.user_id == user.id))
    db.session.add(CartItem(cart_id=cart.id, variant_id=variant.id, quantity=1))
    db.session.flush()
    refused = client.put("/api/v1/cart/discount", json={"code": "ONCE"}, headers=headers)
    assert refused.status_code == 422 and "already used" in refused.json["message"]
    cart.discount_id = discount.id
    db.session.flush()
    second = checkout(client, headers, key="second")
    assert second.status_code == 409 and second.json["error_code"] == "discount_not_applicable"
    assert _levels(variant) == (10, 1)
    db.session.refresh(discount)
    assert discount.uses == 1
