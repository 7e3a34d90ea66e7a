"""Currencies: how many decimals each has, and what a variant costs in one.

A variant has its own price (``price``, ``currency``) and may have prices in other
currencies (``variant_prices``). Every amount is an integer in the currency's minor unit as
Stripe defines it: cents for USD and EUR, whole yen for JPY (a zero-decimal currency), and
thousandths for the three-decimal ones (which Stripe takes only in multiples of ten).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import sqlalchemy as sa
from flask import current_app

from models import Variant, VariantPrice, db

# Stripe's zero-decimal currencies (https://docs.stripe.com/currencies#zero-decimal).
ZERO_DECIMAL = frozenset({"bif", "clp", "djf", "gnf", "jpy", "kmf", "krw", "mga", "pyg",
                          "rwf", "ugx", "vnd", "vuv", "xaf", "xof", "xpf"})
THREE_DECIMAL = frozenset({"bhd", "jod", "kwd", "omr", "tnd"})


def exponent(currency: str) -> int:
    """How many decimals the currency's minor unit has (0 for JPY, 2 for USD)."""
    currency = currency.lower()
    if currency in ZERO_DECIMAL:
        return 0
    return 3 if currency in THREE_DECIMAL else 2


def format_money(amount: int, currency: str) -> str:
    """``USD 1,234.50``, ``JPY 1,500``: for people (emails), never parsed back."""
    places = exponent(currency)
    sign = "-" if amount < 0 else ""
    whole, part = divmod(abs(amount), 10 ** places)
    text = f"{whole:,}" + (f".{part:0{places}d}" if places else "")
    return f"{currency.upper()} {sign}{text}"


def store_currency() -> str:
    return current_app.config["STORE_CURRENCY"]


@dataclass(frozen=True)
class Price:
    amount: int
    compare_at_price: int | None


def own_price(variant: Variant) -> Price:
    return Price(variant.price, variant.compare_at_price)


class PriceBook:
    """What the given variants cost in ``currency``: their own price where it is theirs,
    else their price in it (read in one statement, and only when some variant is priced
    in another currency, so that a one-currency store never pays for the lookup)."""

    def __init__(self, variants: Iterable[Variant], currency: str):
        self.currency = currency
        foreign = {variant.id for variant in variants if variant.currency != currency}
        self.prices: dict[int, Price] = {}
        if foreign:
            rows = db.session.execute(
                sa.select(VariantPrice.variant_id, VariantPrice.amount,
                          VariantPrice.compare_at_price)
                .where(VariantPrice.variant_id.in_(sorted(foreign)),
                       VariantPrice.currency == currency))
            self.prices = {variant_id: Price(amount, compare_at)
                           for variant_id, amount, compare_at in rows}

    def price(self, variant: Variant) -> Price | None:
        """The variant's price in the book's currency, or None when it has none."""
        if variant.currency == self.currency:
            return own_price(variant)
        return self.prices.get(variant.id)

    def amount(self, variant: Variant) -> int:
        """The unit price; only for a variant known to have one (``unpriced`` says)."""
        price = self.price(variant)
        if price is None:
            raise LookupError(f"{variant.sku} has no price in {self.currency}")
        return price.amount

    def unpriced(self, variants: Iterable[Variant]) -> list[Variant]:
        return [variant for variant in variants if self.price(variant) is None]

