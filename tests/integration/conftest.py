"""Real processes: a Celery worker (and, for outages, a private redis-server) per test.

Each is started on its own and stopped by its PID; the machine's shared services are never
touched.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest
import stripe

from services.payment_providers import StripeProvider
from tests.conftest import RUN_ID
from tests.helpers import free_port

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent


class Process:
    """A child process whose combined output is collected line by line."""

    def __init__(self, args: list[str], env: dict[str, str]):
        self.lines: list[str] = []
        self.changed = threading.Condition()
        self.proc = subprocess.Popen(args, cwd=ROOT, env=env, stdout=subprocess.PIPE,
                                     stderr=subprocess.STDOUT, text=True)
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self) -> None:
        for line in self.proc.stdout:
            with self.changed:
                self.lines.append(line)
                self.changed.notify_all()
        with self.changed:  # the end of the output is news too: the process is gone
            self.changed.notify_all()

    def output(self) -> str:
        return "".join(self.lines)

    def count(self, *texts: str) -> int:
        """How many output lines contain every one of ``texts``."""
        return sum(all(text in line for text in texts) for line in self.lines)

    def wait_for_line(self, *texts: str, times: int = 1, timeout: float = 60) -> None:
        """Wait until ``times`` output lines contain every one of ``texts``: the process
        saying so is the event (a task succeeded, a server listens)."""

        def seen():
            if self.count(*texts) >= times:
                return True
            if not self.reader.is_alive():
                raise AssertionError(f"process output ended:\n{self.output()[-4000:]}")
            return False

        with self.changed:
            if not self.changed.wait_for(seen, timeout=timeout):
                raise AssertionError(f"timed out after {timeout}s waiting for {texts!r} "
                                     f"x{times}:\n{self.output()[-4000:]}")

    def stop(self, timeout: float = 20) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.reader.join(timeout=5)


def start_worker(environ: dict[str, str], name: str = "worker",
                 extra_args: tuple[str, ...] = ()) -> Process:
    env = {**os.environ, **environ, "EMAIL_BACKEND": "console", "PYTHONUNBUFFERED": "1"}
    worker = Process([str(BIN / "celery"), "-A", "celery_app", "worker", "-l", "info",
                      "-P", "solo", "-n", f"{name}-{RUN_ID}@%h", "--without-gossip",
                      "--without-mingle", "--without-heartbeat", *extra_args], env)
    worker.wait_for_line(" ready.")
    return worker


def start_realtime(environ: dict[str, str], port: int | None = None) -> tuple[Process, str]:
    """``flask --app wsgi realtime`` on a free port (or ``port``), once its follower reads
    the stream; the process and its base address."""
    port = port or free_port()
    env = {**os.environ, **environ, "PYTHONUNBUFFERED": "1"}
    process = Process([str(BIN / "flask"), "--app", "wsgi", "realtime", "--host", "127.0.0.1",
                       "--port", str(port)], env)
    process.wait_for_line("real-time follower ready")
    process.wait_for_line("Uvicorn running on")
    return process, f"http://127.0.0.1:{port}"


@pytest.fixture
def realtime_server(test_environ):
    process, url = start_realtime(test_environ)
    yield url
    process.stop()


@pytest.fixture
def worker(test_environ):
    process = start_worker(test_environ)
    yield process
    process.stop()


class RedisServer:
    """A private redis-server on a free port, stopped and restarted by its own PID."""

    def __init__(self, workdir: Path):
        self.binary = shutil.which("redis-server")
        if self.binary is None:
            raise RuntimeError("redis-server is not installed")
        self.port = free_port()
        self.workdir = workdir
        self.process: Process | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        self.process = Process([self.binary, "--port", str(self.port), "--bind", "127.0.0.1",
                                "--save", "", "--appendonly", "no",
                                "--dir", str(self.workdir)], dict(os.environ))
        self.process.wait_for_line("Ready to accept connections", timeout=20)

    def stop(self) -> None:
        if self.process is not None:
            self.process.stop()
            self.process = None


@pytest.fixture
def private_redis(tmp_path):
    server = RedisServer(tmp_path)
    server.start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def localstripe():
    """localstripe (a stateful Stripe double) for the session, on 127.0.0.1 only, with its
    state in memory; its base address."""
    port = free_port()
    process = Process([sys.executable, str(ROOT / "tests" / "localstripe_server.py"),
                       str(port)], dict(os.environ, PYTHONUNBUFFERED="1"))
    process.wait_for_line("localstripe listening", timeout=30)
    yield f"http://127.0.0.1:{port}"
    process.stop()


class LiveServer:
    """The test's app served over HTTP on 127.0.0.1 (threaded), for callers outside the
    process: localstripe's webhooks, concurrent clients."""

    def __init__(self, app):
        from werkzeug.serving import make_server

        self.server = make_server("127.0.0.1", 0, app, threaded=True)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_port}"

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def live_server(app):
    with LiveServer(app) as server:
        yield server


# Stripe against localstripe: the app's provider pointed at it, the storefront's client,
# and a wait for events the app publishes (test_stripe*.py).
STRIPE_SECRET = "whsec_localstripe_test"
STRIPE_API_KEY = "sk_test_stockroom"


@pytest.fixture
def stripe_provider(app, localstripe, monkeypatch):
    provider = StripeProvider(STRIPE_API_KEY, localstripe)
    monkeypatch.setitem(app.extensions, "stockroom.payments", provider)
    monkeypatch.setitem(app.config, "STRIPE_WEBHOOK_SECRET", STRIPE_SECRET)
    return provider


@pytest.fixture
def customer_stripe(localstripe):
    """What the storefront does with the client secret, done with Stripe's own client."""
    return stripe.StripeClient(STRIPE_API_KEY, base_addresses={"api": localstripe})


@pytest.fixture
def published(app, enqueued):
    """Wait for events to be published (the app's after-commit dispatch, from any thread)."""
    outbox = app.extensions["stockroom.outbox"]
    changed = threading.Condition()
    inner = outbox.publish

    def publish(event_id, event_type):
        with changed:
            inner(event_id, event_type)
            changed.notify_all()

    def wait_for(event_type: str, times: int = 1, timeout: float = 30) -> None:
        with changed:
            seen = changed.wait_for(
                lambda: sum(kind == event_type for _, kind in enqueued) >= times, timeout)
        assert seen, f"{event_type} x{times} not published within {timeout}s: {enqueued}"

    outbox.publish = publish
    yield wait_for
    outbox.publish = inner


