"""factory_boy factories; each flushes on create, inside the test's transaction."""

from __future__ import annotations

import itertools

import factory
from factory.alchemy import SQLAlchemyModelFactory

from models import (
    Address,
    Category,
    Order,
    OrderEvent,
    OrderItem,
    Product,
    Role,
    User,
    Variant,
    db,
    utcnow,
)
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


_order_numbers = itertools.count(1)


def make_order(user, lines, status="paid", paid_at=None, total=None, number=None,
               currency="usd") -> Order:
    """An order with ``lines`` [(variant, quantity)], as checkout and payment leave it
    (paid unless ``status`` says otherwise), without touching stock."""
    now = utcnow()
    items = [OrderItem(variant_id=v.id, product_id=v.product_id, sku=v.sku,
                       product_name=v.product.name, variant_name=v.name, unit_price=v.price,
                       quantity=q, line_total=v.price * q) for v, q in lines]
    subtotal = sum(i.line_total for i in items)
    total = total if total is not None else subtotal
    paid_at = paid_at if paid_at is not None else (now if status != "pending_payment" else None)
    order = Order(number=number or f"SR-20261122-T{next(_order_numbers):05d}",
                  user_id=user.id, email=user.email, status=status,
                  payment_status="succeeded" if paid_at or status != "pending_payment"
                  else "pending", currency=currency, subtotal=subtotal,
                  total=total, shipping_address={}, payment_provider="fake", created_at=now,
                  paid_at=paid_at, amount_paid=total if paid_at is not None else 0)
    order.items = items
    order.timeline = [OrderEvent(status=status, at=now, note="made by the test")]
    db.session.add(order)
    db.session.flush()
    return order


def fill_cart(user, lines: dict, discount=None, currency=None):
    """The user's cart (made if missing) with ``lines`` {variant: quantity} added, priced
    in ``currency`` when given (as ``PUT /cart/currency`` would fix it)."""
    from models import Cart, CartItem

    cart = db.session.query(Cart).filter_by(user_id=user.id).one_or_none()
    if cart is None:
        cart = Cart(user_id=user.id)
        db.session.add(cart)
    if discount is not None:
        cart.discount_id = discount.id
    if currency is not None:
        cart.currency = currency
    db.session.flush()
    for variant, quantity in lines.items():
        db.session.add(CartItem(cart_id=cart.id, variant_id=variant.id, quantity=quantity))
    db.session.flush()
    # The cart's item list was loaded before the lines were added, or emptied by checkout.
    db.session.expire(cart, ["items"])
    return cart
