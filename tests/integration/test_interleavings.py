"""The worst interleaving of two requests on one aggregate, forced on PostgreSQL: the first
is paused at a named step while it holds its lock (``tests.harness.Pause``), the second is
sent and shown blocked on that lock by ``pg_stat_activity``, then the first goes on. No
sleeps: each side waits for the other's event."""

from __future__ import annotations

import secrets
from datetime import timedelta

import pytest
import sqlalchemy as sa
from flask_jwt_extended import create_access_token

from models import (
    Cart,
    CartItem,
    FakePayment,
    FakeRefund,
    Order,
    Refund,
    User,
    Variant,
    db,
    utcnow,
)
from services import orders, payments, refunds
from services.payment_providers import payment_provider
from tests.factories import DEFAULT_PASSWORD, ProductFactory, UserFactory, VariantFactory
from tests.harness import Pause, paused, run_in_thread, wait_until_blocked
from tests.integration.test_checkout_concurrency import ADDRESS, _customers

pytestmark = [pytest.mark.postgres, pytest.mark.committed]


def _variant(app, on_hand, price=1000):
    with app.app_context():
        variant = VariantFactory(product_id=ProductFactory().id, on_hand=on_hand, price=price)
        db.session.commit()
        return variant.id


def _checkout(app, headers, key):
    def send():
        return app.test_client().post("/api/v1/checkout", json={"shipping_address": ADDRESS},
                                      headers={**headers, "Idempotency-Key": key})
    return send


def test_checkout_x_checkout_of_one_cart(app):
    """Break 4: both checkouts read the cart before either committed, and both reserved."""
    variant_id = _variant(app, on_hand=10)
    (headers,) = _customers(app, 1, [(variant_id, 3)], prefix="twice")
    with paused("checkout.cart_locked", _checkout(app, headers, "key-a")) as first:
        second = run_in_thread(_checkout(app, headers, "key-b"))
        wait_until_blocked(db.engine)
    answers = sorted([first().status_code, (late := second()).status_code])
    assert answers == [201, 409] and late.json["error_code"] == "empty_cart"
    with app.app_context():
        assert db.session.get(Variant, variant_id).reserved == 3
        assert db.session.scalar(sa.select(sa.func.count()).select_from(Order)) == 1


def test_cart_add_x_checkout(app):
    """An add that lands while a checkout holds the cart is not lost: it waits, then finds
    the cart emptied by the order and starts a new line."""
    variant_id = _variant(app, on_hand=10)
    (headers,) = _customers(app, 1, [(variant_id, 2)], prefix="adder")
    with paused("checkout.cart_locked", _checkout(app, headers, "key-a")) as checkout:
        add = run_in_thread(lambda: app.test_client().post(
            "/api/v1/cart/items", json={"variant_id": variant_id, "quantity": 1},
            headers=headers))
        wait_until_blocked(db.engine)
    placed, added = checkout(), add()
    assert placed.status_code == 201 and added.status_code == 201
    assert [line["quantity"] for line in placed.json["order"]["items"]] == [2]
    assert [line["quantity"] for line in added.json["items"]] == [1]
    with app.app_context():
        assert db.session.scalar(sa.select(CartItem.quantity)) == 1


def _paid_order(app, total_units=3):
    variant_id = _variant(app, on_hand=10, price=1000)
    with app.app_context():
        admin = UserFactory(role="admin")
        db.session.commit()
        admin_headers = {"Authorization": f"Bearer {create_access_token(str(admin.id))}"}
    (headers,) = _customers(app, 1, [(variant_id, total_units)], prefix="payer")
    placed = _checkout(app, headers, "pay")().json
    with app.app_context():
        provider = payment_provider()
        provider.settle(placed["payment"]["payment_intent_id"], "succeeded")
        db.session.commit()
        payments.sync_payment(placed["payment"]["payment_intent_id"], provider, utcnow())
        db.session.commit()
    return placed["order"], admin_headers


def test_refund_x_refund_on_one_order(app):
    """Two refunds that each fit alone but not together: the second waits for the first's
    lock, then finds too little left."""
    order, admin = _paid_order(app)
    amount = order["total"] // 2 + 1

    def ask(key):
        return lambda: app.test_client().post(
            f"/api/v1/admin/orders/{order['id']}/refund", json={"amount": amount},
            headers={**admin, "Idempotency-Key": key})

    with paused("refund.order_locked", ask("r1")) as first:
        second = run_in_thread(ask("r2"))
        wait_until_blocked(db.engine)
    answers = sorted([first().status_code, (late := second()).status_code])
    assert answers == [201, 409] and late.json["error_code"] == "refund_exceeds_payment"
    with app.app_context():
        assert db.session.scalars(sa.select(Refund.amount)).all() == [amount]


def test_the_database_guard_holds_when_the_lock_is_skipped(app):
    """Two transactions add refunds to one order without the application's lock: the
    trigger takes the order's lock and the second, summing after the first committed, is
    refused."""
    order, _ = _paid_order(app)
    engine = db.engine
    first, second = engine.connect(), engine.connect()
    insert = sa.text("INSERT INTO refunds (order_id, amount, currency, reason, status, "
                     "created_at, updated_at) VALUES (:order, :amount, 'usd', 'race', "
                     "'pending', now(), now())")
    try:
        first.begin()
        first.execute(insert, {"order": order["id"], "amount": order["total"] - 1})
        second.begin()
        blocked = run_in_thread(second.execute, insert, {"order": order["id"], "amount": 2})
        wait_until_blocked(engine)
        first.commit()
        with pytest.raises(sa.exc.DatabaseError, match="would exceed its payment"):
            blocked()
    finally:
        second.close()
        first.close()
    with app.app_context():
        assert db.session.scalar(sa.select(FakePayment.amount_refunded)) == 0
        assert db.session.query(Cart).count() == 1 and db.session.query(User).count() == 2


def test_refresh_x_logout_all(app):
    """Break 3: a refresh holding the old token's row lock inserted the new token while the
    revocation waited, and the revocation never saw it. Now both take the user's lock: the
    refresh goes first here, and what it minted dies with the revocation."""
    with app.app_context():
        user = UserFactory()
        db.session.commit()
        email = user.email
    tokens = app.test_client().post("/api/v1/auth/login", json={
        "email": email, "password": DEFAULT_PASSWORD}).json
    assert "refresh_token" in tokens, tokens

    def bearer(token):
        return {"Authorization": f"Bearer {token}"}

    with paused("refresh.user_locked", lambda: app.test_client().post(
        "/api/v1/auth/refresh", headers=bearer(tokens["refresh_token"]))) as refresh:
        revoke = run_in_thread(lambda: app.test_client().post(
            "/api/v1/auth/logout-all", headers=bearer(tokens["access_token"])))
        wait_until_blocked(db.engine)
    minted, ended = refresh(), revoke()
    assert (minted.status_code, ended.status_code) == (200, 204)
    client = app.test_client()
    assert client.get("/api/v1/me", headers=bearer(minted.json["access_token"])
                      ).status_code == 401
    assert client.post("/api/v1/auth/refresh", headers=bearer(minted.json["refresh_token"])
                       ).status_code == 401


def test_twenty_parallel_wrong_passwords_verify_exactly_the_limit(app):
    """The probe's finding: 13 of 20 parallel wrong passwords were verified before the
    throttle answered. Counting now happens under the account's lock, before verifying."""
    from tests.integration.test_checkout_concurrency import _together

    with app.app_context():
        user = UserFactory()
        db.session.commit()
        email = user.email
    answers = _together(app, [lambda client: client.post(
        "/api/v1/auth/login", json={"email": email, "password": "wrong-password-123"})] * 20)
    codes = sorted(answer.status_code for answer in answers)
    limit = app.config["LOGIN_FAILURE_LIMIT"]
    assert codes == [401] * limit + [429] * (20 - limit)
    assert all(answer.is_json for answer in answers)


def _placed_order(app, on_hand=5, units=2):
    variant_id = _variant(app, on_hand=on_hand)
    (headers,) = _customers(app, 1, [(variant_id, units)], prefix=f"o{secrets.token_hex(3)}")
    placed = _checkout(app, headers, "place")().json
    return placed, variant_id, headers


def _apply_payment(app, intent):
    def apply():
        with app.app_context():
            changes = payments.sync_payment(intent, payment_provider(), utcnow())
            db.session.commit()
            return changes
    return apply


def _levels(app, variant_id):
    with app.app_context():
        variant = db.session.get(Variant, variant_id)
        return variant.on_hand, variant.reserved


def _settle(app, intent):
    with app.app_context():
        payment_provider().settle(intent, "succeeded")
        db.session.commit()


def test_customer_cancel_x_payment_success(app):
    """The cancel lands between the payment's read-back and its application: the order
    stays cancelled and the payment is refunded in full."""
    placed, variant_id, headers = _placed_order(app)
    intent = placed["payment"]["payment_intent_id"]
    _settle(app, intent)
    with paused("payment.read_back", _apply_payment(app, intent)) as apply:
        cancelled = app.test_client().post(f"/api/v1/orders/{placed['order']['id']}/cancel",
                                           headers=headers)
        assert cancelled.status_code == 200
    assert apply() == ["late_payment_refunded"]
    with app.app_context():
        order = db.session.get(Order, placed["order"]["id"])
        assert (order.status, order.payment_status) == ("cancelled", "refund_pending")
        assert db.session.scalars(sa.select(Refund.amount)).all() == [order.total]
    assert _levels(app, variant_id) == (5, 0)


def test_expiry_x_payment_success(app):
    """The reservation lapses between the read-back and the application: the payment takes
    the stock again (it is there) and the order is paid."""
    placed, variant_id, _ = _placed_order(app)
    intent = placed["payment"]["payment_intent_id"]
    _settle(app, intent)
    with paused("payment.read_back", _apply_payment(app, intent)) as apply, app.app_context():
        later = utcnow() + timedelta(seconds=app.config["RESERVATION_TTL_SECONDS"] + 1)
        assert orders.expire_reservations(later) == 1
        db.session.commit()
    assert apply() == ["late_payment_paid"]
    with app.app_context():
        order = db.session.get(Order, placed["order"]["id"])
        assert (order.status, order.payment_status) == ("paid", "succeeded")
    assert _levels(app, variant_id) == (3, 0)


def test_refund_task_x_charge_refunded(app):
    """The provider created the refund; before the task records its id, the webhook's
    read-back confirms it by the row id in its metadata. One row, succeeded, no other."""
    order, admin = _paid_order(app)
    response = app.test_client().post(f"/api/v1/admin/orders/{order['id']}/refund",
                                      json={"amount": 700},
                                      headers={**admin, "Idempotency-Key": "r"})
    assert response.status_code == 201
    refund_id = response.json["refund"]["id"]

    def submit():
        with app.app_context():
            intent = refunds.submit_refund(refund_id, payment_provider(), utcnow())
            db.session.commit()
            return intent

    # The fake provider keeps its refunds in the caller's transaction; Stripe holds a
    # refund the moment it answers. Commit it at the step, as Stripe would have it.
    pause = Pause("refund.sent")
    hold = pause._handler
    pause._handler = lambda name: (db.session.commit(), hold(name))
    pause.__enter__()
    task = run_in_thread(submit)
    pause.wait()
    try:
        with app.app_context():
            intent = db.session.get(Order, order["id"]).payment_intent_id
            assert payments.sync_payment(intent, payment_provider(), utcnow()) == ["refunded"]
            db.session.commit()
    finally:
        pause.release()
        pause.__exit__()
    assert task() == intent
    with app.app_context():
        rows = db.session.scalars(sa.select(Refund)).all()
        assert [(r.amount, r.status) for r in rows] == [(700, "succeeded")]
        assert rows[0].provider_refund_id == db.session.scalar(sa.select(FakeRefund.id))
        assert db.session.get(Order, order["id"]).amount_refunded == 700


def test_stock_edit_x_checkout(app):
    """An admin lowers the stock while a checkout holds the variant's lock with its
    reservation made: the edit waits, then is judged against what is reserved."""
    variant_id = _variant(app, on_hand=5)
    (headers,) = _customers(app, 1, [(variant_id, 4)], prefix="editrace")
    with app.app_context():
        admin = UserFactory(role="admin")
        db.session.commit()
        admin_headers = {"Authorization": f"Bearer {create_access_token(str(admin.id))}"}
    with paused("checkout.stock_reserved", _checkout(app, headers, "k")) as checkout:
        edit = run_in_thread(lambda: app.test_client().put(
            f"/api/v1/variants/{variant_id}/inventory", json={"on_hand": 2},
            headers=admin_headers))
        wait_until_blocked(db.engine)
    assert checkout().status_code == 201
    refused = edit()
    assert refused.status_code == 409
    on_hand, reserved = _levels(app, variant_id)
    assert (on_hand, reserved) == (5, 4) and on_hand >= reserved


def _guest_cart(app, lines: list[tuple[int, int]]) -> str:
    """A stored guest cart holding ``lines``; its token."""
    token = secrets.token_urlsafe(32)
    with app.app_context():
        cart = Cart(token=token)
        db.session.add(cart)
        db.session.flush()
        db.session.add_all(CartItem(cart_id=cart.id, variant_id=variant_id, quantity=q)
                           for variant_id, q in lines)
        db.session.commit()
    return token


def _guest_checkout(app, cart_token, key, email="guest@example.com"):
    def send():
        return app.test_client().post(
            "/api/v1/checkout", json={"shipping_address": ADDRESS, "email": email},
            headers={"X-Cart-Token": cart_token, "Idempotency-Key": key})
    return send


def test_guest_checkout_x_guest_checkout_of_one_cart(app):
    """Two checkouts of one guest cart with different keys: one order, stock reserved once."""
    variant_id = _variant(app, on_hand=10)
    token = _guest_cart(app, [(variant_id, 3)])
    with paused("checkout.cart_locked", _guest_checkout(app, token, "key-a")) as first:
        second = run_in_thread(_guest_checkout(app, token, "key-b"))
        wait_until_blocked(db.engine)
    answers = sorted([first().status_code, (late := second()).status_code])
    assert answers == [201, 409] and late.json["error_code"] == "empty_cart"
    with app.app_context():
        assert db.session.get(Variant, variant_id).reserved == 3
        assert db.session.scalar(sa.select(sa.func.count()).select_from(Order)) == 1


def test_guest_checkout_x_same_key_in_flight(app):
    """The same guest cart and key twice at once: the second is told the first is still
    running (409), never a second order."""
    variant_id = _variant(app, on_hand=10)
    token = _guest_cart(app, [(variant_id, 1)])
    with paused("checkout.cart_locked", _guest_checkout(app, token, "same")) as first:
        second = run_in_thread(_guest_checkout(app, token, "same"))
        wait_until_blocked(db.engine)
    placed, late = first(), second()
    assert placed.status_code == 201
    assert late.status_code in (200, 409)
    if late.status_code == 409:
        assert late.json["error_code"] == "idempotency_key_in_flight"
    else:  # it waited for the first's commit and got its answer
        assert late.json == placed.json
    with app.app_context():
        assert db.session.scalar(sa.select(sa.func.count()).select_from(Order)) == 1


def test_customer_cancel_x_checkout_session_completed(app, monkeypatch):
    """Hosted Checkout: the cancel lands between the session's read-back (paid) and its
    application. The order stays cancelled, the session's payment is refunded once in
    full, and the cancel's own task (its session is complete, so it cannot be expired)
    changes nothing more."""
    from services import checkout_sessions
    from services.payment_providers import StripeProvider
    from tests.stripe_double import StripeDouble

    double = StripeDouble().start()
    try:
        provider = StripeProvider("sk_test_race", double.url)
        monkeypatch.setitem(app.extensions, "stockroom.payments", provider)
        monkeypatch.setitem(app.config, "CHECKOUT_REDIRECT_ORIGINS", ["https://shop.example"])
        variant_id = _variant(app, on_hand=5, price=2000)
        (headers,) = _customers(app, 1, [(variant_id, 1)], prefix="hosted")
        placed = app.test_client().post("/api/v1/checkout", headers={
            **headers, "Idempotency-Key": "hosted"}, json={
            "shipping_address": ADDRESS, "payment_flow": "checkout_session",
            "success_url": "https://shop.example/ok", "cancel_url": "https://shop.example/no"})
        assert placed.status_code == 201, placed.json
        session_id, order_id = placed.json["payment"]["session_id"], placed.json["order"]["id"]
        double.pay(session_id)

        def apply():
            with app.app_context():
                changes = checkout_sessions.sync_session(session_id, provider, utcnow())
                db.session.commit()
                return changes

        with paused("checkout_session.read_back", apply) as applied:
            cancelled = app.test_client().post(f"/api/v1/orders/{order_id}/cancel",
                                               headers=headers)
            assert cancelled.status_code == 200
        assert applied() == ["payment_linked", "late_payment_refunded"]
        with app.app_context():
            assert checkout_sessions.cancel_order_payment(order_id, provider, utcnow()) == []
            db.session.commit()
            order = db.session.get(Order, order_id)
            assert (order.status, order.payment_status) == ("cancelled", "refund_pending")
            assert db.session.scalars(sa.select(Refund.amount)).all() == [order.total]
        assert _levels(app, variant_id) == (5, 0)
    finally:
        double.stop()


def test_shipment_x_shipment_of_the_last_units(app):
    """Two parcels of 2 of an order's 3 units at once: the second waits for the first's
    lock, then sees only 1 left (422), so no unit ships twice."""
    from tests.factories import make_order

    with app.app_context():
        admin = UserFactory(role="admin")
        order = make_order(UserFactory(), [(VariantFactory(price=1000), 3)])
        db.session.commit()
        order_id, item_id = order.id, order.items[0].id
        headers = {"Authorization": f"Bearer {create_access_token(str(admin.id))}"}

    def ship(tracking):
        return lambda: app.test_client().post(
            f"/api/v1/admin/orders/{order_id}/shipments", headers=headers,
            json={"lines": [{"order_item_id": item_id, "quantity": 2}],
                  "tracking_number": tracking})

    with paused("shipment.order_locked", ship("FIRST")) as first:
        second = run_in_thread(ship("SECOND"))
        wait_until_blocked(db.engine)
    answers = sorted([(a := first()).status_code, (b := second()).status_code])
    assert answers == [201, 422], (a.json, b.json)
    with app.app_context():
        order = db.session.get(Order, order_id)
        assert order.status == "partially_shipped"
        assert [s.tracking_number for s in order.shipments] == ["FIRST"]
        assert sum(line.quantity for s in order.shipments for line in s.lines) == 2


def _conserved(app, variant_id) -> dict:
    """The variant's levels by location code, after checking they add up to its totals
    and hold their own invariants."""
    from models import Location, StockLevel

    with app.app_context():
        variant = db.session.get(Variant, variant_id)
        rows = db.session.execute(
            sa.select(Location.code, StockLevel.on_hand, StockLevel.reserved)
            .join(Location, Location.id == StockLevel.location_id)
            .where(StockLevel.variant_id == variant_id)).all()
        assert sum(r.on_hand for r in rows) == variant.on_hand
        assert sum(r.reserved for r in rows) == variant.reserved
        assert all(0 <= r.reserved <= r.on_hand for r in rows)
        return {r.code: (r.on_hand, r.reserved) for r in rows}


def _east(app, variant_id, on_hand):
    from models import Location
    from services import inventory

    with app.app_context():
        east = Location(code=f"east-{secrets.token_hex(3)}", name="East", priority=10)
        db.session.add(east)
        db.session.flush()
        inventory.set_stock(db.session.get(Variant, variant_id), on_hand, location_id=east.id)
        db.session.commit()
        return east.id, east.code


def test_checkout_x_stock_count_in_another_location(app):
    """A count at East lands while a checkout holds the variant (its units from default):
    it waits for the checkout, then counts; both figures stand, per location and in total."""
    variant_id = _variant(app, on_hand=5)
    east_id, east = _east(app, variant_id, 0)
    (headers,) = _customers(app, 1, [(variant_id, 3)], prefix="counted")
    with app.app_context():
        admin = UserFactory(role="admin")
        db.session.commit()
        admin_headers = {"Authorization": f"Bearer {create_access_token(str(admin.id))}"}
    with paused("checkout.stock_reserved", _checkout(app, headers, "count")) as placed:
        count = run_in_thread(lambda: app.test_client().put(
            f"/api/v1/variants/{variant_id}/inventory", headers=admin_headers,
            json={"on_hand": 4, "location_id": east_id}))
        wait_until_blocked(db.engine)
    assert placed().status_code == 201 and count().status_code == 200
    assert _conserved(app, variant_id) == {"default": (5, 3), east: (4, 0)}


def test_two_checkouts_for_the_last_units_split_over_two_locations(app):
    """2 units at East, 2 at default; two carts of 3 each at once. The first takes East's
    2 and 1 of default; the second, waiting on the variant's lock, finds 1 left: 409."""
    variant_id = _variant(app, on_hand=2)
    _, east = _east(app, variant_id, 2)
    first, second = _customers(app, 2, [(variant_id, 3)], prefix="split")
    with paused("checkout.stock_reserved", _checkout(app, first, "a")) as winner:
        loser = run_in_thread(_checkout(app, second, "b"))
        wait_until_blocked(db.engine)
    assert winner().status_code == 201
    refused = loser()
    assert refused.status_code == 409 and refused.json["error_code"] == "out_of_stock"
    assert refused.json["errors"]["lines"][0]["available"] == 1
    assert _conserved(app, variant_id) == {"default": (2, 1), east: (2, 2)}


def test_return_received_x_checkout_of_the_same_variant(app):
    """A return's units go back on hand while a checkout holds the variant: the receipt
    waits for the checkout's lock, then restocks; both figures stand, per location and in
    total."""
    from services import fulfilment, returns
    from tests.factories import make_order

    variant_id = _variant(app, on_hand=5)
    with app.app_context():
        admin = UserFactory(role="admin")
        sold = make_order(UserFactory(), [(db.session.get(Variant, variant_id), 2)])
        fulfilment.admin_update_order(sold.id, {"status": "shipped"}, utcnow())
        fulfilment.admin_update_order(sold.id, {"status": "delivered"}, utcnow())
        found = returns.request_return(sold, [{"order_item_id": sold.items[0].id,
                                               "quantity": 2}], utcnow())
        returns.approve(found.id, utcnow())
        db.session.commit()
        return_id, item_id = found.id, sold.items[0].id
        admin_headers = {"Authorization": f"Bearer {create_access_token(str(admin.id))}"}
    (headers,) = _customers(app, 1, [(variant_id, 4)], prefix="returning")
    with paused("checkout.stock_reserved", _checkout(app, headers, "buy")) as placed:
        receipt = run_in_thread(lambda: app.test_client().post(
            f"/api/v1/admin/returns/{return_id}/receive",
            headers={**admin_headers, "Idempotency-Key": "receive"},
            json={"lines": [{"order_item_id": item_id, "quantity": 2}]}))
        wait_until_blocked(db.engine)
    assert placed().status_code == 201
    received = receipt()
    # make_order's sale took no stock (5 on hand): 2 back makes 7, the checkout holds 4.
    assert received.status_code == 201, received.json
    assert _conserved(app, variant_id) == {"default": (7, 4)}
