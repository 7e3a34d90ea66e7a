"""factory_boy factories; each flushes on create, inside the test's transaction."""

from __future__ import annotations

import factory
from factory.alchemy import SQLAlchemyModelFactory

from models import Address, Role, User, db
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
