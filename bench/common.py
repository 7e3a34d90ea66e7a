"""Shared pieces of the benchmarks: a throwaway PostgreSQL database, gunicorn servers, wrk."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

import sqlalchemy as sa

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
GUNICORN_WORKERS = 4
CONNECTIONS = 32


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def bench_database(name: str):
    """A fresh PostgreSQL database, dropped afterwards. The server is the one named by
    ``BENCH_DATABASE_URL`` (default: the local test server)."""
    server = os.environ.get("BENCH_DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/test")
    admin = sa.create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.exec_driver_sql(f'CREATE DATABASE "{name}"')
    try:
        yield admin.url.set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.dispose()


def app_environment(database_url: str, instance: Path) -> dict[str, str]:
    """The app's environment: the benchmark's database, and the local Redis for the cache and
    the token blocklist (``BENCH_REDIS_URL``), under a key prefix of this run's own."""
    return {**os.environ, "DATABASE_URL": database_url, "INSTANCE_PATH": str(instance),
            "RATELIMIT_ENABLED": "false", "EMAIL_BACKEND": "console",
            "REDIS_URL": os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/0"),
            "CELERY_BROKER_KEY_PREFIX": f"stockroom-bench-{os.getpid()}:",
            "PYTHONUNBUFFERED": "1"}


def flask_cli(env: dict[str, str], *args: str) -> None:
    subprocess.run([str(BIN / "flask"), "--app", "wsgi", *args], cwd=ROOT, env=env, check=True,
                   stdout=subprocess.DEVNULL)


@contextlib.contextmanager
def gunicorn(app: str, env: dict[str, str], chdir: Path = ROOT):
    """``gunicorn app`` on a free port with the benchmarks' settings; yields its base URL
    once every worker has booted.

    ``--preload`` imports the app before gunicorn listens, so its log says when it is ready:
    "Listening at", then one "Booting worker" per worker. No polling.
    """
    port = free_port()
    process = subprocess.Popen(
        [str(BIN / "gunicorn"), "--workers", str(GUNICORN_WORKERS), "--preload", "--bind",
         f"127.0.0.1:{port}", "--log-level", "info", "--chdir", str(chdir), app],
        env=env, cwd=ROOT, stderr=subprocess.PIPE, text=True)
    lines: list[str] = []
    changed = threading.Condition()

    def read() -> None:
        for line in process.stderr:
            with changed:
                lines.append(line)
                changed.notify_all()
        with changed:
            changed.notify_all()

    reader = threading.Thread(target=read, daemon=True)
    reader.start()

    def ready() -> bool:
        listening = any("Listening at" in line for line in lines)
        booted = sum("Booting worker" in line for line in lines)
        if not (listening and booted >= GUNICORN_WORKERS) and not reader.is_alive():
            raise RuntimeError(f"gunicorn {app} exited:\n{''.join(lines)[-3000:]}")
        return listening and booted >= GUNICORN_WORKERS

    base = f"http://127.0.0.1:{port}"
    try:
        with changed:
            if not changed.wait_for(ready, timeout=60):
                raise RuntimeError(f"gunicorn {app} did not start:\n{''.join(lines)[-3000:]}")
        yield base
    finally:
        process.terminate()
        process.wait(timeout=30)


def wrk(url: str, seconds: int = 10, warmup_seconds: int = 2,
        extra_script: Path | None = None, warmup_args: list[str] = (),
        args: list[str] = ()) -> dict:
    """Requests per second and latency percentiles (ms) at ``CONNECTIONS`` connections.
    ``extra_script`` (Lua) shapes the requests; the report is appended to it."""
    if shutil.which("wrk") is None:
        raise SystemExit("wrk is not installed: apt-get install wrk")
    script = Path(__file__).with_name("wrk_report.lua")
    if extra_script is not None:
        combined = extra_script.with_suffix(".combined.lua")
        combined.write_text(extra_script.read_text() + "\n" + script.read_text())
        script = combined
    base = ["wrk", "--threads", "2", "--connections", str(CONNECTIONS), "--script", str(script)]
    subprocess.run([*base, "--duration", f"{warmup_seconds}s", url, "--", *warmup_args],
                   check=True, stdout=subprocess.DEVNULL)
    output = subprocess.run([*base, "--duration", f"{seconds}s", url, "--", *args],
                            check=True, capture_output=True, text=True).stdout
    line = next(line for line in output.splitlines() if line.startswith("WRK_JSON "))
    figures = json.loads(line.removeprefix("WRK_JSON "))
    return {
        "rps": figures["requests"] / (figures["duration_us"] / 1e6),
        "p50_ms": figures["p50_us"] / 1000,
        "p95_ms": figures["p95_us"] / 1000,
        "p99_ms": figures["p99_us"] / 1000,
        "errors": figures["errors"] + figures["non_2xx_3xx"],
    }


def print_table(rows: list[tuple], name: str | None = None) -> None:
    """One line per measure: its figures, its baseline's from the same run, the ratio and,
    when a row names one, its target ``(least ratio, most p95 ms or None)``. With
    ``BENCH_RESULTS`` set, the rows are also appended there as JSON lines for ``report.py``."""
    header = (f"{'measure':<36} {'req/s':>9} {'p95 ms':>8} {'errors':>6} | "
              f"{'baseline':<24} {'req/s':>9} {'p95 ms':>8} | {'ratio':>6} | target")
    print(header)
    print("-" * len(header))
    for measure, figures, baseline_name, baseline, *target in rows:
        ratio = figures["rps"] / baseline["rps"] if baseline["rps"] else float("nan")
        aim = target[0] if target else None
        aim_text = ""
        if aim is not None:
            aim_text = f">= {aim[0]:.2f}" + (f", p95 < {aim[1]} ms" if aim[1] else "")
        print(f"{measure:<36} {figures['rps']:>9.0f} {figures['p95_ms']:>8.1f} "
              f"{figures['errors']:>6} | {baseline_name:<24} {baseline['rps']:>9.0f} "
              f"{baseline['p95_ms']:>8.1f} | {ratio:>6.2f} | {aim_text}")
        if os.environ.get("BENCH_RESULTS"):
            with open(os.environ["BENCH_RESULTS"], "a") as out:
                out.write(json.dumps({
                    "benchmark": name, "measure": measure, "figures": figures,
                    "baseline_name": baseline_name, "baseline": baseline, "ratio": ratio,
                    "target_ratio": aim[0] if aim else None,
                    "target_p95_ms": aim[1] if aim else None}) + "\n")


def scratch_instance() -> Path:
    return Path(tempfile.mkdtemp(prefix="stockroom-bench-"))


CUSTOMERS_SCRIPT = """
import sqlalchemy as sa
from flask_jwt_extended import create_access_token
from models import Cart, CartItem, User, Variant, db
from wsgi import app

with app.app_context():
    variants = db.session.scalars(sa.select(Variant).order_by(Variant.id)).all()
{setup}
    users = [User(email=f"{prefix}{{n}}@example.com", password_hash="x", full_name="Bench")
             for n in range({count})]
    db.session.add_all(users)
    db.session.flush()
    carts = [Cart(user_id=user.id) for user in users]
    db.session.add_all(carts)
    db.session.flush()
    half = len(carts) // 2
    db.session.add_all(CartItem(cart_id=cart.id, quantity=1, variant_id={variant_of})
                       for n, cart in enumerate(carts))
    db.session.commit()
    with open({tokens_path!r}, "w") as out:
        for user in users:
            out.write(create_access_token(identity=str(user.id)) + "\\n")
"""


def customers_with_carts(env: dict[str, str], tokens_path: Path, count: int, prefix: str,
                         variant_of: str, setup: str = "") -> None:
    """``count`` customers, each with a cart of one unit of the variant ``variant_of``
    names (an expression in ``variants``, the cart's index ``n`` and ``half``), after the
    ``setup`` lines (indented, run with ``variants`` loaded); their tokens, one a line, in
    ``tokens_path``. Run in the app's own process environment, like the app."""
    script = CUSTOMERS_SCRIPT.format(setup=setup, prefix=prefix, count=count,
                                     variant_of=variant_of, tokens_path=str(tokens_path))
    subprocess.run([sys.executable, "-c", script], env=env, check=True, capture_output=True,
                   text=True, cwd=ROOT)
