"""Flash-sale race: 200 customers check out at the same instant for 50 units of one variant,
on gunicorn and PostgreSQL; beside it, in the same run, 200 simultaneous requests to a bare
Flask endpoint committing one short write on the same database and gunicorn settings.

Figures: the answers' p50, p95 and p99 from the moment all 200 are released together, and
how the answers split (exactly 50 must be 201 and 150 a JSON 409; anything else, or any
oversold unit, fails the run). The ratio is the baseline's p99 over the race's: how much of
the time is the checkout's own work, and how much is the 200 requests queueing for 4
workers on 2 cores, which the baseline pays too.

    .venv/bin/python bench/race.py
"""

from __future__ import annotations

import http.client
import json
import shutil
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit

import sqlalchemy as sa

sys.path.insert(0, str(Path(__file__).resolve().parent))

from checkout import WRITE_APP
from common import (
    app_environment,
    bench_database,
    customers_with_carts,
    flask_cli,
    gunicorn,
    print_table,
)

RACERS = 200
UNITS = 50
ADDRESS = {"full_name": "Race", "line1": "1 Main St", "city": "Berlin",
           "postal_code": "10115", "country": "DE"}


def prepare(env: dict, tokens_path: Path) -> None:
    flask_cli(env, "db", "upgrade")
    flask_cli(env, "seed-demo", "--products", "10")
    customers_with_carts(env, tokens_path, RACERS, "racer", "variants[0].id",
                         setup="    from services import inventory\n"
                               f"    inventory.set_stock(variants[0], {UNITS})")


def stampede(base: str, requests: list[tuple[str, str, dict, bytes]]) -> dict:
    """Send every request at once (a thread and a connection each, released together);
    latency percentiles from the release, and the answers' status codes."""
    url = urlsplit(base)
    connections = [http.client.HTTPConnection(url.hostname, url.port, timeout=60)
                   for _ in requests]
    for connection in connections:
        connection.connect()
    barrier = threading.Barrier(len(requests) + 1)
    latencies: list[float] = [0.0] * len(requests)
    statuses: list[int] = [0] * len(requests)
    release = [0.0]

    def send(index: int) -> None:
        method, path, headers, body = requests[index]
        connection = connections[index]
        barrier.wait()
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        response.read()
        statuses[index] = response.status
        latencies[index] = time.perf_counter() - release[0]

    threads = [threading.Thread(target=send, args=(i,)) for i in range(len(requests))]
    for thread in threads:
        thread.start()
    release[0] = time.perf_counter()
    barrier.wait()
    for thread in threads:
        thread.join()
    for connection in connections:
        connection.close()
    ordered = sorted(latencies)

    def percentile(share: float) -> float:
        return ordered[min(len(ordered) - 1, int(share * len(ordered)))] * 1000

    return {"rps": len(requests) / max(ordered), "p50_ms": percentile(0.50),
            "p95_ms": percentile(0.95), "p99_ms": percentile(0.99), "statuses": statuses,
            "errors": 0}


def main() -> None:
    instance = Path(tempfile.mkdtemp(prefix="stockroom-bench-"))
    scratch = Path(tempfile.mkdtemp(prefix="stockroom-bench-race-"))
    try:
        with bench_database("stockroom_bench_race") as database_url:
            env = app_environment(database_url, instance)
            tokens_path = scratch / "tokens.txt"
            prepare(env, tokens_path)
            tokens = tokens_path.read_text().split()
            engine = sa.create_engine(database_url)
            with engine.begin() as connection:
                connection.exec_driver_sql(
                    "CREATE TABLE bench_writes (id bigserial PRIMARY KEY, note text)")
            (scratch / "write_app.py").write_text(WRITE_APP)
            print(f"race: {RACERS} simultaneous checkouts for {UNITS} units of one variant; "
                  "gunicorn --workers 4")
            with gunicorn("write_app:app", env, chdir=scratch) as base:
                write = stampede(base, [("POST", "/write", {}, b"")] * RACERS)
            body = json.dumps({"shipping_address": ADDRESS}).encode()
            with gunicorn("wsgi:app", env) as base:
                race = stampede(base, [
                    ("POST", "/api/v1/checkout",
                     {"Authorization": f"Bearer {token}", "Content-Type": "application/json",
                      "Idempotency-Key": f"race-{n}"}, body)
                    for n, token in enumerate(tokens)])
            with engine.connect() as connection:
                on_hand, reserved = connection.execute(sa.text(
                    "SELECT on_hand, reserved FROM variants ORDER BY id LIMIT 1")).one()
                orders = connection.execute(sa.text("SELECT count(*) FROM orders")).scalar_one()
            engine.dispose()
            split = {code: race["statuses"].count(code) for code in sorted(set(race["statuses"]))}
            race["errors"] = sum(n for code, n in split.items() if code not in (201, 409))
            # The "ratio" column compares throughput; for a one-shot race the p99 is the
            # figure that matters, so it is printed on its own line too.
            print_table([("race: 200 checkouts, 50 units", race,
                          "bare Flask 1-row write", write)], name="race")
            print(f"p50 / p95 / p99: race {race['p50_ms']:.0f} / {race['p95_ms']:.0f} / "
                  f"{race['p99_ms']:.0f} ms; baseline {write['p50_ms']:.0f} / "
                  f"{write['p95_ms']:.0f} / {write['p99_ms']:.0f} ms; p99 ratio "
                  f"{write['p99_ms'] / race['p99_ms']:.2f}")
            print(f"answers {split}; orders {orders}; units reserved {reserved} of {on_hand}")
            if split.get(201) != UNITS or race["errors"] or reserved != UNITS or orders != UNITS:
                raise SystemExit("the race oversold, undersold or answered other than 201/409")
    finally:
        shutil.rmtree(instance, ignore_errors=True)
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    main()
