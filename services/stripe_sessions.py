"""Stripe's hosted Checkout through the real ``stripe`` library: a Checkout Session carrying
an order's lines and totals, read back, and expired.

The session's total must be the order's to the unit: the lines at their unit prices, each
tax line as a line of its own (tax-exclusive catalogs), the shipping as the session's one
fixed-amount shipping option, and the discount as a one-use coupon for exactly the
order's ``discount_total`` (Stripe takes an amount off before shipping, as the order did).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from services.payment_providers import StripeProvider


@dataclass(frozen=True)
class HostedLine:
    name: str
    unit_amount: int
    quantity: int


@dataclass(frozen=True)
class HostedCheckout:
    """What the hosted page charges, and where it sends the customer back."""

    order_id: int
    order_number: str
    currency: str
    email: str
    lines: tuple[HostedLine, ...]
    shipping_name: str | None
    shipping_amount: int
    discount_name: str | None
    discount_amount: int
    success_url: str
    cancel_url: str
    expires_at: datetime


@dataclass(frozen=True)
class SessionState:
    """A Checkout Session as Stripe holds it now."""

    session_id: str
    # open, complete or expired
    status: str
    # paid, unpaid or no_payment_required
    payment_status: str
    payment_intent_id: str | None
    order_id: int | None
    url: str | None
    amount_total: int | None
    currency: str | None


def _state(session) -> SessionState:
    data = session.to_dict()
    intent = data.get("payment_intent")
    if isinstance(intent, dict):
        intent = intent.get("id")
    order_id = (data.get("metadata") or {}).get("order_id") or data.get("client_reference_id")
    return SessionState(
        session_id=data["id"], status=data.get("status") or "open",
        payment_status=data.get("payment_status") or "unpaid",
        payment_intent_id=intent if isinstance(intent, str) else None,
        order_id=int(order_id) if isinstance(order_id, str) and order_id.isdigit() else None,
        url=data.get("url"), amount_total=data.get("amount_total"),
        currency=data.get("currency"))


def create(provider: StripeProvider, checkout: HostedCheckout, key: str) -> SessionState:
    """Create the order's session (or find it again: ``key`` is the order's)."""
    metadata = {"order_id": str(checkout.order_id), "order_number": checkout.order_number}
    params = {
        "mode": "payment",
        "line_items": [
            {"price_data": {"currency": checkout.currency, "unit_amount": line.unit_amount,
                            "product_data": {"name": line.name}},
             "quantity": line.quantity} for line in checkout.lines],
        "customer_email": checkout.email,
        "client_reference_id": str(checkout.order_id),
        "metadata": metadata,
        # The PaymentIntent the session makes carries the order too: the inbox and the
        # reconciliation find the order from it as from any other payment.
        "payment_intent_data": {"metadata": metadata},
        "success_url": checkout.success_url,
        "cancel_url": checkout.cancel_url,
        "expires_at": int(checkout.expires_at.timestamp()),
    }
    if checkout.shipping_name is not None:
        params["shipping_options"] = [{"shipping_rate_data": {
            "type": "fixed_amount", "display_name": checkout.shipping_name[:100],
            "fixed_amount": {"amount": checkout.shipping_amount,
                             "currency": checkout.currency}}}]
    if checkout.discount_amount:
        coupon = provider.call(
            provider.client.v1.coupons.create,
            params={"amount_off": checkout.discount_amount, "currency": checkout.currency,
                    "duration": "once", "max_redemptions": 1,
                    "name": (checkout.discount_name or "Discount")[:40],
                    "metadata": metadata},
            options={"idempotency_key": f"{key}-coupon"})
        params["discounts"] = [{"coupon": coupon.id}]
    session = provider.call(provider.client.v1.checkout.sessions.create, params=params,
                             options={"idempotency_key": key})
    return _state(session)


def retrieve(provider: StripeProvider, session_id: str) -> SessionState:
    return _state(provider.call(provider.client.v1.checkout.sessions.retrieve, session_id))


def expire(provider: StripeProvider, session_id: str, key: str) -> SessionState:
    """Close an open session; ``ProviderRefused`` when it is no longer open (paid)."""
    return _state(provider.call(provider.client.v1.checkout.sessions.expire, session_id,
                                 options={"idempotency_key": key}))
