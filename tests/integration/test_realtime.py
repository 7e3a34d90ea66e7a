"""The Socket.io channel, served by ``flask --app wsgi realtime`` in its own process and
tested with python-socketio's own client: auth at connect, rooms joined with the REST API's
checks, events only after their commit, each once, replay with ``since``, and the order's,
cart's and stock's events of the contract's table. Runs on the database stream (SQLite) and
on the Redis stream (the PostgreSQL + Redis round)."""

from __future__ import annotations

import queue

import pytest
import socketio
from flask_jwt_extended import create_access_token

from models import Product, Variant, db
from services import inventory
from tests.factories import ProductFactory, UserFactory, VariantFactory, fill_cart

pytestmark = pytest.mark.committed

SECRET = "whsec_" + "MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
ADDRESS = {"full_name": "Ada", "line1": "1 Main St", "city": "Berlin", "postal_code": "10115",
           "country": "DE"}


class Client:
    """A python-socketio client that collects every event it is sent, in order."""

    def __init__(self, url: str, auth: dict | None = None):
        self.events: queue.Queue = queue.Queue()
        self.refusal: dict | None = None
        self.sio = socketio.Client(reconnection=False)
        self.sio.on("*", lambda event, data=None: self.events.put((event, data)))
        self.sio.on("connect_error", self._refused)
        self.sio.connect(url, auth=auth, transports=["websocket"], wait_timeout=10)

    def _refused(self, data) -> None:
        self.refusal = data

    def next(self, timeout: float = 20) -> tuple[str, dict]:
        try:
            return self.events.get(timeout=timeout)
        except queue.Empty:
            raise AssertionError(f"no event within {timeout}s") from None

    def subscribe(self, **request) -> tuple[str, dict]:
        self.sio.emit("subscribe", request)
        return self.next()

    def close(self) -> None:
        self.sio.disconnect()


@pytest.fixture
def connect(realtime_server):
    opened: list[Client] = []

    def make(auth: dict | None = None) -> Client:
        client = Client(realtime_server, auth)
        opened.append(client)
        return client

    yield make
    for client in opened:
        client.close()


def token(user) -> str:
    return create_access_token(identity=str(user.id))


def stock_change(run_consumers, variant_id: int, on_hand: int) -> None:
    inventory.set_stock(db.session.get(Variant, variant_id), on_hand)
    db.session.commit()
    run_consumers()


def test_live_stock_after_commit_only(connect, run_consumers):
    variant = VariantFactory(on_hand=5)
    db.session.commit()
    client = connect()
    assert client.subscribe(product_id=variant.product_id) == (
        "subscribed", {"room": f"product:{variant.product_id}", "since": None})
    # A change rolled back sends nothing: the next event is the committed one after it.
    inventory.set_stock(db.session.get(Variant, variant.id), 1)
    db.session.rollback()
    run_consumers()
    stock_change(run_consumers, variant.id, 8)
    event, data = client.next()
    assert event == "inventory.changed"
    assert {k: data[k] for k in ("product_id", "variant_id", "available")} == {
        "product_id": variant.product_id, "variant_id": variant.id, "available": 8}
    assert isinstance(data["id"], int) and data["id"] > 0
    stock_change(run_consumers, variant.id, 6)
    second = client.next()[1]
    assert second["available"] == 6 and second["id"] > data["id"]


def test_rooms_follow_the_rest_apis_checks(connect, realtime_server):
    customer, admin = UserFactory(), UserFactory(role="admin")
    seller = UserFactory(role="seller")
    draft = ProductFactory(status="draft", seller_id=seller.id)
    db.session.commit()
    for auth, code in (({"token": "not-a-token"}, "unauthorized"),
                       ({"token": 5}, "bad_auth"), ("a string", "bad_auth")):
        refused = Client.__new__(Client)
        with pytest.raises(socketio.exceptions.ConnectionError):
            Client.__init__(refused, realtime_server, auth)
        assert refused.refusal["data"] == {"code": code}, refused.refusal
    anonymous, shopper = connect(), connect({"token": token(customer)})
    assert anonymous.subscribe(admin=True)[1]["code"] == "unauthorized"
    assert anonymous.subscribe(orders=True)[1]["code"] == "unauthorized"
    assert anonymous.subscribe(product_id=draft.id)[1]["code"] == "not_found"
    assert anonymous.subscribe(product_id=2**31 - 1)[1]["code"] == "not_found"
    assert anonymous.subscribe(product_id="1")[1]["code"] == "bad_request"
    assert anonymous.subscribe(admin=True, cart=True)[1]["code"] == "bad_request"
    assert anonymous.subscribe(cart=True, since=-1)[1]["code"] == "bad_request"
    assert anonymous.subscribe(nothing=True)[1]["code"] == "bad_request"
    assert shopper.subscribe(admin=True)[1]["code"] == "forbidden"
    assert shopper.subscribe(seller=True)[1]["code"] == "forbidden"
    assert shopper.subscribe(orders=True) == ("subscribed", {
        "room": f"orders:{customer.id}", "since": None})
    assert connect({"token": token(admin)}).subscribe(admin=True)[0] == "subscribed"
    owner = connect({"token": token(seller)})
    assert owner.subscribe(seller=True)[1]["room"] == f"seller:{seller.id}"
    assert owner.subscribe(product_id=draft.id)[0] == "subscribed"
    # A token revoked after connecting is refused at the next subscribe.
    customer.is_active = False
    db.session.commit()
    assert shopper.subscribe(cart=True)[1]["code"] == "unauthorized"


def test_the_cart_as_get_cart_answers_it(connect, client, run_consumers):
    variant = VariantFactory(on_hand=5, price=1500)
    db.session.commit()
    cart_token = client.get("/api/v1/cart").headers["X-Cart-Token"]
    guest = connect({"cart_token": cart_token})
    assert guest.subscribe(cart=True)[0] == "subscribed"
    stranger = connect({"cart_token": "x" * 43})
    assert stranger.subscribe(cart=True)[0] == "subscribed"
    added = client.post("/api/v1/cart/items", json={"variant_id": variant.id, "quantity": 2},
                        headers={"X-Cart-Token": cart_token})
    assert added.status_code == 201
    db.session.commit()
    run_consumers()
    event, data = guest.next()
    assert event == "cart.updated"
    assert data["cart"] == client.get("/api/v1/cart",
                                      headers={"X-Cart-Token": cart_token}).json
    # The other guest's cart room heard nothing: its next event is its own.
    assert stranger.events.empty()


def test_order_events_reach_owner_admins_and_sellers_once(connect, client, auth_headers,
                                                         run_consumers):
    seller, customer, other = UserFactory(role="seller"), UserFactory(), UserFactory()
    admin = UserFactory(role="admin")
    variant = VariantFactory(product_id=ProductFactory(seller_id=seller.id).id, on_hand=5)
    fill_cart(customer, {variant: 1})
    db.session.commit()
    owner, stranger = connect({"token": token(customer)}), connect({"token": token(other)})
    staff, vendor = connect({"token": token(admin)}), connect({"token": token(seller)})
    for listener, room in ((owner, "orders"), (stranger, "orders"), (staff, "admin"),
                           (vendor, "seller")):
        assert listener.subscribe(**{room: True})[0] == "subscribed"
    # An admin who is also listening to a product room gets each event once.
    assert staff.subscribe(product_id=variant.product_id)[0] == "subscribed"
    placed = client.post("/api/v1/checkout", json={"shipping_address": ADDRESS},
                         headers={**auth_headers(customer), "Idempotency-Key": "rt"}).json
    run_consumers()
    # The stock was reserved (its event first), then the order made.
    assert [staff.next()[0], staff.next()[0]] == ["inventory.changed", "order.created"]
    event, data = vendor.next()
    assert (event, data["order_id"], data["status"]) == (
        "order.created", placed["order"]["id"], "pending_payment")
    intent = placed["payment"]["payment_intent_id"]
    client.post(f"/api/v1/payments/fake/{intent}/settle", json={"outcome": "succeeded"},
                headers=auth_headers(customer))
    run_consumers()
    for listener in (owner, vendor):
        event, data = listener.next()
        assert (event, data["old_status"], data["new_status"]) == (
            "order.status_changed", "pending_payment", "paid")
    events = [staff.next(), staff.next()]
    assert sorted(event for event, _ in events) == ["inventory.changed", "order.status_changed"]
    assert stranger.events.empty() and owner.events.empty()


def test_since_replays_what_was_missed_once_in_order(connect, realtime_server, run_consumers):
    variant = VariantFactory(on_hand=5)
    db.session.commit()
    first = connect()
    first.subscribe(product_id=variant.product_id)
    stock_change(run_consumers, variant.id, 10)
    seen = first.next()[1]["id"]
    first.close()
    for on_hand in (11, 12, 13):
        stock_change(run_consumers, variant.id, on_hand)
    again = connect()
    assert again.subscribe(product_id=variant.product_id, since=seen) == (
        "subscribed", {"room": f"product:{variant.product_id}", "since": seen})
    stock_change(run_consumers, variant.id, 14)
    got = [again.next()[1] for _ in range(4)]
    assert [data["available"] for data in got] == [11, 12, 13, 14]
    assert [data["id"] for data in got] == sorted({data["id"] for data in got})
    assert all(data["id"] > seen for data in got)
    assert again.events.empty()


def test_a_client_too_far_behind_is_told_to_reload(connect, run_consumers):
    variant = VariantFactory(on_hand=5)
    db.session.commit()
    watcher = connect()
    watcher.subscribe(product_id=variant.product_id)
    stock_change(run_consumers, variant.id, 9)
    assert watcher.next()[1]["id"] > 0
    # 0: before the first event still kept (ids start above it), as for a client whose
    # last event was dropped from the stream.
    late = connect()
    event, data = late.subscribe(product_id=variant.product_id, since=0)
    assert (event, data["code"]) == ("error", "too_far_behind")
    assert late.subscribe(product_id=variant.product_id) == (
        "subscribed", {"room": f"product:{variant.product_id}", "since": None})


def test_a_product_room_hears_only_its_product(connect, run_consumers):
    mine, other = VariantFactory(on_hand=5), VariantFactory(on_hand=5)
    db.session.commit()
    client = connect()
    client.subscribe(product_id=mine.product_id)
    stock_change(run_consumers, other.id, 1)
    stock_change(run_consumers, mine.id, 2)
    event, data = client.next()
    assert (event, data["product_id"], data["available"]) == (
        "inventory.changed", mine.product_id, 2)
    assert db.session.get(Product, other.product_id) is not None


def test_low_stock_and_dead_deliveries_alert_the_admin_room(connect, run_consumers, app,
                                                            monkeypatch):
    from tests.helpers import Receiver

    seller, other_seller = UserFactory(role="seller"), UserFactory(role="seller")
    admin = UserFactory(role="admin")
    variant = VariantFactory(product_id=ProductFactory(seller_id=seller.id).id, on_hand=5,
                             low_stock_threshold=2)
    db.session.commit()
    staff, vendor = connect({"token": token(admin)}), connect({"token": token(seller)})
    stranger = connect({"token": token(other_seller)})
    for listener, room in ((staff, "admin"), (vendor, "seller"), (stranger, "seller")):
        assert listener.subscribe(**{room: True})[0] == "subscribed"
    stock_change(run_consumers, variant.id, 1)
    for listener in (staff, vendor):
        event, data = listener.next()
        assert event == "inventory.low_stock"
        assert (data["variant_id"], data["available"], data["low_stock_threshold"]) == (
            variant.id, 1, 2)
    # A function that answers 410 kills its delivery at once: the admins hear of it.
    with Receiver([(410, {}, b"")]) as receiver:
        for name, value in {"SUPABASE_FUNCTIONS_URL": receiver.url,
                            "SUPABASE_SERVICE_ROLE_KEY": "key",
                            "SUPABASE_WEBHOOK_SECRET": SECRET}.items():
            monkeypatch.setitem(app.config, name, value)
        stock_change(run_consumers, variant.id, 4)  # product_sync's delivery, refused
        run_consumers()  # the webhook.delivery_dead event the refusal recorded
    event, data = staff.next()
    assert event == "webhook.delivery_dead"
    assert (data["event_type"], data["function"], data["status_code"]) == (
        "inventory.changed", "product_sync", 410)
    # The seller rooms hear nothing of it: the next thing the other seller hears is its own.
    own = VariantFactory(product_id=ProductFactory(seller_id=other_seller.id).id, on_hand=5,
                         low_stock_threshold=2)
    db.session.commit()
    stock_change(run_consumers, own.id, 0)
    event, data = stranger.next()
    assert (event, data["variant_id"]) == ("inventory.low_stock", own.id)
