"""Catalog read benchmark: GET /api/v1/products (a page of 20) and GET /api/v1/products/{slug}
on gunicorn and PostgreSQL with the demo catalog grown to 2,000 products, at 32 connections,
beside a bare Flask JSON endpoint on the same gunicorn settings, measured in the same run.

    .venv/bin/python bench/catalog.py            # BENCH_SECONDS=10 by default
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import sqlalchemy as sa

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import (
    app_environment,
    bench_database,
    flask_cli,
    gunicorn,
    print_table,
    scratch_instance,
    wrk,
)

PRODUCTS = 2000


def main() -> None:
    seconds = int(os.environ.get("BENCH_SECONDS", "10"))
    instance = scratch_instance()
    try:
        with bench_database("stockroom_bench_catalog") as database_url:
            env = app_environment(database_url, instance)
            flask_cli(env, "db", "upgrade")
            flask_cli(env, "seed-demo", "--products", str(PRODUCTS))
            engine = sa.create_engine(database_url)
            with engine.connect() as connection:
                slug = connection.execute(sa.text(
                    "SELECT slug FROM products ORDER BY id LIMIT 1 OFFSET 100")).scalar_one()
                count = connection.execute(sa.text("SELECT count(*) FROM products")).scalar_one()
            engine.dispose()
            print(f"catalog: {count} products; gunicorn --workers 4; wrk 32 connections, "
                  f"{seconds}s per measure after a 2s warm-up")
            with gunicorn("baseline_app:app", env, chdir=Path(__file__).parent) as baseline:
                bare = wrk(f"{baseline}/json", seconds)
            with gunicorn("wsgi:app", env) as app:
                listing = wrk(f"{app}/api/v1/products?page_size=20", seconds)
                detail = wrk(f"{app}/api/v1/products/{slug}", seconds)
            print_table([
                ("GET /api/v1/products (page of 20)", listing, "bare Flask JSON", bare),
                ("GET /api/v1/products/{slug}", detail, "bare Flask JSON", bare),
            ])
    finally:
        shutil.rmtree(instance, ignore_errors=True)


if __name__ == "__main__":
    main()
