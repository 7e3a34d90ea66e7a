"""Live carrier rates behind one small interface, as the payment provider is: ``table``
(none: carrier methods are not offered) or ``easypost``, the official EasyPost library
(``EASYPOST_API_KEY``; ``EASYPOST_API_BASE`` points it elsewhere, at a local double in
tests).

Quotes are fetched before checkout locks any row (``prefetch``) and kept for
``CARRIER_QUOTE_SECONDS``; under the locks, pricing reads the kept ones only
(``cached``), so no carrier call ever runs while stock rows are held. A carrier that times
out, fails or answers what is not a rate list answers no quotes: its methods are not
offered, the table methods still are, and nothing is a 500.
"""

from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from flask import current_app

from services import currencies

log = logging.getLogger(__name__)

FAILED_QUOTE_SECONDS = 30


@dataclass(frozen=True)
class Quote:
    carrier: str
    service: str
    price: int  # minor units of ``currency``
    currency: str
    days: int | None


@dataclass(frozen=True)
class Parcel:
    country: str
    region: str | None
    postal_code: str | None
    weight_g: int
    currency: str


class TableRates:
    """No live rates: carrier methods are not offered."""

    name = "table"

    def quote(self, parcel: Parcel) -> list[Quote]:
        return []


def minor_units(amount: str, currency: str) -> int:
    """``"7.50"`` USD is 750; ``"750"`` JPY is 750."""
    value = Decimal(str(amount))
    if value < 0:
        raise InvalidOperation("a negative rate")
    return int((value * (10 ** currencies.exponent(currency))).to_integral_value())


class EasyPostRates:
    """Rates of an EasyPost shipment from ``SHIP_FROM_*`` to the destination."""

    name = "easypost"

    def __init__(self, api_key: str, api_base: str | None, origin: dict, timeout: int = 5):
        import easypost

        kwargs = {"api_base": api_base} if api_base else {}
        self.client = easypost.EasyPostClient(api_key, timeout=timeout, **kwargs)
        self.origin = origin

    def quote(self, parcel: Parcel) -> list[Quote]:
        shipment = self.client.shipment.create(
            from_address=self.origin,
            to_address={"country": parcel.country, "state": parcel.region or "",
                        "zip": parcel.postal_code or ""},
            # EasyPost weighs in ounces.
            parcel={"weight": max(0.1, round(parcel.weight_g / 28.349523125, 1))})
        quotes = []
        for rate in shipment.rates:
            currency = str(rate.currency).lower()
            quotes.append(Quote(carrier=str(rate.carrier), service=str(rate.service),
                                price=minor_units(rate.rate, currency), currency=currency,
                                days=int(rate.delivery_days) if getattr(
                                    rate, "delivery_days", None) is not None else None))
        return quotes


class QuoteCache:
    """Quotes per parcel for a while, in this process."""

    def __init__(self):
        self.lock = threading.Lock()
        self.entries: dict[Parcel, tuple[float, list[Quote]]] = {}

    def get(self, parcel: Parcel, max_age: float) -> list[Quote] | None:
        with self.lock:
            entry = self.entries.get(parcel)
        if entry is None or time.monotonic() - entry[0] > max_age:
            return None
        return entry[1]

    def put(self, parcel: Parcel, quotes: list[Quote], age: float = 0) -> None:
        with self.lock:
            if len(self.entries) > 10_000:
                self.entries.clear()
            self.entries[parcel] = (time.monotonic() - max(0.0, age), quotes)


def make_rates_provider(config):
    name = config["SHIPPING_RATES_PROVIDER"]
    if name == "table":
        return TableRates()
    if name == "easypost":
        if not config["EASYPOST_API_KEY"]:
            raise ValueError("SHIPPING_RATES_PROVIDER=easypost needs EASYPOST_API_KEY")
        origin = {"country": config["SHIP_FROM_COUNTRY"], "zip": config["SHIP_FROM_POSTAL_CODE"]}
        return EasyPostRates(config["EASYPOST_API_KEY"], config["EASYPOST_API_BASE"], origin,
                             timeout=config["CARRIER_TIMEOUT_SECONDS"])
    raise ValueError(f"unknown SHIPPING_RATES_PROVIDER {name!r} (table or easypost)")


def live() -> bool:
    """Whether carrier methods can be priced at all (a provider other than the table)."""
    return not isinstance(_provider(), TableRates)


def _provider():
    return current_app.extensions["stockroom.carrier_rates"]


def _cache() -> QuoteCache:
    return current_app.extensions["stockroom.carrier_quotes"]


def prefetch(parcel: Parcel) -> list[Quote]:
    """The parcel's quotes, fetched now unless kept; [] when the carrier did not answer
    with rates (logged)."""
    provider = _provider()
    if isinstance(provider, TableRates):
        return []
    kept = _cache().get(parcel, current_app.config["CARRIER_QUOTE_SECONDS"])
    if kept is not None:
        return kept
    try:
        quotes = provider.quote(parcel)
    except Exception as error:  # timeouts, HTTP errors, garbage: no live rates this time
        log.warning("carrier rates from %s failed: %s", provider.name, error)
        # Kept for FAILED_QUOTE_SECONDS only: a carrier that is down is asked again soon,
        # but not by every request meanwhile (each would wait for its timeout).
        _cache().put(parcel, [], age=current_app.config["CARRIER_QUOTE_SECONDS"]
                     - FAILED_QUOTE_SECONDS)
        return []
    _cache().put(parcel, quotes)
    return quotes


def cached(parcel: Parcel) -> list[Quote]:
    """The parcel's kept quotes, never a call (what pricing uses under checkout's locks)."""
    return _cache().get(parcel, current_app.config["CARRIER_QUOTE_SECONDS"]) or []
