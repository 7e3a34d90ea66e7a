"""factory_boy factories; each flushes on create, inside the test's transaction."""

from __future__ import annotations

import factory
from factory.alchemy import SQLAlchemyModelFactory

from models import Address, Category, Product, Role, User, Variant, db
from services.passwords import hash_password

DEFAULT_PASSWORD = "correct-horse-battery"


class BaseFactory(SQLAlchemyModelFactory):
    class Meta:
        abstract = True
        # The test harness swaps db.session per test; look it up at create time.
        sqlalchemy_session_factory = lambda: db.session  # noqa: E731
        sqlalchemy_session_persistence = "flush"


class UserFactory(BaseFactory):
    class Meta:
        model = User

    email = factory.Sequence(lambda n: f"user{n}@example.com")
    full_name = factory.Faker("name")
    role = Role.CUSTOMER.value
    is_active = True
    password_hash = factory.LazyFunction(lambda: hash_password(DEFAULT_PASSWORD))


class AddressFactory(BaseFactory):
    class Meta:
        model = Address

    user_id = factory.LazyFunction(lambda: UserFactory().id)
    full_name = factory.Faker("name")
    line1 = factory.Faker("street_address")
    city = factory.Faker("city")
    postal_code = "10115"
    country = "DE"
    is_default = False


class CategoryFactory(BaseFactory):
    class Meta:
        model = Category

    name = factory.Sequence(lambda n: f"Category {n}")
    slug = factory.Sequence(lambda n: f"category-{n}")
    parent_id = None


class ProductFactory(BaseFactory):
    class Meta:
        model = Product

    name = factory.Sequence(lambda n: f"Product {n}")
    slug = factory.Sequence(lambda n: f"product-{n}")
    description = "A fine product."
    status = "active"
    category_id = factory.LazyFunction(lambda: CategoryFactory().id)
    seller_id = None
    currency = "usd"


class VariantFactory(BaseFactory):
    class Meta:
        model = Variant

    product_id = factory.LazyFunction(lambda: ProductFactory().id)
    sku = factory.Sequence(lambda n: f"SKU-{n:05d}")
    name = "Default"
    options = factory.LazyFunction(dict)
    price = 1000
    currency = "usd"
    on_hand = 10
    reserved = 0
    low_stock_threshold = 2

    @factory.post_generation
    def refresh_product_prices(variant, create, extracted, **kwargs):
        from services.products import refresh_price_range

        if create:
            refresh_price_range(db.session.get(Product, variant.product_id))
            db.session.flush()
