"""The Socket.io channel from outside the suite's own client: Node's socket.io-client (the
storefronts' library) on live stock; two real-time processes on one stream; a real-time
process killed (SIGKILL) and restarted while its clients reconnect with ``since`` (nothing
missed, nothing twice); and a private Redis restarted empty under the Redis stream (clients
are told ``stream_reset``)."""

from __future__ import annotations

import json
import queue
import signal
import sys

import pytest
import socketio

from models import Variant, db
from services import inventory
from services.realtime_stream import make_stream
from tests.factories import VariantFactory
from tests.integration.conftest import ROOT, Process, start_realtime

sys.path.insert(0, str(ROOT / "scripts"))

import generate_clients  # scripts/: its Node.js helpers (npm ci, PATH)

pytestmark = pytest.mark.committed

NODE_CLIENT = ROOT / "tests" / "realtime"


def stock_change(run_consumers, variant_id: int, on_hand: int) -> None:
    inventory.set_stock(db.session.get(Variant, variant_id), on_hand)
    db.session.commit()
    run_consumers()


class Reconnecting:
    """A python-socketio client that reconnects by itself and, like a storefront, asks
    for what it missed: each (re)connection subscribes with ``since`` = the last id seen."""

    def __init__(self, url: str, request: dict):
        self.events: queue.Queue = queue.Queue()
        self.last_id: int | None = None
        self.sio = socketio.Client(reconnection=True, reconnection_delay=0.2,
                                   reconnection_delay_max=1, randomization_factor=0)
        self.sio.on("connect", lambda: self.sio.emit(
            "subscribe", request if self.last_id is None else {**request,
                                                                "since": self.last_id}))
        self.sio.on("*", self._got)
        self.sio.connect(url, transports=["websocket"], wait_timeout=10)

    def _got(self, event, data=None) -> None:
        if isinstance(data, dict) and isinstance(data.get("id"), int):
            self.last_id = max(self.last_id or 0, data["id"])
        self.events.put((event, data))

    def next(self, timeout: float = 30) -> tuple[str, dict]:
        try:
            return self.events.get(timeout=timeout)
        except queue.Empty:
            raise AssertionError(f"no event within {timeout}s") from None

    def close(self) -> None:
        self.sio.disconnect()


def _events(client: Reconnecting, count: int) -> list[tuple[str, dict]]:
    # What a client is sent, skipping its subscriptions' acknowledgements.
    seen = []
    while len(seen) < count:
        event, data = client.next()
        if event != "subscribed":
            seen.append((event, data))
    return seen


def test_nodes_socket_io_client_gets_live_stock(realtime_server, run_consumers):
    if not (NODE_CLIENT / "node_modules" / "socket.io-client").exists():
        generate_clients.run([str(generate_clients.BIN / "npm"), "ci", "--no-audit",
                              "--no-fund"], cwd=NODE_CLIENT, env=generate_clients.node_env())
    variant = VariantFactory(on_hand=5)
    db.session.commit()
    node = Process([str(generate_clients.node_binary()), str(NODE_CLIENT / "client.mjs"),
                    realtime_server, json.dumps({"product_id": variant.product_id})],
                   generate_clients.node_env())
    try:
        node.wait_for_line('"event":"subscribed"', timeout=30)
        stock_change(run_consumers, variant.id, 8)
        stock_change(run_consumers, variant.id, 3)
        node.wait_for_line('"event":"inventory.changed"', times=2, timeout=30)
    finally:
        node.proc.send_signal(signal.SIGTERM)
        node.stop()
    lines = [json.loads(line) for line in node.lines if line.startswith("{")]
    assert lines[0] == {"event": "subscribed", "data": {
        "room": f"product:{variant.product_id}", "since": None}}
    changes = [line["data"] for line in lines if line["event"] == "inventory.changed"]
    assert [(c["variant_id"], c["available"]) for c in changes] == [(variant.id, 8),
                                                                   (variant.id, 3)]
    assert changes[0]["id"] < changes[1]["id"]


def test_a_killed_realtime_process_restarted_misses_nothing_and_repeats_nothing(
        test_environ, run_consumers):
    variant = VariantFactory(on_hand=10)
    db.session.commit()
    server, url = start_realtime(test_environ)
    port = int(url.rsplit(":", 1)[1])
    room = f"product:{variant.product_id}"
    clients = [Reconnecting(url, {"product_id": variant.product_id}) for _ in range(3)]
    try:
        for client in clients:
            assert client.next() == ("subscribed", {"room": room, "since": None})
        stock_change(run_consumers, variant.id, 9)
        for client in clients:
            assert _events(client, 1)[0][1]["available"] == 9
        seen_before = {client.last_id for client in clients}
        server.proc.kill()  # SIGKILL: no goodbye to the clients
        server.proc.wait()
        server.stop()
        # Committed while no real-time process runs: kept in the stream.
        for on_hand in (8, 7, 6):
            stock_change(run_consumers, variant.id, on_hand)
        server, _ = start_realtime(test_environ, port=port)
        # Each client reconnects by itself and subscribes with the last id it saw.
        (last_seen,) = seen_before
        for client in clients:
            assert client.next() == ("subscribed", {"room": room, "since": last_seen})
        stock_change(run_consumers, variant.id, 5)
        stock_change(run_consumers, variant.id, 4)
        for client in clients:
            # The three missed in order, then the live ones; a repeat would come before 4.
            seen = _events(client, 5)
            assert [data["available"] for _, data in seen] == [8, 7, 6, 5, 4]
            ids = [data["id"] for _, data in seen]
            assert ids == sorted(set(ids)) and ids[0] > last_seen
    finally:
        for client in clients:
            client.close()
        server.stop()


@pytest.mark.redis
def test_redis_restarted_empty_tells_subscribers_to_reload(app, test_environ, private_redis,
                                                            run_consumers, monkeypatch):
    environ = {**test_environ, "REDIS_URL": private_redis.url}
    stream = make_stream({**app.config, "REDIS_URL": private_redis.url})
    monkeypatch.setitem(app.extensions, "stockroom.realtime_stream", stream)
    variant = VariantFactory(on_hand=10)
    db.session.commit()
    server, url = start_realtime(environ)
    room = f"product:{variant.product_id}"
    client = Reconnecting(url, {"product_id": variant.product_id})
    try:
        assert client.next() == ("subscribed", {"room": room, "since": None})
        stock_change(run_consumers, variant.id, 9)
        assert _events(client, 1)[0][1]["available"] == 9
        private_redis.stop()
        private_redis.start()  # the same port, nothing kept
        event, data = client.next(timeout=60)
        assert (event, data["code"]) == ("error", "stream_reset")
        # The client reloads (GET the product) and subscribes afresh: live again.
        client.sio.emit("subscribe", {"product_id": variant.product_id})
        assert client.next() == ("subscribed", {"room": room, "since": None})
        stock_change(run_consumers, variant.id, 4)
        assert _events(client, 1)[0][1]["available"] == 4
    finally:
        client.close()
        server.stop()


def test_two_realtime_processes_deliver_each_event_once_to_each_subscriber(
        test_environ, run_consumers):
    """Behind a load balancer: clients on either process get every event once, in order
    (both follow the one stream: Redis in the PostgreSQL + Redis round, else the table)."""
    variant = VariantFactory(on_hand=10)
    db.session.commit()
    first, first_url = start_realtime(test_environ)
    second, second_url = start_realtime(test_environ)
    clients = [Reconnecting(url, {"product_id": variant.product_id})
               for url in (first_url, second_url, second_url)]
    try:
        for client in clients:
            assert client.next()[0] == "subscribed"
        for on_hand in (9, 8, 7, 6):
            stock_change(run_consumers, variant.id, on_hand)
        ids = []
        for client in clients:
            seen = _events(client, 4)
            # A copy from the other process would come before the last change.
            assert [data["available"] for _, data in seen] == [9, 8, 7, 6]
            ids.append([data["id"] for _, data in seen])
        assert ids[0] == ids[1] == ids[2] == sorted(set(ids[0]))
    finally:
        for client in clients:
            client.close()
        first.stop()
        second.stop()
