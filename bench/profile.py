"""In-process costs of the hot paths, one request or task at a time, with no HTTP server and
no load: milliseconds of wall and CPU time per operation, SQL statements per operation, and,
with ``--profile``, a pyinstrument profile. These are the figures the optimisation notes in
bench/README.md quote; they move with the code, not with the machine's load.

    .venv/bin/python bench/profile.py checkout [--profile] [--sql]
    .venv/bin/python bench/profile.py delivery [--profile] [--sql]
    .venv/bin/python bench/profile.py catalog  [--profile] [--cold]   # a listing page

Each run creates and drops its own PostgreSQL database (``BENCH_DATABASE_URL``) and uses the
local Redis (``BENCH_REDIS_URL``), as the benchmarks do.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from common import app_environment, bench_database, flask_cli, scratch_instance

ADDRESS = {"full_name": "B", "line1": "1 Main St", "city": "Berlin", "postal_code": "10115",
           "country": "DE"}


def measure(label: str, operations, count: int, statements: list, profile: bool,
            database_cpu=None) -> None:
    from pyinstrument import Profiler

    profiler = Profiler(interval=0.0005) if profile else None
    statements.clear()
    before_db = database_cpu() if database_cpu else None
    if profiler:
        profiler.start()
    started, cpu = time.perf_counter(), time.process_time()
    for operation in operations:
        operation()
    wall, cpu = time.perf_counter() - started, time.process_time() - cpu
    if profiler:
        profiler.stop()
    line = (f"{label}: {1000 * wall / count:.2f} ms wall, {1000 * cpu / count:.2f} ms CPU "
            f"(this process), {len(statements) / count:.1f} SQL statements each")
    if before_db is not None:
        line += f", {1000 * (database_cpu() - before_db) / count:.2f} ms PostgreSQL CPU"
    print(line + (" (under the profiler)" if profiler else ""))
    if profiler:
        print(profiler.output_text(unicode=False, color=False))


def postgres_cpu_seconds() -> float:
    """CPU time of every postgres process on this machine (the benchmark's backends are the
    only busy ones)."""
    ticks = 0
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            if Path(f"/proc/{pid}/comm").read_text().strip() != "postgres":
                continue
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        ticks += int(fields[11]) + int(fields[12])
    return ticks / os.sysconf("SC_CLK_TCK")


def listen(statements: list) -> None:
    from sqlalchemy import event

    from models import db

    event.listen(db.engine, "before_cursor_execute",
                 lambda conn, cursor, statement, *rest: statements.append(statement))


def checkout(args, env) -> None:
    import checkout as checkout_bench

    count = args.count
    checkout_bench.CUSTOMERS = count + 20
    tokens_path = Path(tempfile.mkdtemp()) / "tokens.txt"
    checkout_bench.prepare(env["DATABASE_URL"], env, tokens_path)
    os.environ.update(env)
    from wsgi import app

    tokens = tokens_path.read_text().split()
    client = app.test_client()
    expected = 201
    body = {"shipping_address": ADDRESS}
    if args.shipping:
        # A zone for the destination with one method, and a tax rate: priced checkouts.
        import sqlalchemy as sa

        engine = sa.create_engine(env["DATABASE_URL"])
        body["shipping_method_id"] = checkout_bench.shipping_and_tax(engine)
        engine.dispose()
    if args.two_locations:
        # A second stock location first in checkout's order, with ample stock.
        import sqlalchemy as sa

        engine = sa.create_engine(env["DATABASE_URL"])
        checkout_bench.second_location(engine)
        engine.dispose()
    if args.sold_out:
        # The losers of a flash sale: every cart's variants have nothing left.
        import sqlalchemy as sa

        from models import StockLevel, Variant, db
        with app.app_context():
            db.session.execute(sa.update(Variant).values(reserved=Variant.on_hand))
            db.session.execute(sa.update(StockLevel).values(reserved=StockLevel.on_hand))
            db.session.commit()
        expected = 409

    def one(index: int):
        def run():
            response = client.post("/api/v1/checkout", json=body,
                                   headers={"Authorization": f"Bearer {tokens[index]}",
                                            "Idempotency-Key": f"profile-{index}"})
            assert response.status_code == expected, response.get_json()
        return run

    statements: list[str] = []
    with app.app_context():
        listen(statements)
    for index in range(20):  # warm up: connections, caches, imports
        one(index)()
    if args.sql:
        statements.clear()
        one(20)()
        print("\n".join(f"-- {s.split(chr(10))[0][:160]}" for s in statements))
    measure("checkout", [one(i) for i in range(20, 20 + count)], count, statements,
            args.profile, postgres_cpu_seconds)


def delivery(args, env) -> None:
    from pipeline import SECRET, Arrivals

    arrivals = Arrivals()
    env = {**env, "SUPABASE_FUNCTIONS_URL": arrivals.url(), "SUPABASE_WEBHOOK_SECRET": SECRET,
           "SUPABASE_SERVICE_ROLE_KEY": "bench"}
    flask_cli(env, "db", "upgrade")
    os.environ.update(env)
    from core.app import create_app
    from models import db
    from services import outbox
    from tasks.webhooks import deliver_event_task

    app = create_app()
    # Measured one side at a time: the events stay unpublished (no broker needed).
    app.extensions["stockroom.outbox"].publish = lambda event_id, event_type: None
    statements: list[str] = []
    ids: list[int] = []
    with app.app_context():
        listen(statements)

        def produce(number: int):
            def run():
                ids.append(outbox.record_event("order.status_changed", "order", number,
                                               {"order_id": number}).id)
                db.session.commit()
            return run

        measure("event recorded and committed (producer side)",
                [produce(n) for n in range(args.count)], args.count, statements, False)

    def deliver(event_id: int):
        def run():
            with app.app_context():
                assert deliver_event_task.run(event_id) == ["succeeded"]
        return run

    measure("delivery (worker side; includes the local receiver's thread)",
            [deliver(i) for i in ids], len(ids), statements, args.profile)


def catalog(args, env) -> None:
    flask_cli(env, "seed-demo", "--products", "2000")
    if args.cold:
        env = {**env, "CATALOG_CACHE_SECONDS": "0"}
    os.environ.update(env)
    from wsgi import app

    client = app.test_client()
    path = "/api/v1/products?page_size=20"
    statements: list[str] = []
    with app.app_context():
        listen(statements)
    for _ in range(50):
        assert client.get(path).status_code == 200
    cached = client.get(path).headers.get("X-Cache")
    assert cached == (None if args.cold else "hit"), cached
    label = ("cold listing page (read from PostgreSQL)" if args.cold
             else "warm listing page (cache hit)")
    measure(label, [lambda: client.get(path)] * args.count, args.count, statements,
            args.profile, postgres_cpu_seconds if args.cold else None)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("path", choices=["checkout", "delivery", "catalog"])
    parser.add_argument("--count", type=int, default=500)
    parser.add_argument("--profile", action="store_true")
    parser.add_argument("--sql", action="store_true")
    parser.add_argument("--cold", action="store_true", help="catalog: with the cache off")
    parser.add_argument("--shipping", action="store_true",
                        help="checkout: with a shipping zone's method and a tax rate")
    parser.add_argument("--two-locations", action="store_true",
                        help="checkout: with a second stock location first in line")
    parser.add_argument("--sold-out", action="store_true",
                        help="checkout: every variant sold out (the 409 a flash sale's losers get)")
    args = parser.parse_args()
    with bench_database(f"stockroom_profile_{args.path}") as database_url:
        env = app_environment(database_url, scratch_instance())
        flask_cli(env, "db", "upgrade")
        {"checkout": checkout, "delivery": delivery, "catalog": catalog}[args.path](args, env)


if __name__ == "__main__":
    main()
