from __future__ import annotations

import sqlalchemy as sa

from models import Category, Product, ProductImage, User, Variant, db
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


def _count(model_column):
    return db.session.scalar(sa.select(sa.func.count(model_column)))


def test_seed_demo_loads_a_realistic_catalog_once(app, client):
    runner = app.test_cli_runner()
    first = runner.invoke(args=["seed-demo"])
    assert first.exit_code == 0, first.output
    counts = (_count(User.id), _count(Category.id), _count(Product.id), _count(Variant.id),
              _count(ProductImage.id))
    users, categories, products, variants, images = counts
    assert users == 3
    assert categories >= 12 and products >= 200 and variants >= 600 and images >= products
    assert db.session.scalar(sa.select(sa.func.count(Category.id))
                             .where(Category.parent_id.is_not(None))) > 0
    seller = db.session.scalar(sa.select(User).where(User.role == "seller"))
    assert _count(Product.id) > db.session.scalar(
        sa.select(sa.func.count(Product.id)).where(Product.seller_id == seller.id)) > 0
    assert db.session.scalar(sa.select(sa.func.count(Variant.id))
                             .where(Variant.on_hand > 0)) > 0

    second = runner.invoke(args=["seed-demo"])
    assert second.exit_code == 0 and "(created)" not in second.output
    assert (_count(User.id), _count(Category.id), _count(Product.id), _count(Variant.id),
            _count(ProductImage.id)) == counts

    listing = client.get("/api/v1/products?category=apparel&in_stock=true&sort=popular")
    assert listing.status_code == 200 and listing.json
    image = client.get(listing.json[0]["image"])
    assert image.status_code == 200 and image.data.startswith(b"\x89PNG")
    image.close()


def test_seed_demo_is_refused_in_production(app, monkeypatch):
    """It creates an admin with a published password: never on a production database."""
    monkeypatch.setitem(app.config, "APP_ENV", "production")
    result = app.test_cli_runner().invoke(args=["seed-demo"])
    assert result.exit_code != 0 and "refused in production" in result.output
    assert db.session.scalar(sa.select(sa.func.count()).select_from(User)) == 0
