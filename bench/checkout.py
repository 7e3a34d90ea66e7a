"""Checkout benchmark: checkouts per second and p95 with 32 concurrent customers on gunicorn
and PostgreSQL, beside, in the same run, a bare Flask endpoint on the same gunicorn settings
that commits one short write transaction on the same PostgreSQL (the ceiling for any write
request in Python here), and pgbench's tpcb-like TPS (the database's own ceiling).

Every checkout is real: its own customer, cart and Idempotency-Key; stock is ample, so each
answer should be 201 (anything else is counted as an error). Two mixes: carts spread over
the demo catalog's variants (everyday traffic), and every cart holding the same variant (a
flash sale: every checkout queues on one row lock), and the spread carts again with a
shipping zone's method chosen and a tax rate applied on every checkout (the cost of
shipping and tax on the checkout path), and the spread carts with a second stock location
first in checkout's order (the cost of reading and moving stock per location). Afterwards
the stock is checked: reserved units equal the units ordered (no oversell, nothing lost).

    .venv/bin/python bench/checkout.py           # BENCH_SECONDS=10 by default
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import sqlalchemy as sa

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import (
    CONNECTIONS,
    app_environment,
    bench_database,
    customers_with_carts,
    flask_cli,
    gunicorn,
    print_table,
    scratch_instance,
    wrk,
)

CUSTOMERS = 30_000

CHECKOUT_LUA = r"""
-- Each request is a different customer (tokens read from a file) with a fresh key. The
-- first script argument is where this run starts in the customer list, so the warm-up
-- and the measured run never share a customer; threads take alternate customers.
local tokens = {}
for line in io.lines("%(tokens)s") do tokens[#tokens + 1] = line end
local body = '{"shipping_address": {"full_name": "Bench", "line1": "1 Main St", ' ..
             '"city": "Berlin", "postal_code": "10115", "country": "DE"}%(extra)s}'
local next_thread = 0
setup = function(thread)
  thread:set("tid", next_thread)
  next_thread = next_thread + 1
end
local counter, start = 0, 0
init = function(args)
  start = tonumber(args[1] or "0")
end
request = function()
  local index = start + counter * 2 + tid + 1
  counter = counter + 1
  return wrk.format("POST", "/api/v1/checkout", {
    ["Authorization"] = "Bearer " .. tokens[index],
    ["Content-Type"] = "application/json",
    ["Idempotency-Key"] = "bench-" .. index,
  }, body)
end
"""

WRITE_APP = """
import os
import sqlalchemy as sa
from flask import Flask, jsonify

app = Flask(__name__)
engine = sa.create_engine(os.environ["DATABASE_URL"], pool_size=5)


@app.get("/json")
def alive():
    return jsonify({"ok": True})


@app.post("/write")
def write():
    with engine.begin() as connection:
        connection.execute(sa.text("INSERT INTO bench_writes (note) VALUES ('x')"))
    return jsonify({"ok": True}), 201
"""


def prepare(database_url: str, env: dict, tokens_path: Path) -> None:
    """Demo catalog with ample stock, and CUSTOMERS customers with a cart each: the first
    two thirds spread over every variant, the last third all holding the first variant."""
    flask_cli(env, "db", "upgrade")
    flask_cli(env, "seed-demo", "--products", "50")
    customers_with_carts(
        env, tokens_path, CUSTOMERS, "bench",
        "variants[n % len(variants)].id if n < 2 * half * 2 // 3 else variants[0].id",
        setup="    from models import StockLevel\n"
              "    db.session.execute(sa.update(Variant).values(on_hand=10_000_000))\n"
              "    db.session.execute(sa.update(StockLevel).values(on_hand=10_000_000))")


def shipping_and_tax(engine) -> int:
    """A zone for the benchmark's destination (DE) with one flat method, and a tax rate on
    goods and shipping: what every later checkout chooses and pays."""
    with engine.begin() as connection:
        zone = connection.execute(sa.text(
            "INSERT INTO shipping_zones (name, created_at, updated_at) "
            "VALUES ('Germany', now(), now()) RETURNING id")).scalar_one()
        connection.execute(sa.text(
            "INSERT INTO shipping_zone_countries (country, zone_id) VALUES ('DE', :zone)"),
            {"zone": zone})
        method = connection.execute(sa.text(
            "INSERT INTO shipping_methods (zone_id, name, kind, currency, price, rates, "
            "active, created_at, updated_at) VALUES (:zone, 'Standard', 'flat', 'usd', 490, "
            "'[]', true, now(), now()) RETURNING id"), {"zone": zone}).scalar_one()
        connection.execute(sa.text(
            "INSERT INTO tax_rates (country, region, name, rate_bps, applies_to_shipping, "
            "created_at, updated_at) VALUES ('DE', '', 'MwSt', 1900, true, now(), now())"))
    return method


def second_location(engine, active: bool = True) -> None:
    """A second stock location, first in checkout's order, holding ample stock of every
    variant (``active=False``: take it out of checkout's reach again)."""
    with engine.begin() as connection:
        if not active:
            connection.execute(sa.text("UPDATE locations SET active = false "
                                       "WHERE code = 'east'"))
            return
        east = connection.execute(sa.text(
            "INSERT INTO locations (code, name, priority, active, created_at, updated_at) "
            "VALUES ('east', 'East', 10, true, now(), now()) RETURNING id")).scalar_one()
        connection.execute(sa.text(
            "INSERT INTO stock_levels (variant_id, location_id, on_hand, reserved) "
            "SELECT id, :east, 10000000, 0 FROM variants"), {"east": east})
        connection.execute(sa.text("UPDATE variants SET on_hand = on_hand + 10000000"))


def pgbench_tps(database_url: str, seconds: int) -> float:
    url = sa.make_url(database_url)
    args = ["-h", url.host or "127.0.0.1", "-p", str(url.port or 5432), "-U",
            url.username or "postgres"]
    subprocess.run(["pgbench", *args, "-i", "-q", "-s", "1", url.database], check=True,
                   capture_output=True)
    output = subprocess.run(["pgbench", *args, "-c", str(CONNECTIONS), "-j", "2", "-T",
                             str(seconds), url.database], check=True, capture_output=True,
                            text=True).stdout
    return float(re.search(r"tps = ([0-9.]+)", output).group(1))


def main() -> None:
    seconds = int(os.environ.get("BENCH_SECONDS", "10"))
    instance = scratch_instance()
    scratch = Path(tempfile.mkdtemp(prefix="stockroom-bench-checkout-"))
    try:
        with bench_database("stockroom_bench_checkout") as database_url:
            env = app_environment(database_url, instance)
            tokens = scratch / "tokens.txt"
            prepare(database_url, env, tokens)
            engine = sa.create_engine(database_url)
            with engine.begin() as connection:
                connection.exec_driver_sql(
                    "CREATE TABLE bench_writes (id bigserial PRIMARY KEY, note text)")
            (scratch / "write_app.py").write_text(WRITE_APP)
            print(f"checkout: {CUSTOMERS} customers with a cart; gunicorn --workers 4; "
                  f"wrk {CONNECTIONS} connections, {seconds}s per measure after a 2s warm-up")
            with gunicorn("write_app:app", env, chdir=scratch) as base:
                script = scratch / "write.lua"
                script.write_text('wrk.method = "POST"\n')
                write = wrk(f"{base}/write", seconds, extra_script=script)
            lua = scratch / "checkout.lua"
            lua.write_text(CHECKOUT_LUA % {"tokens": tokens, "extra": ""})
            sixth = CUSTOMERS // 6
            with gunicorn("wsgi:app", env) as app:
                spread = wrk(f"{app}/api/v1/checkout", seconds, extra_script=lua,
                             warmup_args=["0"], args=[str(sixth)])
                hot = wrk(f"{app}/api/v1/checkout", seconds, extra_script=lua,
                          warmup_args=[str(4 * sixth)], args=[str(5 * sixth)])
                second_location(engine)
                located = wrk(f"{app}/api/v1/checkout", seconds, extra_script=lua,
                              warmup_args=[str(sixth + sixth // 2)],
                              args=[str(3 * sixth + sixth // 2)])
                second_location(engine, active=False)
                method_id = shipping_and_tax(engine)
                shipped_lua = scratch / "checkout_shipped.lua"
                shipped_lua.write_text(CHECKOUT_LUA % {
                    "tokens": tokens, "extra": f', "shipping_method_id": {method_id}'})
                shipped = wrk(f"{app}/api/v1/checkout", seconds, extra_script=shipped_lua,
                              warmup_args=[str(2 * sixth)], args=[str(3 * sixth)])
            with engine.connect() as connection:
                orders = connection.execute(sa.text("SELECT count(*) FROM orders")).scalar_one()
                ordered = connection.execute(sa.text(
                    "SELECT coalesce(sum(quantity), 0) FROM order_items")).scalar_one()
                reserved = connection.execute(sa.text(
                    "SELECT coalesce(sum(reserved), 0) FROM variants")).scalar_one()
            engine.dispose()
            tps = pgbench_tps(database_url, seconds)
            print_table([
                ("checkout, spread carts", spread, "bare Flask 1-row write", write,
                 (0.25, 250)),
                ("checkout, one hot variant", hot, "bare Flask 1-row write", write,
                 (0.25, 250)),
                ("checkout, spread, shipping + tax", shipped, "bare Flask 1-row write", write,
                 (0.25, 250)),
                ("checkout, spread, two locations", located, "bare Flask 1-row write", write,
                 (0.25, 250)),
                ("checkout, spread carts vs pgbench", spread, "pgbench tpcb-like",
                 {"rps": tps, "p95_ms": float("nan"), "errors": 0}),
            ], name="checkout")
            print(f"orders placed: {orders}; units ordered {ordered} = units reserved "
                  f"{reserved}: {'ok' if ordered == reserved else 'MISMATCH'}")
            if ordered != reserved:
                raise SystemExit(f"oversold or lost: {ordered} units ordered, {reserved} "
                                 "reserved")
    finally:
        shutil.rmtree(instance, ignore_errors=True)
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    main()
