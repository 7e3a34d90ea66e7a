"""Task outcomes for Prometheus: the workers send task events, and Flower (the compose
file's ``flower`` service) counts them by task and outcome on its ``/metrics``."""

from __future__ import annotations

import os
import time
from collections.abc import Callable

import pytest
import requests

from tests.conftest import RUN_ID
from tests.helpers import free_port
from tests.integration.conftest import BIN, Process

pytestmark = pytest.mark.committed

SUCCEEDED = 'task="tasks.health.heartbeat_task",type="task-succeeded"'


def succeeded(metrics: str) -> float:
    line = next((line for line in metrics.splitlines()
                 if line.startswith("flower_events_total") and SUCCEEDED in line), None)
    return float(line.rsplit(" ", 1)[1]) if line else 0.0


def scrape_until(url: str, done: Callable[[str], bool], timeout: float = 60) -> str:
    """Flower's metrics once ``done`` says so: Flower consumes the events on its own
    schedule and tells nobody when it has, so this asks until it answers or gives up."""
    deadline = time.monotonic() + timeout
    while True:
        text = requests.get(url, timeout=5).text
        if done(text) or time.monotonic() > deadline:
            return text
        time.sleep(0.2)


def test_flower_counts_task_outcomes(app, test_environ, worker):
    from tasks.health import heartbeat_task

    port = free_port()
    flower = Process([str(BIN / "celery"), "-A", "celery_app", "flower", f"--port={port}",
                      "--address=127.0.0.1", "--basic-auth=ops:secret", "--persistent=False"],
                     {**os.environ, **test_environ, "PYTHONUNBUFFERED": "1"})
    try:
        flower.wait_for_line("Visit me at", timeout=60)
        base = f"http://127.0.0.1:{port}"
        # The dashboard asks for the password; Flower serves /metrics without it, which is
        # why the compose file publishes Flower's port on the host's loopback only.
        assert requests.get(f"{base}/", timeout=5).status_code == 401
        # Events sent before Flower listens are not its to count (Redis drops a fanout
        # message nobody is bound to): a first task shows that it listens.
        heartbeat_task.delay()
        worker.wait_for_line("tasks.health.heartbeat_task", "succeeded")
        before = succeeded(scrape_until(f"{base}/metrics", lambda text: succeeded(text) > 0))
        assert before >= 1
        for _ in range(3):
            heartbeat_task.delay()
        worker.wait_for_line("tasks.health.heartbeat_task", "succeeded", times=4)
        text = scrape_until(f"{base}/metrics", lambda text: succeeded(text) >= before + 3)
        assert succeeded(text) == before + 3, text[-3000:]
        assert f'worker="worker-{RUN_ID}@' in text
    finally:
        flower.stop()
