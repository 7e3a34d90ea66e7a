"""Small helpers shared by tests: free ports, local HTTP receivers, and apps of their own."""

from __future__ import annotations

import json
import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


def another_app(app, overrides: dict | None = None, **environ: str):
    """A new app on the suite's database and instance folder, for tests that add routes or
    change settings: the shared ``app`` stays as it is. ``environ`` adds variables."""
    from core.app import create_app

    return create_app({"TESTING": True, **(overrides or {})}, environ={
        "INSTANCE_PATH": app.config["INSTANCE_PATH"],
        "DATABASE_URL": app.config["SQLALCHEMY_DATABASE_URI"], **environ})


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Receiver:
    """A local HTTP server answering from a script of (status, headers, body) tuples and
    recording every request it gets."""

    def __init__(self, responses: list[tuple[int, dict, bytes]] | None = None):
        self.responses = list(responses or [])
        self.requests: list[dict] = []
        self.default = (200, {}, b"{}")
        # A scripted status of None makes the receiver hang until this is set.
        self.release = threading.Event()
        self.arrived = threading.Condition()
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length)
                with receiver.arrived:
                    receiver.requests.append({"path": self.path, "headers": dict(self.headers),
                                              "body": body})
                    status, headers, payload = (receiver.responses.pop(0) if receiver.responses
                                                else receiver.default)
                    receiver.arrived.notify_all()
                if status is None:
                    receiver.release.wait(30)
                    return
                self.send_response(status)
                for name, value in headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def json_bodies(self) -> list[dict]:
        return [json.loads(r["body"]) for r in self.requests]

    def __enter__(self):
        self.thread.start()
        return self

    def wait_for_requests(self, count: int, timeout: float = 30) -> None:
        with self.arrived:
            assert self.arrived.wait_for(lambda: len(self.requests) >= count, timeout), (
                f"{len(self.requests)} of {count} requests arrived within {timeout}s")

    def __exit__(self, *exc):
        self.release.set()
        self.server.shutdown()
        self.server.server_close()


def stripe_signature(payload: bytes, secret: str, timestamp: int | None = None) -> str:
    """A ``Stripe-Signature`` header in Stripe's v1 scheme: HMAC-SHA256 of ``t.payload``."""
    import hashlib
    import hmac
    import time

    timestamp = int(time.time()) if timestamp is None else timestamp
    digest = hmac.new(secret.encode(), f"{timestamp}.".encode() + payload,
                      hashlib.sha256).hexdigest()
    return f"t={timestamp},v1={digest}"


def stripe_event(event_id: str, event_type: str, payment_intent_id: str,
                 **object_fields) -> bytes:
    """A Stripe event's JSON body about a payment (a charge for ``charge.*`` types)."""
    if event_type.startswith("charge."):
        obj = {"id": f"ch_{event_id}", "object": "charge",
               "payment_intent": payment_intent_id, **object_fields}
    else:
        obj = {"id": payment_intent_id, "object": "payment_intent", **object_fields}
    return json.dumps({"id": event_id, "object": "event", "type": event_type,
                       "api_version": "2026-10-28.endive", "created": 1_700_000_000,
                       "data": {"object": obj}}).encode()
