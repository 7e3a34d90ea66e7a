"""Pipeline benchmark: outbound events delivered per second (a committed outbox event ->
published to the broker -> a Celery worker -> a signed POST to a local receiver), beside,
in the same run, the throughput of a no-op Celery task on the same broker with the same
workers (the ceiling of any task here).

Two measures of the pipeline:

- pipeline: 2,000 events already committed (with their delivery rows), published by the
  outbox relay (``relay_undispatched``, what beat runs) and delivered. Like the no-op
  baseline, this is publish -> worker -> done, so the ratio compares like with like.
- end to end: each event committed on its own by one producer thread, as a request would,
  and published after its commit. The producer shares the 2 cores with the workers, so
  this measures the request side's commits as much as the pipeline; it also gives the p95
  from an event's commit to its first delivery attempt.

Workers: one ``celery worker`` with 4 prefork processes (the compose file's webhooks
worker), on Redis (``BENCH_REDIS_URL``,
default the local server, under a key prefix of its own) and PostgreSQL (a throwaway
database). Every event is for a distinct order, so per-order ordering does not serialise
the run.

    .venv/bin/python bench/pipeline.py           # BENCH_EVENTS=2000 by default
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import threading
import time
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from common import (
    BIN,
    ROOT,
    app_environment,
    bench_database,
    flask_cli,
    print_table,
    scratch_instance,
)

EVENTS = int(os.environ.get("BENCH_EVENTS", "2000"))
# As docker-compose.yml runs the webhooks worker: deliveries wait on the network, so it has
# more processes than cores. The no-op baseline runs on this same worker.
WORKER_PROCESSES = 4
SECRET = "whsec_" + "MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"


class Arrivals:
    """The local receiver: answers 200 and notes when each webhook-id first arrived."""

    def __init__(self):
        self.first: dict[str, float] = {}
        self.count = 0
        self.changed = threading.Condition()
        arrivals = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_POST(self):
                self.rfile.read(int(self.headers.get("Content-Length") or 0))
                now = time.monotonic()
                with arrivals.changed:
                    arrivals.first.setdefault(self.headers["webhook-id"], now)
                    arrivals.count += 1
                    arrivals.changed.notify_all()
                self.send_response(200)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def wait_for(self, distinct: int, timeout: float) -> None:
        with self.changed:
            if not self.changed.wait_for(lambda: len(self.first) >= distinct, timeout):
                raise SystemExit(f"only {len(self.first)} of {distinct} events arrived")


class Worker:
    def __init__(self, env: dict[str, str]):
        self.lines = 0
        self.changed = threading.Condition()
        self.process = subprocess.Popen(
            [str(BIN / "celery"), "-A", "celery_app", "worker", "-l", "info",
             "-c", str(WORKER_PROCESSES), "-Q", "default,webhooks", "--include", "noop_tasks",
             "--without-gossip", "--without-mingle", "--without-heartbeat", "-n",
             f"bench-{uuid.uuid4().hex[:6]}@%h"],
            cwd=ROOT, env={**env, "PYTHONPATH": str(ROOT / "bench")},
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        self.seen: dict[str, int] = {}
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        for line in self.process.stdout:
            with self.changed:
                for marker in (" ready.", "bench.noop[", "deliver_event_task["):
                    if marker in line and (marker == " ready." or "succeeded" in line):
                        self.seen[marker] = self.seen.get(marker, 0) + 1
                self.changed.notify_all()

    def wait_for(self, marker: str, times: int, timeout: float = 600) -> float:
        with self.changed:
            if not self.changed.wait_for(lambda: self.seen.get(marker, 0) >= times, timeout):
                raise SystemExit(f"worker: {marker} x{times} not seen")
        return time.monotonic()

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=30)


def _relayed(app, arrivals: Arrivals, worker: Worker) -> float:
    """Commit EVENTS events unpublished, then time the relay publishing them and the
    workers delivering them: from the relay's start to the last event's arrival."""
    from datetime import timedelta

    from models import db, utcnow
    from services import outbox

    for number in range(EVENTS):
        outbox.record_event("order.status_changed", "order", number + 1,
                            {"order_id": number + 1, "old_status": "paid",
                             "new_status": "processing"})
    # Committed without the after-commit publish: the relay's to send, as after an outage.
    db.session.info.pop(outbox.PENDING_KEY)
    db.session.commit()
    relay = app.extensions["stockroom.outbox"]
    started = time.monotonic()
    while outbox.relay_undispatched(relay, utcnow(), grace=timedelta(0),
                                    limit=app.config["OUTBOX_RELAY_BATCH"]):
        db.session.commit()
    db.session.commit()
    arrivals.wait_for(EVENTS, timeout=600)
    finished = max(arrivals.first.values())
    worker.wait_for("deliver_event_task[", EVENTS)
    return EVENTS / (finished - started)


def main() -> None:
    scratch = scratch_instance()
    arrivals = Arrivals()
    redis_url = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/0")
    try:
        with bench_database("stockroom_bench_pipeline") as database_url:
            env = {**app_environment(database_url, scratch),
                   "CELERY_BROKER_URL": redis_url,
                   "CELERY_BROKER_KEY_PREFIX": f"bench-{uuid.uuid4().hex[:8]}:",
                   "SUPABASE_FUNCTIONS_URL": arrivals.url(),
                   "SUPABASE_WEBHOOK_SECRET": SECRET,
                   "SUPABASE_SERVICE_ROLE_KEY": "bench"}
            flask_cli(env, "db", "upgrade")
            os.environ.update(env)
            from core.app import create_app
            from models import db
            from services import outbox

            app = create_app()
            celery = app.extensions["celery"]
            worker = Worker(env)
            try:
                worker.wait_for(" ready.", 1, timeout=60)
                # Baseline: the same number of no-op tasks, published as fast as possible.
                started = time.monotonic()
                for number in range(EVENTS):
                    celery.send_task("bench.noop", args=[number], queue="default")
                finished = worker.wait_for("bench.noop[", EVENTS)
                noop_rate = EVENTS / (finished - started)

                with app.app_context():
                    relayed_rate = _relayed(app, arrivals, worker)
                    committed: dict[str, float] = {}
                    started = time.monotonic()
                    for number in range(EVENTS, 2 * EVENTS):
                        event = outbox.record_event(
                            "order.status_changed", "order", number + 1,
                            {"order_id": number + 1, "old_status": "paid",
                             "new_status": "processing"})
                        webhook_id = f"msg_{event.uuid.hex}"
                        db.session.commit()
                        committed[webhook_id] = time.monotonic()
                    produced = time.monotonic() - started
                    arrivals.wait_for(2 * EVENTS, timeout=600)
                    finished = max(arrivals.first[w] for w in committed)
                    worker.wait_for("deliver_event_task[", 2 * EVENTS)
                pipeline_rate = EVENTS / (finished - started)
                latencies = sorted((arrivals.first[w] - t) * 1000 for w, t in committed.items())
                p95 = latencies[int(0.95 * (len(latencies) - 1))]
                p50 = latencies[len(latencies) // 2]
            finally:
                worker.stop()
            # Any request beyond one per webhook-id is a duplicate delivery.
            duplicates = arrivals.count - len(arrivals.first)
            print_table([
                ("pipeline: committed events relayed",
                 {"rps": relayed_rate, "p95_ms": float("nan"), "errors": duplicates},
                 "no-op Celery task", {"rps": noop_rate, "p95_ms": float("nan")},
                 (0.5, None)),
                ("end to end, a commit per event",
                 {"rps": pipeline_rate, "p95_ms": p95, "errors": duplicates},
                 "no-op Celery task", {"rps": noop_rate, "p95_ms": float("nan")}),
            ], name="pipeline")
            print(f"events committed and published by one producer thread in {produced:.1f} s "
                  f"({EVENTS / produced:.0f}/s)")
            print(f"commit -> first delivery attempt: p50 {p50:.1f} ms, p95 {p95:.1f} ms "
                  f"({EVENTS} events, {WORKER_PROCESSES} worker processes, receiver saw "
                  f"{arrivals.count} requests for {len(arrivals.first)} webhook-ids)")
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    main()
