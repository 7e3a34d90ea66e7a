"""gunicorn, started from the project's root with its ``gunicorn.conf.py``: what it refuses
before the app sees it is the contract's JSON error, not an HTML page."""

from __future__ import annotations

import json
import socket
import sys
from pathlib import Path

import pytest

from tests.helpers import free_port
from tests.integration.conftest import Process

BIN = Path(sys.executable).parent


@pytest.fixture
def server(test_environ):
    port = free_port()
    process = Process([str(BIN / "gunicorn"), "--bind", f"127.0.0.1:{port}", "--workers", "1",
                       "wsgi:app"], {**test_environ, "PATH": str(BIN)})
    process.wait_for_line("Booting worker", timeout=60)
    yield port
    process.stop()


def _raw(port: int, request: bytes) -> tuple[str, dict]:
    with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
        sock.sendall(request)
        answer = b""
        while chunk := sock.recv(65536):
            answer += chunk
    head, _, body = answer.partition(b"\r\n\r\n")
    return head.decode("latin-1"), json.loads(body)


def test_a_request_line_too_long_is_a_json_414(server):
    head, body = _raw(server, b"GET /api/v1/products?q=" + b"a" * 10_000 +
                      b" HTTP/1.1\r\nHost: x\r\n\r\n")
    assert head.startswith("HTTP/1.1 414") and "Content-Type: application/json" in head
    assert body["code"] == 414


def test_a_nul_in_a_header_is_a_json_400(server):
    head, body = _raw(server, b"GET /healthz HTTP/1.1\r\nHost: x\r\nX-Thing: a\x00b\r\n\r\n")
    assert head.startswith("HTTP/1.1 400") and "Content-Type: application/json" in head
    assert body["code"] == 400
