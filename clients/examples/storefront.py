"""A storefront's whole flow through the generated Python client (clients/python), against a
running Stockroom (STOCKROOM_URL, default http://127.0.0.1:5000) with the fake payment
provider: browse, a guest cart, register (the cart comes along), checkout with a key, the
fake settle, the order until it is paid, and its cancel. Prints one JSON line of what it
saw; exits non-zero on any surprise. Type-checked with ``mypy --strict``, with no casts.
"""

from __future__ import annotations

import json
import os
import time
import uuid
from typing import NoReturn

from stockroom_client import AuthenticatedClient, Client
from stockroom_client.api.auth import register
from stockroom_client.api.carts import add_cart_item, get_cart
from stockroom_client.api.checkout import checkout
from stockroom_client.api.fake_payments import settle_fake_payment
from stockroom_client.api.orders import cancel_order, get_order, list_orders
from stockroom_client.api.products import get_product, list_products
from stockroom_client.models import (
    AuthResult,
    Cart,
    CartItemCreate,
    Checkout,
    CheckoutResult,
    FakeSettle,
    FakeSettleOutcome,
    ListProductsSort,
    Order,
    OrderPaymentStatus,
    Product,
    Register,
    ShippingAddressInput,
    ShippingAddressInputCountry,
)

BASE_URL = os.environ.get("STOCKROOM_URL", "http://127.0.0.1:5000")
ADDRESS = ShippingAddressInput(full_name="Ada Lovelace", line1="1 Main St", city="London",
                               postal_code="N1 1AA",
                               country=ShippingAddressInputCountry.GB)


def fail(message: str) -> NoReturn:
    raise SystemExit(f"storefront flow: {message}")


def paid_order(client: AuthenticatedClient, order_id: int) -> Order:
    # The settle is applied by a worker: ask until the order says so.
    for _ in range(100):
        order = get_order.sync(order_id, client=client)
        if not isinstance(order, Order):
            fail(f"order {order_id} could not be read")
        if order.payment_status is OrderPaymentStatus.SUCCEEDED:
            return order
        time.sleep(0.1)
    fail(f"order {order_id} was never paid")


def main() -> None:
    guest = Client(base_url=BASE_URL)
    listing = list_products.sync(client=guest, in_stock=True, page_size=5,
                                 sort=ListProductsSort.NEWEST)
    if not isinstance(listing, list) or not listing:
        fail("no product in stock")
    first = listing[0]
    product = get_product.sync(first.slug, client=guest)
    by_id = get_product.sync(str(first.id), client=guest)
    if not isinstance(product, Product) or not isinstance(by_id, Product):
        fail("the product could not be read")
    if by_id.slug != product.slug:
        fail("the product by id differs")
    variant = next((v for v in product.variants if v.available > 0), None)
    if variant is None:
        fail("sold out")

    # A guest's cart: its token comes back in a header, and goes with the next requests.
    added = add_cart_item.sync_detailed(client=guest,
                                        body=CartItemCreate(variant_id=variant.id, quantity=1))
    if not isinstance(added.parsed, Cart):
        fail(f"add to cart answered {added.status_code}")
    cart_token = added.headers["X-Cart-Token"]

    email = f"storefront-{uuid.uuid4().hex[:12]}@example.com"
    registered = register.sync(client=guest, x_cart_token=cart_token, body=Register(
        email=email, password="a-long-enough-password", full_name="Ada Lovelace"))
    if not isinstance(registered, AuthResult):
        fail("register failed")
    customer = AuthenticatedClient(base_url=BASE_URL, token=registered.access_token)
    cart = get_cart.sync(client=customer)
    if not isinstance(cart, Cart) or len(cart.items) != 1:
        fail("the guest cart did not merge")

    key = str(uuid.uuid4())
    placed = checkout.sync(client=customer, idempotency_key=key,
                           body=Checkout(shipping_address=ADDRESS))
    if not isinstance(placed, CheckoutResult):
        fail("checkout failed")
    replayed = checkout.sync_detailed(client=customer, idempotency_key=key,
                                      body=Checkout(shipping_address=ADDRESS))
    if replayed.headers.get("Idempotent-Replayed") != "true":
        fail("the same key was not replayed")
    # A PaymentIntent to confirm (the default payment_flow), not a hosted page.
    intent_id = placed.payment.payment_intent_id
    if not isinstance(intent_id, str):
        fail("checkout answered no PaymentIntent")
    settle_fake_payment.sync(intent_id, client=customer,
                             body=FakeSettle(outcome=FakeSettleOutcome.SUCCEEDED))
    paid = paid_order(customer, placed.order.id)

    orders = list_orders.sync(client=customer)
    if not isinstance(orders, list) or placed.order.id not in {o.id for o in orders}:
        fail("the order is not listed")
    cancelled = cancel_order.sync(placed.order.id, client=customer)
    if not isinstance(cancelled, Order):
        fail("cancel failed")
    again = cancel_order.sync_detailed(placed.order.id, client=customer)

    print(json.dumps({
        "products_listed": len(listing), "guest_cart_token": bool(cart_token),
        "order_number": placed.order.number, "total": placed.order.total,
        "currency": placed.order.currency, "paid_status": paid.status.value,
        "cancelled_status": cancelled.status.value,
        "payment_status": cancelled.payment_status.value,
        "second_cancel_status": int(again.status_code),
    }))


if __name__ == "__main__":
    main()
