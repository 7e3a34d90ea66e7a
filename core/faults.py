"""Named steps of the money and event paths, where tests crash or pause a run.

Every path that claims, calls out and then records (an email, a delivery, a payment
applied, a refund submitted, a payment cancelled) names its steps with ``step("...")``.
In production nothing is installed and a step is one dictionary lookup. Tests install a
handler on a step to raise ``Crashed`` there (the in-process stand-in for a worker that
dies: nothing after it runs, nothing uncommitted survives), to pause there until the
other side of a race has moved, or, through ``STOCKROOM_FAULTS`` in a worker process's
environment (``email.sent=kill``), to SIGKILL that process at the step, as a real crash.
"""

from __future__ import annotations

import os
import signal
from collections.abc import Callable

STEPS = frozenset({
    # Emails: the claim has committed; the backend accepted the message.
    "email.claimed", "email.sent",
    # Webhook deliveries: the lease has committed; the receiver answered.
    "delivery.claimed", "delivery.answered",
    # A stored provider event: the payment was read back, the order not yet moved.
    "payment.read_back",
    # Refunds: committed before the call; the provider answered the create.
    "refund.sending", "refund.sent",
    # A cancelled order's payment: the provider answered the cancel.
    "payment_cancel.sent",
    # Hosted Checkout: Stripe made the session, its id is not stored yet; a session's
    # read-back, the order not yet moved.
    "checkout_session.created", "checkout_session.read_back",
    # Stripe Tax: the transaction (or a refund's reversal) was made, its id not stored.
    "tax_transaction.sent", "tax_reversal.sent",
    # Order edits: the balance's PaymentIntent was made, its id not stored; an unpaid
    # order's payment was asked for its new total.
    "balance_payment.created", "payment_amount.sent",
    # The outbox: the consumers were published, the rows not yet marked.
    "outbox.published",
    # Races (tests pause here): a checkout holds its cart's lock; a refund request holds
    # its order's lock; a refresh holds its user's lock.
    "checkout.cart_locked", "checkout.stock_reserved", "refund.order_locked",
    "refresh.user_locked", "shipment.order_locked", "edit.order_locked",
    # The expiry sweep holds the lapsed orders it claimed.
    "expiry.orders_locked",
})

_handlers: dict[str, Callable[[str], None]] = {}


class Crashed(BaseException):
    """Raised at a step a test crashes at. A BaseException, so that no ``except
    Exception`` of the code under test swallows it, as nothing survives a SIGKILL."""


def step(name: str) -> None:
    handler = _handlers.get(name)
    if handler is not None:
        handler(name)


def install(name: str, handler: Callable[[str], None]) -> None:
    if name not in STEPS:
        raise ValueError(f"no such step: {name}")
    _handlers[name] = handler


def remove(name: str) -> None:
    _handlers.pop(name, None)


def kill(_name: str) -> None:
    os.kill(os.getpid(), signal.SIGKILL)


def install_from_setting(setting: str | None) -> None:
    """``STOCKROOM_FAULTS`` (``step=kill,step=kill``): SIGKILL this process at those steps.
    Refused in production by the configuration."""
    for item in filter(None, (part.strip() for part in (setting or "").split(","))):
        name, _, action = item.partition("=")
        if action != "kill":
            raise ValueError(f"STOCKROOM_FAULTS: unknown action in {item!r} (kill)")
        install(name, kill)
