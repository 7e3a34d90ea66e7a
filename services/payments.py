"""Payment providers behind one small interface (``PAYMENT_PROVIDER``).

``fake`` settles payments locally, for demos and tests; a settled fake payment is applied
through ``apply_payment_succeeded``, the same function a real provider's event will call.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from typing import Protocol

from flask import current_app


@dataclass(frozen=True)
class PaymentIntent:
    provider: str
    payment_intent_id: str
    client_secret: str


class PaymentProvider(Protocol):
    name: str

    def create_payment(self, *, order_id: int, amount: int, currency: str,
                       idempotency_key: str) -> PaymentIntent: ...

    def cancel_payment(self, payment_intent_id: str, idempotency_key: str) -> None: ...

    def refund(self, payment_intent_id: str, amount: int, idempotency_key: str) -> str: ...


class FakeProvider:
    """Payments that exist only in this process's answers: ids and secrets are generated,
    and settling one is an explicit call (see ``api/payments``)."""

    name = "fake"

    def create_payment(self, *, order_id: int, amount: int, currency: str,
                       idempotency_key: str) -> PaymentIntent:
        intent_id = f"fake_pi_{order_id}_{secrets.token_hex(6)}"
        return PaymentIntent(self.name, intent_id, f"{intent_id}_secret_{secrets.token_hex(8)}")

    def cancel_payment(self, payment_intent_id: str, idempotency_key: str) -> None:
        return None

    def refund(self, payment_intent_id: str, amount: int, idempotency_key: str) -> str:
        return f"fake_re_{secrets.token_hex(6)}"


def make_payment_provider(config) -> PaymentProvider:
    name = config["PAYMENT_PROVIDER"]
    if name == "fake":
        return FakeProvider()
    if name == "stripe":
        raise ValueError("PAYMENT_PROVIDER=stripe is not available in this build yet")
    raise ValueError(f"unknown PAYMENT_PROVIDER {name!r} (stripe or fake)")


def payment_provider() -> PaymentProvider:
    return current_app.extensions["stockroom.payments"]
