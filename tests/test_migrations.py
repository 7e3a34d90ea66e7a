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
