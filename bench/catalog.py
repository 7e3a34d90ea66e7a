"""Catalog read benchmark: GET /api/v1/products (a page of 20) and GET /api/v1/products/{slug}
on gunicorn and PostgreSQL with the demo catalog grown to 2,000 products, at 32 connections.

Warm: served from the Redis catalog cache, beside a bare Flask JSON endpoint. Cold: the cache
off (``CATALOG_CACHE_SECONDS=0``), every answer read from PostgreSQL, beside a bare Flask
endpoint that reads one row from the same database. All on the same gunicorn settings, in
the same run.

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
                row = wrk(f"{baseline}/db-row", seconds)
            listing_url, detail_url = "/api/v1/products?page_size=20", f"/api/v1/products/{slug}"
            # The warm-up fills the cache; the measured run is then served from it.
            with gunicorn("wsgi:app", env) as app:
                warm_listing = wrk(app + listing_url, seconds)
                warm_detail = wrk(app + detail_url, seconds)
            with gunicorn("wsgi:app", {**env, "CATALOG_CACHE_SECONDS": "0"}) as app:
                cold_listing = wrk(app + listing_url, seconds)
                cold_detail = wrk(app + detail_url, seconds)
            print_table([
                ("products page of 20, warm", warm_listing, "bare Flask JSON", bare,
                 (0.5, 50)),
                ("product detail, warm", warm_detail, "bare Flask JSON", bare, (0.5, 50)),
                ("products page of 20, cold", cold_listing, "bare Flask 1-row read", row,
                 (0.5, None)),
                ("product detail, cold", cold_detail, "bare Flask 1-row read", row,
                 (0.5, None)),
            ], name="catalog")
    finally:
        shutil.rmtree(instance, ignore_errors=True)


if __name__ == "__main__":
    main()
