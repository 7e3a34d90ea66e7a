from __future__ import annotations

import sqlalchemy as sa

from models import User, db
from tests.factories import UserFactory


def test_create_admin_creates_then_promotes(app):
    runner = app.test_cli_runner()
    result = runner.invoke(args=["create-admin", "--email", "Boss@Example.com",
                                 "--password", "a-long-password"])
    assert result.exit_code == 0, result.output
    assert "created admin boss@example.com" in result.output
    user = db.session.scalar(sa.select(User).where(User.email == "boss@example.com"))
    assert user.role == "admin"

    existing = UserFactory(email="promote@example.com", role="customer", is_active=False)
    result = runner.invoke(args=["create-admin", "--email", "promote@example.com",
                                 "--password", "ignored-password"])
    assert result.exit_code == 0 and "promoted" in result.output
    db.session.refresh(existing)
    assert (existing.role, existing.is_active) == ("admin", True)


def test_create_admin_refuses_bad_input(app):
    runner = app.test_cli_runner()
    result = runner.invoke(args=["create-admin", "--email", "nope", "--password", "a" * 12])
    assert result.exit_code != 0 and "email" in result.output.lower()
    result = runner.invoke(args=["create-admin", "--email", "a@example.com", "--password", "x"])
    assert result.exit_code != 0
    assert db.session.scalar(sa.select(sa.func.count(User.id))) == 0


def test_seed_demo_is_idempotent(app):
    runner = app.test_cli_runner()
    first = runner.invoke(args=["seed-demo"])
    assert first.exit_code == 0 and "created" in first.output
    count = db.session.scalar(sa.select(sa.func.count(User.id)))
    second = runner.invoke(args=["seed-demo"])
    assert second.exit_code == 0 and "created" not in second.output
    assert db.session.scalar(sa.select(sa.func.count(User.id))) == count == 3
    roles = set(db.session.scalars(sa.select(User.role)))
    assert roles == {"admin", "seller", "customer"}
