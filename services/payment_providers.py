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
from models import FakePayment, FakeRefund, db

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
class ProviderRefund:
    """One refund of a payment as the provider holds it."""

    refund_id: str
    amount: int
    # pending, requires_action, succeeded, failed or canceled (Stripe's refund statuses).
    status: str
    # Our refund row's id, from the refund's metadata; None for one made elsewhere.
    ours: int | None = None
    failure_reason: str | None = None


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
    # Set on the payment of an edit's balance (``models.BalancePayment``), from its metadata.
    balance_payment_id: int | None = None
    # Set when the last attempt to pay failed (the card was declined).
    failure_message: str | None = None
    # Every refund of the payment, made here or elsewhere (the dashboard).
    refunds: tuple[ProviderRefund, ...] = ()


@dataclass(frozen=True)
class RefundResult:
    refund_id: str
    # pending, succeeded or failed (Stripe's refund statuses, requires_action aside).
    status: str
    failure_reason: str | None = None


class PaymentProvider(Protocol):
    name: str

    def create_payment(self, *, order_id: int, order_number: str, amount: int, currency: str,
                       idempotency_key: str, balance_payment_id: int | None = None
                       ) -> PaymentIntent: ...

    def retrieve_payment(self, payment_intent_id: str) -> PaymentState: ...

    def update_payment_amount(self, payment_intent_id: str, amount: int) -> PaymentState:
        """Change what an unpaid payment asks for (an edited order's new total); raises
        ``ProviderRefused`` once it can no longer change (it succeeded or was cancelled)."""

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

    def call(self, method, *args, **kwargs):
        """Stripe's errors, sorted: worth retrying (503) or final (409)."""
        try:
            return method(*args, **kwargs)
        except stripe.StripeError as error:
            message = f"Stripe: {error.user_message or error}"
            # A request with the same idempotency key still running at Stripe (409
            # idempotency_key_in_use) will answer once it ends: a retry, not a refusal.
            transient = (isinstance(error, (stripe.APIConnectionError, stripe.RateLimitError))
                         or error.http_status is None or error.http_status >= 500
                         or error.code == "idempotency_key_in_use")
            raise (ProviderUnavailable if transient else ProviderRefused)(message) from error

    def create_payment(self, *, order_id, order_number, amount, currency, idempotency_key,
                       balance_payment_id=None):
        metadata = {"order_id": str(order_id), "order_number": order_number}
        if balance_payment_id is not None:
            metadata["balance_payment_id"] = str(balance_payment_id)
        intent = self.call(
            self.client.v1.payment_intents.create,
            params={"amount": amount, "currency": currency,
                    "payment_method_types": ["card"], "metadata": metadata},
            options={"idempotency_key": idempotency_key})
        return PaymentIntent(self.name, intent.id, intent.client_secret)

    def update_payment_amount(self, payment_intent_id, amount):
        intent = self.call(self.client.v1.payment_intents.update, payment_intent_id,
                           params={"amount": amount})
        return self._state(intent)

    def retrieve_payment(self, payment_intent_id):
        intent = self.call(self.client.v1.payment_intents.retrieve, payment_intent_id,
                            params={"expand": ["latest_charge"]})
        refunds: tuple[ProviderRefund, ...] = ()
        if intent.status == "succeeded":
            refunds = self._refunds(payment_intent_id)
        return self._state(intent, refunds)

    def _refunds(self, payment_intent_id: str) -> tuple[ProviderRefund, ...]:
        """Every refund of the payment, whoever made it (one page of 100: a payment with
        more refunds than that is not a case this store meets)."""
        page = self.call(self.client.v1.refunds.list,
                          params={"payment_intent": payment_intent_id, "limit": 100})
        found = []
        for refund in page.data:
            data = refund.to_dict()
            ours = (data.get("metadata") or {}).get("refund_id")
            found.append(ProviderRefund(
                data["id"], data["amount"], data.get("status") or "pending",
                int(ours) if isinstance(ours, str) and ours.isdigit() else None,
                data.get("failure_reason")))
        return tuple(sorted(found, key=lambda r: r.refund_id))

    def cancel_payment(self, payment_intent_id, idempotency_key):
        intent = self.call(self.client.v1.payment_intents.cancel, payment_intent_id,
                            options={"idempotency_key": idempotency_key})
        return self._state(intent)

    def refund(self, payment_intent_id, amount, idempotency_key, metadata):
        refund = self.call(
            self.client.v1.refunds.create,
            params={"payment_intent": payment_intent_id, "amount": amount,
                    "metadata": metadata},
            options={"idempotency_key": idempotency_key})
        data = refund.to_dict()
        return RefundResult(data["id"], data.get("status") or "pending",
                            data.get("failure_reason"))

    @staticmethod
    def _state(stripe_intent, refunds: tuple[ProviderRefund, ...] = ()) -> PaymentState:
        intent = stripe_intent.to_dict()
        charge = intent.get("latest_charge")
        refunded = charge.get("amount_refunded", 0) if isinstance(charge, dict) else 0
        error = intent.get("last_payment_error")
        metadata = intent.get("metadata") or {}
        order_id, balance_id = metadata.get("order_id"), metadata.get("balance_payment_id")
        return PaymentState(
            # int(): a double's form-encoded update may echo the amount back as a string.
            payment_intent_id=intent["id"], status=intent["status"],
            amount=int(intent["amount"]),
            currency=intent["currency"], amount_refunded=refunded or 0,
            order_id=int(order_id) if order_id and order_id.isdigit() else None,
            balance_payment_id=int(balance_id) if balance_id and balance_id.isdigit() else None,
            client_secret=intent.get("client_secret"),
            failure_message=(error.get("message") or error.get("code") or "declined")
            if error else None,
            refunds=refunds)


class FakeProvider:
    """Payments kept in ``fake_payments`` and refunds in ``fake_refunds``: created with the
    order, settled by an explicit call (``api/payments``), read back like Stripe's. Its
    writes join the caller's transaction.

    Refunds follow Stripe: a refund request's idempotency key answers the same refund when
    sent again, and a refund is ``succeeded`` at once unless ``refunds_settle`` is false,
    in which case it stays ``pending`` until ``settle_refund`` (as Stripe's asynchronous
    refunds do), for tests that confirm refunds in any order.
    """

    name = "fake"

    def __init__(self, refunds_settle: bool = True):
        self.refunds_settle = refunds_settle

    def create_payment(self, *, order_id, order_number, amount, currency, idempotency_key,
                       balance_payment_id=None):
        payment = db.session.scalar(sa.select(FakePayment)
                                    .where(FakePayment.idempotency_key == idempotency_key))
        if payment is None:
            intent_id = f"fake_pi_{secrets.token_hex(12)}"
            payment = FakePayment(id=intent_id, order_id=order_id, amount=amount,
                                  currency=currency, status="requires_payment_method",
                                  idempotency_key=idempotency_key,
                                  payment_metadata={"balance_payment_id": balance_payment_id}
                                  if balance_payment_id is not None else {},
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

    def _refunds(self, payment_intent_id: str) -> list[FakeRefund]:
        return list(db.session.scalars(
            sa.select(FakeRefund).where(FakeRefund.payment_id == payment_intent_id)
            .order_by(FakeRefund.id).execution_options(populate_existing=True)))

    def retrieve_payment(self, payment_intent_id):
        payment = self._payment(payment_intent_id)
        refunds = tuple(
            ProviderRefund(r.id, r.amount, r.status,
                           int(r.refund_metadata["refund_id"])
                           if str(r.refund_metadata.get("refund_id", "")).isdigit() else None)
            for r in self._refunds(payment_intent_id))
        return PaymentState(
            payment_intent_id=payment.id, status=payment.status, amount=payment.amount,
            currency=payment.currency,
            amount_refunded=sum(r.amount for r in refunds if r.status == "succeeded"),
            order_id=payment.order_id, client_secret=payment.client_secret,
            balance_payment_id=(payment.payment_metadata or {}).get("balance_payment_id"),
            failure_message=payment.failure_message, refunds=refunds)

    def update_payment_amount(self, payment_intent_id, amount):
        payment = self._payment(payment_intent_id, lock=True)
        if payment.status in ("succeeded", "canceled"):
            raise ProviderRefused(f"This payment is {payment.status}: its amount is fixed.")
        payment.amount = amount
        db.session.flush()
        return self.retrieve_payment(payment_intent_id)

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
        payment = self._payment(payment_intent_id, lock=True)
        known = db.session.scalar(
            sa.select(FakeRefund).where(FakeRefund.idempotency_key == idempotency_key))
        if known is not None:
            return RefundResult(known.id, known.status)
        if payment.status != "succeeded":
            raise ProviderRefused("Only a payment that succeeded can be refunded.")
        held = sum(r.amount for r in self._refunds(payment_intent_id) if r.status != "failed")
        if held + amount > payment.amount:
            raise ProviderRefused("The refund exceeds what remains of the payment.")
        refund = self.create_refund(payment, amount, idempotency_key, metadata,
                                    "succeeded" if self.refunds_settle else "pending")
        return RefundResult(refund.id, refund.status)

    def create_refund(self, payment: FakePayment, amount: int, idempotency_key: str | None,
                      metadata: dict, status: str) -> FakeRefund:
        """Record a refund (also one "made in the dashboard", with no key, in tests)."""
        refund = FakeRefund(id=f"fake_re_{secrets.token_hex(12)}", payment_id=payment.id,
                            idempotency_key=idempotency_key, amount=amount, status=status,
                            refund_metadata=dict(metadata))
        db.session.add(refund)
        if status == "succeeded":
            payment.amount_refunded += amount
        db.session.flush()
        return refund

    def settle_refund(self, refund_id: str, outcome: str) -> FakeRefund:
        """A pending refund succeeds or fails (``outcome``), as Stripe's settle later."""
        refund = db.session.get(FakeRefund, refund_id, with_for_update=True)
        if refund.status == "pending":
            refund.status = outcome
            if outcome == "succeeded":
                self._payment(refund.payment_id, lock=True).amount_refunded += refund.amount
            db.session.flush()
        return refund


# The names PAYMENT_PROVIDER takes, and orders record.
PAYMENT_PROVIDERS = ("stripe", "fake")


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
