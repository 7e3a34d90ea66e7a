"""Hosted Stripe Checkout (``payment_flow=checkout_session``): the order's session, and the
order moved from what the session says now.

A session has no payment until the customer pays on Stripe's page; it then carries its
PaymentIntent, and from there the order moves exactly as a PaymentIntent order does
(``payments.sync_payment``: forward only, the amount checked, a late payment handled).
A session that expired unpaid cancels its order, as a cancelled PaymentIntent does.
``checkout.session.*`` events are reasons to read the session back, never the truth.

The session expires with the reservation. Stripe refuses an ``expires_at`` less than 30
minutes away, so the reservation of a session order lasts at least that, and a little
more (``SESSION_SLACK``): the session is created after the order commits.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta
from urllib.parse import urlsplit

from flask import current_app

from core import faults
from core.errors import DomainError, ValidationFailed
from models import CancelledBy, Order, OrderStatus, db
from services import orders, payments, stripe_sessions
from services.payment_providers import PaymentProvider, ProviderRefused, StripeProvider

log = logging.getLogger(__name__)

S = OrderStatus
SESSION_EVENT_TYPES = frozenset({
    "checkout.session.completed", "checkout.session.expired",
    "checkout.session.async_payment_succeeded", "checkout.session.async_payment_failed",
})
STRIPE_MIN_SESSION = timedelta(minutes=30)
SESSION_SLACK = timedelta(minutes=2)


class RedirectNotAllowed(ValidationFailed):
    error_code = "redirect_not_allowed"


class PaymentFlowUnavailable(DomainError):
    http_status = 422
    error_code = "payment_flow_unavailable"


def _origin(url: str) -> str | None:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return None
    default = {"http": 80, "https": 443}[parts.scheme]
    try:
        port = parts.port
    except ValueError:
        return None
    return f"{parts.scheme}://{parts.hostname}" + (f":{port}" if port not in (None, default)
                                                   else "")


def check_flow(provider: PaymentProvider, success_url: str | None,
               cancel_url: str | None) -> None:
    """Before anything is reserved: the provider has hosted pages (422
    ``payment_flow_unavailable``), and both addresses are given and on an origin of
    ``CHECKOUT_REDIRECT_ORIGINS`` (422 ``redirect_not_allowed``)."""
    if not isinstance(provider, StripeProvider):
        raise PaymentFlowUnavailable(
            f"The {provider.name} payment provider has no hosted checkout: use "
            "payment_flow=payment_intent.")
    allowed = {_origin(origin) for origin in current_app.config["CHECKOUT_REDIRECT_ORIGINS"]}
    allowed.discard(None)
    errors = {}
    for name, url in (("success_url", success_url), ("cancel_url", cancel_url)):
        if not url:
            errors[name] = ["Required with payment_flow=checkout_session."]
        elif _origin(url) not in allowed:
            errors[name] = ["Not on an origin of CHECKOUT_REDIRECT_ORIGINS."]
    if errors:
        raise RedirectNotAllowed("The hosted checkout may only return to this store's own "
                                 "pages.", errors=errors)


def reservation_ttl(ttl: timedelta) -> timedelta:
    """How long a session order holds its stock: the store's hold, or Stripe's shortest
    session and the slack, whichever is longer."""
    return max(ttl, STRIPE_MIN_SESSION + SESSION_SLACK)


def _hosted(order: Order, now: datetime) -> stripe_sessions.HostedCheckout:
    lines = [stripe_sessions.HostedLine(
        f"{item.product_name} ({item.variant_name})"[:250], item.unit_price, item.quantity)
        for item in order.items]
    if not order.tax_included:
        lines += [stripe_sessions.HostedLine(
            f"{line['name']} ({line['rate_bps'] / 100:g} %)", line["amount"], 1)
            for line in order.tax_lines if line["amount"] > 0]
    method = order.shipping_method
    shipping_name = (method["name"] if method else "Shipping") if (
        method or order.shipping_total) else None
    # A retried start after the slack: the session may outlive the reservation by a
    # little (the expiry sweep then expires it), never be refused by Stripe.
    expires_at = max(order.reservation_expires_at or now,
                     now + STRIPE_MIN_SESSION + timedelta(seconds=10))
    return stripe_sessions.HostedCheckout(
        order_id=order.id, order_number=order.number, currency=order.currency,
        email=order.email, lines=tuple(lines), shipping_name=shipping_name,
        shipping_amount=order.shipping_total, discount_name=order.discount_code,
        discount_amount=order.discount_total, success_url=order.checkout_success_url,
        cancel_url=order.checkout_cancel_url, expires_at=expires_at)


def start_session(order: Order, provider: StripeProvider,
                  now: datetime) -> stripe_sessions.SessionState:
    """Create (or find again) the order's session and record its id. Commits first, as
    ``payments.start_payment`` does: no provider call runs inside the checkout's
    transaction. Raises ``ProviderUnavailable`` (503)."""
    known = order.checkout_session_id
    if known is None and order.status != S.PENDING_PAYMENT:
        raise payments.PaymentNotStarted(
            f"This order is {order.status}; it can no longer be paid.")
    hosted = _hosted(order, now) if known is None else None
    payments.end_transaction()
    if known is not None:
        state = stripe_sessions.retrieve(provider, known)
    else:
        state = stripe_sessions.create(provider, hosted,
                                       f"stockroom-order-{order.id}-checkout-session")
        faults.step("checkout_session.created")
        if state.amount_total is not None and state.amount_total != order.total:
            # Its payment would not be applied (``payments.sync_order`` checks the amount):
            # said loudly now rather than found when the customer has paid.
            log.error("session %s totals %s, order %s %s", state.session_id,
                      state.amount_total, order.number, order.total)
        order.checkout_session_id = state.session_id
        db.session.flush()
    return state


def session_id_of(payload: dict) -> str | None:
    """The Checkout Session a stored event is about, or None for another object."""
    obj = (payload.get("data") or {}).get("object") or {}
    if isinstance(obj, dict) and obj.get("object") == "checkout.session":
        session_id = obj.get("id")
        return session_id if isinstance(session_id, str) else None
    return None


def _order_of(state: stripe_sessions.SessionState) -> Order | None:
    order = orders.find_order(Order.checkout_session_id == state.session_id, lock=True)
    if order is None and state.order_id is not None:
        # The session was made but its id never reached the order (the request died).
        order = orders.find_order(Order.id == state.order_id,
                                  Order.checkout_session_id.is_(None),
                                  Order.payment_flow == "checkout_session", lock=True)
        if order is not None:
            order.checkout_session_id = state.session_id
    if order is None:
        log.warning("checkout session %s belongs to no order here", state.session_id)
    return order


def sync_session(session_id: str, provider: PaymentProvider, now: datetime) -> list[str]:
    """Read the session back and bring its order up to date; returns what changed. Ends
    the current transaction first (a provider call)."""
    if not isinstance(provider, StripeProvider):
        return []
    payments.end_transaction()
    state = stripe_sessions.retrieve(provider, session_id)
    faults.step("checkout_session.read_back")
    return _apply(state, provider, now)


def _apply(state: stripe_sessions.SessionState, provider: StripeProvider,
           now: datetime) -> list[str]:
    order = _order_of(state)
    if order is None:
        return []
    changes: list[str] = []
    if state.payment_intent_id is not None:
        if order.payment_intent_id is None:
            order.payment_intent_id = state.payment_intent_id
            changes.append("payment_linked")
        # The payment decides from here, as for any PaymentIntent order.
        return changes + payments.sync_payment(state.payment_intent_id, provider, now)
    if state.status == "expired" and order.status == S.PENDING_PAYMENT:
        orders.cancel_unpaid(order, now, "checkout session expired", CancelledBy.PROVIDER)
        changes.append("cancelled")
    db.session.flush()
    return changes


def cancel_order_payment(order_id: int, provider: PaymentProvider, now: datetime) -> list[str]:
    """Close a cancelled order's payment: its session while it has no payment (a session
    paid meanwhile is then applied, as a late payment), else its PaymentIntent."""
    order = db.session.get(Order, order_id)
    if order is None or order.status != S.CANCELLED:
        return []
    session_id = order.checkout_session_id
    if session_id is None or order.payment_intent_id is not None:
        return payments.cancel_payment(order_id, provider, now)
    if not isinstance(provider, StripeProvider):
        return []
    payments.end_transaction()
    try:
        stripe_sessions.expire(provider, session_id,
                               f"stockroom-order-{order_id}-expire-session")
    except ProviderRefused as refused:
        log.info("session %s of order %s not expired: %s", session_id, order_id, refused)
    return sync_session(session_id, provider, now)


def reconcile_session(session_id: str, provider: PaymentProvider, now: datetime) -> list[str]:
    """Reconciliation's look at a session order with no payment yet: apply what the session
    says, and expire a session still open for an order cancelled meanwhile (its
    cancellation never reached Stripe: the customer could still pay)."""
    if not isinstance(provider, StripeProvider):
        return []
    payments.end_transaction()
    state = stripe_sessions.retrieve(provider, session_id)
    changes = _apply(state, provider, now)
    order = orders.find_order(Order.checkout_session_id == session_id)
    if (state.status == "open" and order is not None and order.status == S.CANCELLED
            and order.payment_intent_id is None):
        payments.end_transaction()
        try:
            stripe_sessions.expire(provider, session_id,
                                   f"stockroom-order-{order.id}-expire-session")
            changes.append("session_expired")
        except ProviderRefused:
            # Paid meanwhile: applied now, as a late payment.
            changes += sync_session(session_id, provider, now)
    return changes
