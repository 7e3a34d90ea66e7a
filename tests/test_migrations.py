"""Migrations build the schema from an empty database, match the models, and reverse."""

from __future__ import annotations

import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from core.app import create_app
from models import db
from models.base import include_in_migrations
from tests.conftest import RUN_ID, TEST_DATABASE_URL


def test_migrated_schema_matches_the_models(_db):
    context = MigrationContext.configure(_db, opts={"compare_type": True,
                                                    "include_object": include_in_migrations})
    assert compare_metadata(context, db.metadata) == []


def test_every_constraint_is_named(_db):
    inspector = sa.inspect(_db)
    for table in inspector.get_table_names():
        if table == "alembic_version":
            continue
        assert inspector.get_pk_constraint(table)["name"], table
        for fk in inspector.get_foreign_keys(table):
            assert fk["name"], (table, fk)


def _fresh_database(tmp_path):
    if not TEST_DATABASE_URL:
        return f"sqlite:///{tmp_path / 'fresh.db'}", lambda: None
    admin = sa.create_engine(TEST_DATABASE_URL, isolation_level="AUTOCOMMIT")
    name = f"stockroom_migrations_{RUN_ID}"
    with admin.connect() as connection:
        connection.exec_driver_sql(f'CREATE DATABASE "{name}"')

    def drop():
        with admin.connect() as connection:
            connection.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.dispose()

    return admin.url.set(database=name).render_as_string(hide_password=False), drop


def test_upgrade_downgrade_upgrade_from_empty(tmp_path):
    from flask_migrate import downgrade, upgrade

    url, drop = _fresh_database(tmp_path)
    try:
        app = create_app({"TESTING": True},
                         environ={"DATABASE_URL": url, "INSTANCE_PATH": str(tmp_path)})
        with app.app_context():
            # The shared session may be bound to the suite's test database; use the engine.
            engine = db.engines[None]
            upgrade()
            assert {"users", "outbox_events", "refresh_tokens"} <= set(
                sa.inspect(engine).get_table_names())
            downgrade(revision="base")
            assert set(sa.inspect(engine).get_table_names()) <= {"alembic_version"}
            upgrade()
            assert "addresses" in sa.inspect(engine).get_table_names()
            engine.dispose()
    finally:
        drop()


def test_prices_in_currencies_keep_what_the_catalog_and_carts_were(tmp_path):
    """0016 on a database with priced products and filled carts: every priced product gets
    its range in its own currency, and a cart with lines is in its first line's currency."""
    from flask_migrate import upgrade

    url, drop = _fresh_database(tmp_path)
    try:
        app = create_app({"TESTING": True},
                         environ={"DATABASE_URL": url, "INSTANCE_PATH": str(tmp_path)})
        with app.app_context():
            engine = db.engines[None]
            upgrade(revision="0015")
            with engine.begin() as connection:
                run = connection.execute
                run(sa.text("INSERT INTO categories (id, name, slug, created_at, updated_at) "
                            "VALUES (1, 'C', 'c', :t, :t)"), {"t": "2026-01-01"})
                for product_id, currency, price in ((1, "eur", 900), (2, "usd", None)):
                    run(sa.text(
                        "INSERT INTO products (id, slug, name, description, status, "
                        "category_id, price_min, price_max, currency, units_sold, "
                        "rating_count, created_at, updated_at) VALUES (:id, :slug, 'P', '', "
                        "'active', 1, :p, :p, :c, 0, 0, :t, :t)"),
                        {"id": product_id, "slug": f"p{product_id}", "p": price, "c": currency,
                         "t": "2026-01-01"})
                run(sa.text("INSERT INTO variants (id, product_id, sku, name, options, price, "
                            "currency, weight_g, on_hand, reserved, low_stock_threshold, "
                            "created_at, updated_at) VALUES (1, 1, 'S', 'V', '{}', 900, 'eur', "
                            "0, 5, 0, 0, :t, :t)"), {"t": "2026-01-01"})
                for cart_id, token in ((1, "a" * 43), (2, "b" * 43)):
                    run(sa.text("INSERT INTO carts (id, token, created_at, updated_at) "
                                "VALUES (:id, :token, :t, :t)"),
                        {"id": cart_id, "token": token, "t": "2026-01-01"})
                run(sa.text("INSERT INTO cart_items (id, cart_id, variant_id, quantity, "
                            "created_at, updated_at) VALUES (1, 1, 1, 2, :t, :t)"),
                    {"t": "2026-01-01"})
            upgrade()
            with engine.connect() as connection:
                assert connection.execute(sa.text(
                    "SELECT product_id, currency, price_min, price_max FROM product_prices"
                )).all() == [(1, "eur", 900, 900)]
                assert connection.execute(sa.text(
                    "SELECT id, currency FROM carts ORDER BY id")).all() == [(1, "eur"),
                                                                              (2, None)]
            engine.dispose()
    finally:
        drop()


def test_stock_moves_into_the_default_location_with_every_figure_unchanged(tmp_path):
    """0020 on a database with stock, open reservations and paid orders: each variant's
    stock is at the default location, totals equal to before; each open or paid order's
    units are allocated there; nothing for a cancelled one."""
    from flask_migrate import upgrade

    url, drop = _fresh_database(tmp_path)
    try:
        app = create_app({"TESTING": True},
                         environ={"DATABASE_URL": url, "INSTANCE_PATH": str(tmp_path)})
        with app.app_context():
            engine = db.engines[None]
            upgrade(revision="0019")
            t = {"t": "2026-01-01"}
            with engine.begin() as connection:
                run = connection.execute
                run(sa.text("INSERT INTO categories (id, name, slug, created_at, updated_at) "
                            "VALUES (1, 'C', 'c', :t, :t)"), t)
                run(sa.text("INSERT INTO products (id, slug, name, description, status, "
                            "category_id, currency, units_sold, rating_count, created_at, "
                            "updated_at) VALUES (1, 'p', 'P', '', 'active', 1, 'usd', 0, 0, "
                            ":t, :t)"), t)
                for variant_id, on_hand, reserved in ((1, 10, 3), (2, 0, 0), (3, 7, 7)):
                    run(sa.text(
                        "INSERT INTO variants (id, product_id, sku, name, options, price, "
                        "currency, weight_g, on_hand, reserved, low_stock_threshold, "
                        "created_at, updated_at) VALUES (:id, 1, :sku, 'V', '{}', 100, 'usd', "
                        "0, :on_hand, :reserved, 0, :t, :t)"),
                        {"id": variant_id, "sku": f"S{variant_id}", "on_hand": on_hand,
                         "reserved": reserved, **t})
                for order_id, status, lines in ((1, "pending_payment", [(1, 3), (3, 7)]),
                                                (2, "paid", [(1, 2), (1, 1)]),
                                                (3, "cancelled", [(2, 5)])):
                    run(sa.text(
                        "INSERT INTO orders (id, number, email, status, payment_status, "
                        "currency, subtotal, discount_total, shipping_total, tax_total, total, "
                        "shipping_address, payment_provider, amount_refunded, created_at, "
                        "updated_at) VALUES (:id, :number, 'a@example.com', :status, "
                        "'pending', 'usd', 0, 0, 0, 0, 0, '{}', 'fake', 0, :t, :t)"),
                        {"id": order_id, "number": f"SR-{order_id}", "status": status, **t})
                    for variant_id, quantity in lines:
                        run(sa.text(
                            "INSERT INTO order_items (order_id, variant_id, sku, product_name, "
                            "variant_name, unit_price, quantity, line_total) VALUES (:o, :v, "
                            "'S', 'P', 'V', 100, :q, 0)"),
                            {"o": order_id, "v": variant_id, "q": quantity})
                run(sa.text("UPDATE orders SET paid_at = :t, total = 300 WHERE id = 2"), t)
            upgrade()
            with engine.connect() as connection:
                default = connection.execute(sa.text(
                    "SELECT id FROM locations WHERE code = 'default'")).scalar_one()
                assert connection.execute(sa.text(
                    "SELECT variant_id, location_id, on_hand, reserved FROM stock_levels "
                    "ORDER BY variant_id")).all() == [(1, default, 10, 3), (2, default, 0, 0),
                                                      (3, default, 7, 7)]
                assert connection.execute(sa.text(
                    "SELECT v.id FROM variants v JOIN stock_levels s ON s.variant_id = v.id "
                    "WHERE v.on_hand <> s.on_hand OR v.reserved <> s.reserved")).all() == []
                assert connection.execute(sa.text(
                    "SELECT order_id, variant_id, location_id, quantity FROM order_allocations "
                    "ORDER BY order_id, variant_id")).all() == [
                    (1, 1, default, 3), (1, 3, default, 7), (2, 1, default, 3)]
                # Later migrations rebuild orders (SQLite's batch mode): with foreign keys
                # on during the rebuild, its drop would have deleted these lines.
                assert connection.execute(sa.text(
                    "SELECT count(*) FROM order_items")).scalar_one() == 5
                # 0023: every order paid so far was paid its total.
                assert connection.execute(sa.text(
                    "SELECT id, amount_paid, balance_due FROM orders ORDER BY id")).all() == [
                    (1, 0, 0), (2, 300, 0), (3, 0, 0)]
            engine.dispose()
    finally:
        drop()
