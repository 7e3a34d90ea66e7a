"""Payment providers behind one small interface (``PAYMENT_PROVIDER``).

``stripe`` talks to Stripe (or a Stripe double at ``STRIPE_API_BASE``) with the real
``stripe`` library; ``fake`` keeps its payments in the ``fake_payments`` table, for demos and
tests. Both answer the same questions, and the order is always moved from what the provider
says a payment is *now* (``retrieve_payment``), never from an event's copy of it.

No provider call may run inside a transaction that holds row locks: callers end their
transaction first (see ``services.payments``).
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from typing import Protocol

import sqlalchemy as sa
import stripe
from flask import current_app

from core.errors import DomainError
from models import FakePayment, db

# The Stripe API version this code was written and tested against. Pinned, so that a change
# of the account's default version cannot change the shape of what we read.
STRIPE_API_VERSION = "2026-10-28.endive"
STRIPE_CONNECT_TIMEOUT_S = 5
STRIPE_READ_TIMEOUT_S = 20
STRIPE_MAX_NETWORK_RETRIES = 2


class ProviderUnavailable(DomainError):
    """The provider could not be reached or answered with a server error: try again."""

    http_status = 503
    error_code = "payment_provider_unavailable"


class ProviderRefused(DomainError):
    """The provider refused the request for good (a payment that cannot be cancelled or
    refunded as asked); retrying the same request cannot succeed."""

    http_status = 409
    error_code = "payment_provider_refused"


@dataclass(frozen=True)
class PaymentIntent:
    provider: str
    payment_intent_id: str
    client_secret: str


@dataclass(frozen=True)
class PaymentState:
    """A payment as the provider holds it now (Stripe's PaymentIntent vocabulary)."""

    payment_intent_id: str
    # requires_payment_method, requires_confirmation, requires_action, processing,
    # requires_capture, succeeded or canceled.
    status: str
    amount: int
    currency: str
    amount_refunded: int
    order_id: int | None
    client_secret: str | None = None
    # Set when the last attempt to pay failed (the card was declined).
    failure_message: str | None = None


@dataclass(frozen=True)
class RefundResult:
    refund_id: str
    # pending, succeeded or failed (Stripe's refund statuses, requires_action aside).
    status: str
    failure_reason: str | None = None


class PaymentProvider(Protocol):
    name: str

    def create_payment(self, *, order_id: int, order_number: str, amount: int, currency: str,
                       idempotency_key: str) -> PaymentIntent: ...

    def retrieve_payment(self, payment_intent_id: str) -> PaymentState: ...

    def cancel_payment(self, payment_intent_id: str, idempotency_key: str) -> PaymentState:
        """Cancel an unpaid payment; raises ``ProviderRefused`` if it can no longer be
        cancelled (it succeeded meanwhile)."""

    def refund(self, payment_intent_id: str, amount: int, idempotency_key: str,
               metadata: dict[str, str]) -> RefundResult: ...


class StripeProvider:
    name = "stripe"

    def __init__(self, secret_key: str, api_base: str | None = None):
        self.client = stripe.StripeClient(
            secret_key,
            stripe_version=STRIPE_API_VERSION,
            base_addresses={"api": api_base} if api_base else None,
            max_network_retries=STRIPE_MAX_NETWORK_RETRIES,
            http_client=stripe.RequestsClient(
                timeout=(STRIPE_CONNECT_TIMEOUT_S, STRIPE_READ_TIMEOUT_S)),
        )

    def _call(self, method, *args, **kwargs):
        """Stripe's errors, sorted: worth retrying (503) or final (409)."""
        try:
            return method(*args, **kwargs)
        except stripe.StripeError as error:
            message = f"Stripe: {error.user_message or error}"
            transient = (isinstance(error, (stripe.APIConnectionError, stripe.RateLimitError))
                         or error.http_status is None or error.http_status >= 500)
            raise (ProviderUnavailable if transient else ProviderRefused)(message) from error

    def create_payment(self, *, order_id, order_number, amount, currency, idempotency_key):
        intent = self._call(
            self.client.v1.payment_intents.create,
            params={"amount": amount, "currency": currency,
                    "payment_method_types": ["card"],
                    "metadata": {"order_id": str(order_id), "order_number": order_number}},
            options={"idempotency_key": idempotency_key})
        return PaymentIntent(self.name, intent.id, intent.client_secret)

    def retrieve_payment(self, payment_intent_id):
        intent = self._call(self.client.v1.payment_intents.retrieve, payment_intent_id,
                            params={"expand": ["latest_charge"]})
        return self._state(intent)

    def cancel_payment(self, payment_intent_id, idempotency_key):
        intent = self._call(self.client.v1.payment_intents.cancel, payment_intent_id,
                            options={"idempotency_key": idempotency_key})
        return self._state(intent)

    def refund(self, payment_intent_id, amount, idempotency_key, metadata):
        refund = self._call(
            self.client.v1.refunds.create,
            params={"payment_intent": payment_intent_id, "amount": amount,
                    "metadata": metadata},
            options={"idempotency_key": idempotency_key})
        data = refund.to_dict()
        return RefundResult(data["id"], data.get("status") or "pending",
                            data.get("failure_reason"))

    @staticmethod
    def _state(stripe_intent) -> PaymentState:
        intent = stripe_intent.to_dict()
        charge = intent.get("latest_charge")
        refunded = charge.get("amount_refunded", 0) if isinstance(charge, dict) else 0
        error = intent.get("last_payment_error")
        order_id = (intent.get("metadata") or {}).get("order_id")
        return PaymentState(
            payment_intent_id=intent["id"], status=intent["status"], amount=intent["amount"],
            currency=intent["currency"], amount_refunded=refunded or 0,
            order_id=int(order_id) if order_id and order_id.isdigit() else None,
            client_secret=intent.get("client_secret"),
            failure_message=(error.get("message") or error.get("code") or "declined")
            if error else None)


class FakeProvider:
    """Payments kept in ``fake_payments``: created with the order, settled by an explicit
    call (``api/payments``), read back like Stripe's. Its writes join the caller's
    transaction."""

    name = "fake"

    def create_payment(self, *, order_id, order_number, amount, currency, idempotency_key):
        payment = db.session.scalar(sa.select(FakePayment).where(FakePayment.order_id == order_id))
        if payment is None:
            intent_id = f"fake_pi_{secrets.token_hex(12)}"
            payment = FakePayment(id=intent_id, order_id=order_id, amount=amount,
                                  currency=currency, status="requires_payment_method",
                                  client_secret=f"{intent_id}_secret_{secrets.token_hex(12)}")
            db.session.add(payment)
            db.session.flush()
        return PaymentIntent(self.name, payment.id, payment.client_secret)

    def _payment(self, payment_intent_id: str, lock: bool = False) -> FakePayment:
        query = sa.select(FakePayment).where(FakePayment.id == payment_intent_id)
        if lock:
            query = query.with_for_update().execution_options(populate_existing=True)
        payment = db.session.scalar(query)
        if payment is None:
            raise ProviderRefused(f"No such payment: {payment_intent_id}")
        return payment

    def retrieve_payment(self, payment_intent_id):
        payment = self._payment(payment_intent_id)
        return PaymentState(
            payment_intent_id=payment.id, status=payment.status, amount=payment.amount,
            currency=payment.currency, amount_refunded=payment.amount_refunded,
            order_id=payment.order_id, client_secret=payment.client_secret,
            failure_message=payment.failure_message)

    def settle(self, payment_intent_id: str, outcome: str) -> FakePayment:
        """The customer pays (``succeeded``) or the card is declined (``failed``)."""
        payment = self._payment(payment_intent_id, lock=True)
        if payment.status in ("succeeded", "canceled"):
            raise ProviderRefused(f"This payment is already {payment.status}.")
        if outcome == "succeeded":
            payment.status, payment.failure_message = "succeeded", None
        else:
            payment.status, payment.failure_message = "requires_payment_method", "card declined"
        db.session.flush()
        return payment

    def cancel_payment(self, payment_intent_id, idempotency_key):
        payment = self._payment(payment_intent_id, lock=True)
        if payment.status == "succeeded":
            raise ProviderRefused("This payment succeeded and can no longer be cancelled.")
        payment.status = "canceled"
        db.session.flush()
        return self.retrieve_payment(payment_intent_id)

    def refund(self, payment_intent_id, amount, idempotency_key, metadata):
        # Idempotent without remembering keys: this write commits in the same transaction
        # as the caller's record of the refund, so a retried caller never gets here twice.
        payment = self._payment(payment_intent_id, lock=True)
        if payment.status != "succeeded":
            raise ProviderRefused("Only a payment that succeeded can be refunded.")
        if payment.amount_refunded + amount > payment.amount:
            raise ProviderRefused("The refund exceeds what remains of the payment.")
        payment.amount_refunded += amount
        db.session.flush()
        return RefundResult(f"fake_re_{idempotency_key}", "succeeded")


def make_payment_provider(config) -> PaymentProvider:
    name = config["PAYMENT_PROVIDER"]
    if name == "fake":
        return FakeProvider()
    if name == "stripe":
        if not config["STRIPE_SECRET_KEY"]:
            raise ValueError("PAYMENT_PROVIDER=stripe needs STRIPE_SECRET_KEY")
        return StripeProvider(config["STRIPE_SECRET_KEY"], config["STRIPE_API_BASE"])
    raise ValueError(f"unknown PAYMENT_PROVIDER {name!r} (stripe or fake)")


def payment_provider() -> PaymentProvider:
    return current_app.extensions["stockroom.payments"]
