"""Guest checkout: a guest's cart becomes an order opened by its token, which reads it,
cancels it and pays it (fake provider); the key is the guest cart's; emails link with the
token; an account registered or verified with the email takes the orders over."""

from __future__ import annotations

import sqlalchemy as sa

from models import DiscountRedemption, IdempotencyKey, Order, db
from services import email_verification
from tests.factories import UserFactory, VariantFactory

ADDRESS = {"full_name": "Ada Lovelace", "line1": "1 Main St", "city": "London",
           "postal_code": "N1 1AA", "country": "GB"}


def _guest_cart(client, variant, quantity=1):
    added = client.post("/api/v1/cart/items", json={"variant_id": variant.id,
                                                    "quantity": quantity})
    assert added.status_code == 201
    return added.headers["X-Cart-Token"]


def _checkout(client, cart_token, key="guest-1", email="guest@example.com", **body):
    payload = {"shipping_address": ADDRESS, **body}
    if email is not None:
        payload["email"] = email
    return client.post("/api/v1/checkout", json=payload,
                       headers={"X-Cart-Token": cart_token, "Idempotency-Key": key})


def test_a_guest_checks_out_and_reads_cancels_and_pays_with_the_order_token(
        client, run_consumers, mail):
    variant = VariantFactory(on_hand=5, price=1500)
    placed = _checkout(client, _guest_cart(client, variant, 2))
    assert placed.status_code == 201, placed.json
    body = placed.json
    token, order_id = body["order_token"], body["order"]["id"]
    assert len(token) >= 22  # at least 128 bits, base64url
    order = db.session.get(Order, order_id)
    assert (order.user_id, order.email, order.total > 0) == (None, "guest@example.com", True)
    assert token not in str(db.session.execute(sa.select(IdempotencyKey.response_body))
                            .scalars().all())  # the token is derived, never stored

    read = client.get(f"/api/v1/orders/{order_id}", headers={"X-Order-Token": token})
    assert read.status_code == 200 and read.json["number"] == body["order"]["number"]
    for wrong in ({"X-Order-Token": token[:-2] + "xx"}, {"X-Order-Token": ""}, {}):
        answer = client.get(f"/api/v1/orders/{order_id}", headers=wrong)
        assert answer.status_code in (401, 404) and answer.is_json
    # Another order's token opens nothing else.
    other = _checkout(client, _guest_cart(client, variant), key="guest-2")
    assert client.get(f"/api/v1/orders/{order_id}", headers={
        "X-Order-Token": other.json["order_token"]}).status_code == 404

    intent = body["payment"]["payment_intent_id"]
    assert client.post(f"/api/v1/payments/fake/{intent}/settle", json={"outcome": "succeeded"},
                       headers={"X-Order-Token": other.json["order_token"]}).status_code == 404
    settled = client.post(f"/api/v1/payments/fake/{intent}/settle",
                          json={"outcome": "succeeded"}, headers={"X-Order-Token": token})
    assert settled.status_code == 202
    run_consumers()
    assert db.session.get(Order, order_id).status == "paid"
    confirmation = [m for m in mail if "confirmed" in m.subject]
    assert len(confirmation) == 1 and confirmation[0].to == "guest@example.com"
    assert f"/orders/{order_id}?token={token}" in confirmation[0].text
    assert "Hello Ada Lovelace" in confirmation[0].text

    cancelled = client.post(f"/api/v1/orders/{order_id}/cancel",
                            headers={"X-Order-Token": token})
    assert cancelled.status_code == 200 and cancelled.json["status"] == "cancelled"


def test_the_guest_must_give_an_email_and_a_cart(client):
    variant = VariantFactory()
    token = _guest_cart(client, variant)
    missing = _checkout(client, token, email=None)
    assert missing.status_code == 422 and "email" in missing.json["errors"]
    bad = _checkout(client, token, email="not-an-email")
    assert bad.status_code == 422
    no_cart = client.post("/api/v1/checkout", json={"shipping_address": ADDRESS,
                                                    "email": "g@example.com"},
                          headers={"Idempotency-Key": "k"})
    assert no_cart.status_code == 401
    address_book = _checkout(client, token, key="k2", address_id=1,
                             shipping_address=None)
    assert address_book.status_code in (400, 422)


def test_the_key_is_the_guest_carts_and_replays_give_the_same_order_and_token(client):
    variant = VariantFactory(on_hand=10)
    first_cart = _guest_cart(client, variant)
    placed = _checkout(client, first_cart, key="same-key")
    replay = _checkout(client, first_cart, key="same-key")
    assert replay.status_code == 200 and replay.headers["Idempotent-Replayed"] == "true"
    assert replay.json == placed.json  # the token too, derived again
    # Another guest's cart with the same key is another checkout.
    second = _checkout(client, _guest_cart(client, variant), key="same-key")
    assert second.status_code == 201
    assert second.json["order"]["id"] != placed.json["order"]["id"]
    # The emptied cart again, with a new key: nothing left to order.
    empty = _checkout(client, first_cart, key="other-key")
    assert empty.status_code == 409 and empty.json["error_code"] == "empty_cart"


def test_registering_with_the_email_takes_the_guests_orders_over(client, auth_headers):
    variant = VariantFactory(on_hand=10)
    placed = _checkout(client, _guest_cart(client, variant), email="Later@Example.com")
    someone_elses = _checkout(client, _guest_cart(client, variant), key="g2",
                              email="other@example.com")
    registered = client.post("/api/v1/auth/register", json={
        "email": "later@example.com", "password": "long-enough-pw", "full_name": "Later"})
    assert registered.status_code == 201
    mine = client.get("/api/v1/orders", headers={
        "Authorization": f"Bearer {registered.json['access_token']}"}).json
    assert [o["id"] for o in mine] == [placed.json["order"]["id"]]
    assert db.session.get(Order, someone_elses.json["order"]["id"]).user_id is None
    # The guest's token still opens it (the emails they hold link with it).
    assert client.get(f"/api/v1/orders/{placed.json['order']['id']}", headers={
        "X-Order-Token": placed.json["order_token"]}).status_code == 200


def test_verifying_an_email_takes_the_guests_orders_over(client, auth_headers):
    variant = VariantFactory(on_hand=10)
    user = UserFactory(email="verify-me@example.com")
    placed = _checkout(client, _guest_cart(client, variant), email="verify-me@example.com")
    # (Placed after the account existed: registration could not take it.)
    assert db.session.get(Order, placed.json["order"]["id"]).user_id is None
    token = email_verification.token_for(email_verification.request_verification(
        user, db.session.get(Order, placed.json["order"]["id"]).created_at))
    db.session.commit()
    assert client.post("/api/v1/auth/verify-email/confirm",
                       json={"token": token}).status_code == 204
    assert db.session.get(Order, placed.json["order"]["id"]).user_id == user.id


def test_a_guest_is_held_to_a_codes_per_customer_limit_by_email(client, auth_headers):
    admin = auth_headers(UserFactory(role="admin"))
    client.post("/api/v1/admin/discounts", headers=admin, json={
        "code": "ONCE", "kind": "percent", "value": 10, "per_customer_limit": 1})
    variant = VariantFactory(on_hand=10, price=5000)
    first = _guest_cart(client, variant)
    assert client.put("/api/v1/cart/discount", json={"code": "ONCE"},
                      headers={"X-Cart-Token": first}).status_code == 200
    assert _checkout(client, first, email="thrifty@example.com").status_code == 201
    redemption = db.session.scalar(sa.select(DiscountRedemption))
    assert redemption.user_id is None
    second = _guest_cart(client, variant)
    client.put("/api/v1/cart/discount", json={"code": "ONCE"},
               headers={"X-Cart-Token": second})
    again = _checkout(client, second, key="g2", email="thrifty@example.com")
    assert again.status_code == 409 and again.json["error_code"] == "discount_not_applicable"


def test_a_signed_in_checkout_has_no_order_token(client, auth_headers):
    from tests.factories import fill_cart

    user = UserFactory()
    fill_cart(user, {VariantFactory(): 1})
    placed = client.post("/api/v1/checkout", json={"shipping_address": ADDRESS,
                                                   "email": "ignored@example.com"},
                         headers={**auth_headers(user), "Idempotency-Key": "u1"})
    assert placed.status_code == 201
    assert placed.json["order_token"] is None
    assert db.session.get(Order, placed.json["order"]["id"]).email == user.email


def test_the_back_office_reads_a_guest_order_as_documented(client, auth_headers):
    from tests.api.test_openapi_document import Conformance

    variant = VariantFactory()
    placed = _checkout(client, _guest_cart(client, variant))
    admin = auth_headers(UserFactory(role="admin"))
    check = Conformance(client.get("/api/openapi.json").json)
    url = f"/api/v1/admin/orders/{placed.json['order']['id']}"
    detail = check("GET", url, client.get(url, headers=admin))
    assert (detail.json["user_id"], detail.json["customer"]) == (None, None)
    assert detail.json["email"] == "guest@example.com"
    listing = check("GET", "/api/v1/admin/orders", client.get("/api/v1/admin/orders",
                                                              headers=admin))
    assert [order["user_id"] for order in listing.json] == [None]


def test_another_guests_token_answers_exactly_as_a_missing_order(client):
    variant = VariantFactory(on_hand=5)
    mine = _checkout(client, _guest_cart(client, variant), key="a").json
    theirs = _checkout(client, _guest_cart(client, variant), key="b").json
    wrong = client.get(f"/api/v1/orders/{mine['order']['id']}",
                       headers={"X-Order-Token": theirs["order_token"]})
    missing = client.get("/api/v1/orders/999999", headers={"X-Order-Token": mine["order_token"]})
    assert wrong.status_code == missing.status_code == 404
    assert wrong.json == missing.json
