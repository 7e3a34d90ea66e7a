"""Who computes the tax (``TAX_PROVIDER``): the store's own rates (``table``, see
``services.tax``) or Stripe Tax (``stripe``), behind one small interface.

Stripe Tax is a network call, and checkout prices an order under its row locks: the
calculation is made before the locks (checkout's prefetch, or ``GET /cart/totals``) and
kept for ``TAX_CALCULATION_SECONDS`` under the exact amounts it was asked for. Under the
locks only a kept calculation is used; a cart whose amounts changed in between finds none
and is refused with 503 ``tax_provider_unavailable`` (retry: the prefetch asks again),
never charged a tax nobody calculated. Stripe being down is the same 503.

What Stripe is sent: each line's amount after its share of the discount (split in
proportion to the lines, the remainder to the largest, so the shares add up to the
discount exactly), the shipping, the destination, and whether prices include tax.
"""

from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

import stripe
from flask import current_app

from core.errors import DomainError
from services import tax
from services.payment_providers import ProviderRefused, ProviderUnavailable, StripeProvider

log = logging.getLogger(__name__)


class TaxUnavailable(DomainError):
    http_status = 503
    error_code = "tax_provider_unavailable"


@dataclass(frozen=True)
class TaxLineInput:
    reference: str
    amount: int  # after its share of the discount
    quantity: int


@dataclass(frozen=True)
class TaxRequest:
    currency: str
    country: str | None
    region: str | None
    postal_code: str | None
    lines: tuple[TaxLineInput, ...]
    goods: int
    shipping: int
    inclusive: bool


@dataclass(frozen=True)
class TaxQuote:
    lines: list[dict]  # [{name, rate_bps, amount}]
    total: int
    calculation_id: str | None = None


def discounted_lines(amounts: list[tuple[str, int, int]], discount: int) -> tuple:
    """``amounts`` [(reference, line amount, quantity)] with ``discount`` shared out in
    proportion; the shares add up to it exactly."""
    subtotal = sum(amount for _, amount, _ in amounts)
    if not discount or not subtotal:
        return tuple(TaxLineInput(ref, amount, quantity) for ref, amount, quantity in amounts)
    shares = [amount * discount // subtotal for _, amount, _ in amounts]
    largest = max(range(len(amounts)), key=lambda index: amounts[index][1])
    shares[largest] += discount - sum(shares)
    return tuple(TaxLineInput(ref, amount - share, quantity)
                 for (ref, amount, quantity), share in zip(amounts, shares, strict=True))


class TableTax:
    name = "table"

    def calculate(self, request: TaxRequest, fetch: bool = True) -> TaxQuote:
        lines = tax.lines(tax.rate_for(request.country, request.region), request.goods,
                          request.shipping)
        return TaxQuote(lines, sum(line["amount"] for line in lines))


class StripeTax:
    """Stripe Tax through the real ``stripe`` library (``STRIPE_API_BASE`` for a double)."""

    name = "stripe"

    def __init__(self, provider: StripeProvider, keep_seconds: float):
        self.provider = provider
        self.keep_seconds = keep_seconds
        self.lock = threading.Lock()
        self.kept: dict[TaxRequest, tuple[float, TaxQuote]] = {}

    def _kept(self, request: TaxRequest) -> TaxQuote | None:
        with self.lock:
            entry = self.kept.get(request)
        if entry is None or time.monotonic() - entry[0] > self.keep_seconds:
            return None
        return entry[1]

    def calculate(self, request: TaxRequest, fetch: bool = True) -> TaxQuote:
        kept = self._kept(request)
        if kept is not None:
            return kept
        if not fetch:
            raise TaxUnavailable("The tax of this cart was not calculated before checkout "
                                 "(it changed meanwhile): try again.")
        if not request.country:
            return TaxQuote([], 0)
        quote = self._ask(request)
        with self.lock:
            if len(self.kept) > 10_000:
                self.kept.clear()
            self.kept[request] = (time.monotonic(), quote)
        return quote

    def _ask(self, request: TaxRequest) -> TaxQuote:
        behavior = "inclusive" if request.inclusive else "exclusive"
        params = {
            "currency": request.currency,
            "line_items": [{"amount": line.amount, "reference": line.reference,
                            "quantity": line.quantity, "tax_behavior": behavior}
                           for line in request.lines],
            "customer_details": {"address_source": "shipping", "address": {
                key: value for key, value in (("country", request.country),
                                              ("state", request.region),
                                              ("postal_code", request.postal_code)) if value}},
        }
        if request.shipping:
            params["shipping_cost"] = {"amount": request.shipping, "tax_behavior": behavior}
        try:
            calculation = self.provider.call(self.provider.client.v1.tax.calculations.create,
                                             params=params).to_dict()
            lines = []
            for part in calculation.get("tax_breakdown") or []:
                details = part.get("tax_rate_details") or {}
                amount = int(part["amount"])
                if amount:
                    percent = Decimal(str(details.get("percentage_decimal") or "0"))
                    lines.append({"name": str(details.get("display_name") or "Tax")[:100],
                                  "rate_bps": int(percent * 100), "amount": amount})
        except (ProviderUnavailable, ProviderRefused) as error:
            log.warning("Stripe Tax calculation failed: %s", error)
            raise TaxUnavailable(f"Tax could not be calculated: {error}") from error
        except (KeyError, TypeError, ValueError, InvalidOperation, stripe.StripeError) as error:
            log.warning("Stripe Tax answered what is not a calculation: %s", error)
            raise TaxUnavailable("Tax could not be calculated.") from error
        return TaxQuote(lines, sum(line["amount"] for line in lines), calculation["id"])


def make_tax_provider(config):
    name = config["TAX_PROVIDER"]
    if name == "table":
        return TableTax()
    if name == "stripe":
        if not config["STRIPE_SECRET_KEY"]:
            raise ValueError("TAX_PROVIDER=stripe needs STRIPE_SECRET_KEY")
        return StripeTax(StripeProvider(config["STRIPE_SECRET_KEY"], config["STRIPE_API_BASE"]),
                         config["TAX_CALCULATION_SECONDS"])
    raise ValueError(f"unknown TAX_PROVIDER {name!r} (table or stripe)")


def tax_provider() -> TableTax | StripeTax:
    return current_app.extensions["stockroom.tax"]
