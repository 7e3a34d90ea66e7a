"""Checkout: a cart becomes an order with its stock reserved and its payment started."""

from __future__ import annotations

import secrets
from datetime import datetime, timedelta

import sqlalchemy as sa
from flask import current_app
from sqlalchemy.orm.attributes import set_committed_value

from core import faults
from core.errors import Conflict, DomainError, Forbidden, ValidationFailed
from models import (
    Address,
    Cart,
    CartItem,
    Discount,
    DiscountRedemption,
    Order,
    OrderAllocation,
    OrderEvent,
    OrderItem,
    OrderStatus,
    ProductStatus,
    User,
    db,
)
from services import (
    addresses,
    carrier_rates,
    carts,
    checkout_sessions,
    currencies,
    discounts,
    guest_orders,
    inventory,
    orders,
    pricing,
    tax_providers,
)
from services.users import check_email

ADDRESS_FIELDS = ("full_name", "line1", "line2", "city", "region", "postal_code", "country",
                  "phone")
NUMBER_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"


class EmptyCart(Conflict):
    error_code = "empty_cart"


class NotForSale(Conflict):
    error_code = "not_for_sale"


class DiscountUsedUp(Conflict):
    error_code = "discount_not_applicable"


class EmailNotVerified(Forbidden):
    error_code = "email_not_verified"


def check_may_check_out(user: User) -> None:
    """With ``REQUIRE_VERIFIED_EMAIL_FOR_CHECKOUT``, an account whose address is not
    verified may not check out (403), before anything is claimed or reserved."""
    if current_app.config["REQUIRE_VERIFIED_EMAIL_FOR_CHECKOUT"] and not user.email_verified:
        raise EmailNotVerified("Verify your email address before checking out "
                               "(POST /api/v1/auth/verify-email sends the link).")


NUMBER_TAKEN = sa.select(Order.__table__.c.id).where(
    Order.__table__.c.number == sa.bindparam("number"))


def order_number(now: datetime) -> str:
    """Human-readable and unguessable: SR-20261122-7KQ4XM (the date, then 6 random symbols
    of 32: a billion numbers a day). A number already taken is drawn again."""
    while True:
        suffix = "".join(secrets.choice(NUMBER_ALPHABET) for _ in range(6))
        number = f"SR-{now:%Y%m%d}-{suffix}"
        if db.session.connection().execute(NUMBER_TAKEN, {"number": number}).first() is None:
            return number


def destination_of(address: dict) -> pricing.Destination:
    return pricing.Destination(address.get("country"), address.get("region"),
                               address.get("postal_code"))


def prefetch_pricing(user: User | None, cart_token: str | None, address_id: int | None,
                     shipping_address: dict | None, shipping_method_id: int | None,
                     now: datetime) -> None:
    """Before checkout locks anything: the carrier quotes and the Stripe Tax calculation
    its pricing will need, made for the cart as it stands (a cart changed meanwhile finds
    none kept: never a network call under the locks). Nothing at all with the table
    providers. Refusals are left to ``place_order``, with their reasons; a tax provider
    that is down is a 503 now, before anything is reserved."""
    if not (carrier_rates.live() or tax_providers.tax_provider().name != "table"):
        return
    cart = (carts.cart_for_user(user.id) if user is not None
            else carts.cart_for_token(cart_token, create=False))
    try:
        snapshot = _address_snapshot(user.id if user else None, address_id, shipping_address)
    except DomainError:
        return
    lines, currency, discount = pricing.cart_parts(cart, now)
    if not lines:
        return
    try:
        pricing.totals(lines, currency, discount, destination_of(snapshot), shipping_method_id)
    except tax_providers.TaxUnavailable:
        raise
    except DomainError:
        return


class AddressRequired(ValidationFailed):
    error_code = "address_required"


def _address_snapshot(user_id: int | None, address_id: int | None,
                      shipping_address: dict | None):
    if (address_id is None) == (shipping_address is None):
        raise AddressRequired("Give either shipping_address or address_id.",
                              errors={"shipping_address": ["Give this or address_id."]})
    if address_id is not None and user_id is None:
        raise AddressRequired("A guest has no address book: give shipping_address.",
                              errors={"address_id": ["Only for a signed-in customer."]})
    if address_id is not None:
        address: Address = addresses.get_address(user_id, address_id)
        return {name: getattr(address, name) for name in ADDRESS_FIELDS}
    return {name: shipping_address.get(name) for name in ADDRESS_FIELDS}


def _apply_discount(cart: Cart, user: User | None, email: str, subtotal: int,
                    now: datetime, currency: str) -> Discount | None:
    """Count one use of the cart's discount, atomically; 409 if it no longer applies.

    The conditional update holds the discount's row lock until commit, so concurrent
    checkouts with one code take turns here: ``max_uses`` and the per-customer count
    cannot be overrun.
    """
    if cart.discount_id is None:
        return None
    counted = db.session.execute(
        sa.update(Discount)
        .where(Discount.id == cart.discount_id,
               sa.or_(Discount.max_uses.is_(None), Discount.uses < Discount.max_uses))
        .values(uses=Discount.uses + 1)
        .execution_options(synchronize_session=False)
    ).rowcount
    discount = db.session.get(Discount, cart.discount_id)
    if discount is not None:
        db.session.refresh(discount)
    used_by_customer = discounts.customer_uses(cart.discount_id,
                                               user.id if user else None, email)
    # The use just counted is this order's: judge the code as it stood before it.
    reason = ("This code has been used up." if counted != 1 else
              discounts.refusal(discount, subtotal, now, customer_uses=used_by_customer,
                                counting_this_use=True, currency=currency))
    if reason is not None:
        raise DiscountUsedUp(reason, errors={"discount_code": [reason]})
    return discount


def _refuse_unpriced(book: currencies.PriceBook, items: list[CartItem]) -> None:
    """409 ``currency_mismatch`` naming the lines with no price in the cart's currency."""
    unpriced = book.unpriced(item.variant for item in items)
    if unpriced:
        raise carts.CurrencyMismatch(
            f"Some lines have no price in {book.currency.upper()}, the cart's currency.",
            errors={"lines": [{"sku": variant.sku, "currency": variant.currency}
                              for variant in unpriced]})


def place_order(user: User | None, cart: Cart, *, address_id: int | None,
                shipping_address: dict | None, provider_name: str, now: datetime,
                email: str | None = None, shipping_method_id: int | None = None,
                hosted: tuple[str, str] | None = None) -> Order:
    """Turn ``cart`` into an order: reserve every line's stock or none (409 naming the
    short lines), count the discount, compute the totals on the server and empty the cart.
    The reservation holds for ``RESERVATION_TTL_SECONDS``. The payment is started after
    this transaction commits (``payments.start_payment``): a provider call must not run
    while the variant rows are locked.

    The cart is locked first and its lines read again under the lock: of two checkouts of
    one cart, the second finds it empty (409 ``empty_cart``), and a line added meanwhile
    is either in this order or still in the cart after it. The order is in the cart's
    currency; 409 ``currency_mismatch`` when a line has no price in it.

    ``user`` None is a guest's checkout, with ``email`` (checked, required): the order is
    the guest's, opened by its token (``services.guest_orders``). ``hosted`` (success and
    cancel addresses) makes it a hosted Checkout Session's order, whose hold lasts at least
    Stripe's shortest session (``services.checkout_sessions``)."""
    email = user.email if user is not None else check_email(email or "")
    if cart.id is not None:
        cart = carts.lock_cart(cart)
    faults.step("checkout.cart_locked")
    items: list[CartItem] = list(cart.items)
    if not items:
        raise EmptyCart("The cart is empty.")
    currency = carts.cart_currency(cart)
    # Refused before any stock row is locked; checked again under the locks below.
    _refuse_unpriced(carts.price_book(cart), items)
    snapshot = _address_snapshot(user.id if user else None, address_id, shipping_address)
    # Held here because locking the variants reloads them and drops their link to the
    # product, which the session keeps only weakly: the order lines would read each again.
    products = {item.variant_id: item.variant.product for item in items}
    inactive = [item.variant.sku for item in items
                if products[item.variant_id].status != ProductStatus.ACTIVE.value]
    if inactive:
        raise NotForSale("Some products are no longer for sale.",
                         errors={"lines": [{"sku": sku} for sku in inactive]})

    held = inventory.reserve_stock({item.variant_id: item.quantity for item in items})
    faults.step("checkout.stock_reserved")
    # Prices are read after the rows are locked: the order charges what the stock cost
    # at the moment it was taken.
    book = currencies.PriceBook([item.variant for item in items], currency)
    _refuse_unpriced(book, items)
    lines = pricing.lines_in([(item.variant, item.quantity) for item in items], book)
    discount = _apply_discount(cart, user, email, pricing.subtotal_of(lines), now, currency)
    charged = pricing.totals(lines, currency, discount, destination_of(snapshot),
                             shipping_method_id, fetch_quotes=False)
    method = charged.shipping_method
    ttl = timedelta(seconds=current_app.config["RESERVATION_TTL_SECONDS"])
    if hosted is not None:
        ttl = checkout_sessions.reservation_ttl(ttl)

    order = Order(
        number=order_number(now), user_id=user.id if user else None, email=email,
        guest_nonce=None if user else guest_orders.new_nonce(),
        status=OrderStatus.PENDING_PAYMENT.value, currency=currency,
        subtotal=charged.subtotal, discount_total=charged.discount_total,
        shipping_total=charged.shipping_total, tax_total=charged.tax_total, total=charged.total,
        shipping_method={"id": method.id, "name": method.name, "price": method.price}
        if method else None, tax_lines=charged.tax_lines,
        tax_calculation_id=charged.tax_calculation_id,
        shipping_address=snapshot, discount_id=discount.id if discount else None,
        discount_code=discount.code if discount else None, payment_provider=provider_name,
        reservation_expires_at=now + ttl, created_at=now,
        payment_flow="checkout_session" if hosted else "payment_intent",
        checkout_success_url=hosted[0] if hosted else None,
        checkout_cancel_url=hosted[1] if hosted else None)
    order.items = [
        OrderItem(variant_id=line.variant.id, product_id=line.variant.product_id,
                  sku=line.variant.sku, product_name=products[line.variant.id].name,
                  variant_name=line.variant.name, unit_price=line.unit_price,
                  quantity=line.quantity, line_total=line.unit_price * line.quantity)
        for line in lines]
    order.timeline = [OrderEvent(status=OrderStatus.PENDING_PAYMENT.value, note="order placed",
                                 at=now)]
    order.allocations = [OrderAllocation(variant_id=a.variant_id, location_id=a.location_id,
                                         quantity=a.quantity) for a in held]
    db.session.add(order)
    db.session.flush()
    # A new order has no shipments nor balances: known, not read back for the answer.
    set_committed_value(order, "shipments", [])
    set_committed_value(order, "balance_payments", [])
    if discount is not None:
        db.session.add(DiscountRedemption(discount_id=discount.id,
                                          user_id=user.id if user else None,
                                          order_id=order.id, created_at=now))
    orders.status_event(order, None, order.status)

    for item in items:
        db.session.delete(item)
    cart.discount_id = None
    db.session.flush()
    return order
