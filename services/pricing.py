"""What a cart costs going somewhere: one computation for ``GET /cart/totals`` and for
checkout, so that the totals a storefront shows are the ones the order charges.

subtotal (lines at their prices) - discount = goods; shipping for the goods' weight and
value to the destination (``services.shipping``); tax on the goods (and shipping, where
the rate says) at the destination's rate (``services.tax``); total = goods + shipping +
tax, or goods + shipping when prices include tax.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from flask import current_app

from models import Discount, Variant, db
from services import carrier_rates, discounts, shipping, tax


@dataclass(frozen=True)
class Destination:
    country: str | None = None
    region: str | None = None
    postal_code: str | None = None


@dataclass(frozen=True)
class Totals:
    currency: str
    subtotal: int
    discount_total: int
    shipping_total: int
    shipping_method: shipping.Option | None
    tax_lines: list[dict]
    tax_total: int
    total: int


def _quotes(destination: Destination, currency: str, weight: int,
            fetch: bool) -> list[carrier_rates.Quote]:
    """The carrier's quotes for the parcel, when its zone has carrier methods: fetched (or
    kept) when ``fetch``, else only the kept ones (under checkout's locks)."""
    if (not destination.country or not carrier_rates.live()
            or not shipping.needs_quotes(destination.country, currency)):
        return []
    parcel = carrier_rates.Parcel(destination.country.upper(), destination.region,
                                  destination.postal_code, weight, currency)
    return carrier_rates.prefetch(parcel) if fetch else carrier_rates.cached(parcel)


def weight_of(lines: Iterable[tuple[Variant, int]]) -> int:
    return sum(variant.weight_g * quantity for variant, quantity in lines)


def prefetch_quotes(lines: Iterable[tuple[Variant, int]], currency: str,
                    destination: Destination) -> None:
    """Fetch and keep the carrier's quotes for a checkout about to lock its rows."""
    _quotes(destination, currency, weight_of(list(lines)), fetch=True)


def totals(lines: Iterable[tuple[Variant, int]], currency: str, discount: Discount | None,
           destination: Destination, shipping_method_id: int | None,
           fetch_quotes: bool = True) -> Totals:
    """The totals of ``lines`` [(variant, quantity)] in ``currency``; raises
    ``ShippingMethodUnavailable`` (422) for a method the destination is not offered.
    ``fetch_quotes=False`` (checkout, under its locks) prices carrier methods from kept
    quotes only."""
    lines = list(lines)
    subtotal = sum(variant.price * quantity for variant, quantity in lines)
    discount_total = discount.amount_off(subtotal) if discount is not None else 0
    goods = subtotal - discount_total
    weight = weight_of(lines)
    offered = shipping.options(destination.country, currency, weight, goods,
                               _quotes(destination, currency, weight, fetch_quotes))
    shipping_total, method = shipping.choose(offered, shipping_method_id, goods)
    tax_lines = tax.lines(tax.rate_for(destination.country, destination.region), goods,
                          shipping_total)
    tax_total = sum(line["amount"] for line in tax_lines)
    added_tax = 0 if current_app.config["PRICES_INCLUDE_TAX"] else tax_total
    return Totals(currency=currency, subtotal=subtotal, discount_total=discount_total,
                  shipping_total=shipping_total, shipping_method=method, tax_lines=tax_lines,
                  tax_total=tax_total, total=goods + shipping_total + added_tax)


def shipping_options(lines: Iterable[tuple[Variant, int]], currency: str,
                     discount: Discount | None,
                     destination: Destination) -> list[shipping.Option]:
    """The methods offered to the destination for these lines (none outside every zone:
    the flat rate applies there)."""
    lines = list(lines)
    subtotal = sum(variant.price * quantity for variant, quantity in lines)
    goods = subtotal - (discount.amount_off(subtotal) if discount is not None else 0)
    weight = weight_of(lines)
    return shipping.options(destination.country, currency, weight, goods,
                            _quotes(destination, currency, weight, fetch=True)) or []


def cart_parts(cart, now) -> tuple[list[tuple[Variant, int]], str, Discount | None]:
    """A cart's lines, currency and the discount that applies to it now (as ``GET /cart``
    shows it: one that no longer applies counts as none)."""
    lines = [(item.variant, item.quantity) for item in cart.items]
    currency = lines[0][0].currency if lines else "usd"
    discount = None
    if cart.discount_id is not None:
        candidate = db.session.get(Discount, cart.discount_id)
        subtotal = sum(variant.price * quantity for variant, quantity in lines)
        if discounts.refusal(candidate, subtotal, now) is None:
            discount = candidate
    return lines, currency, discount
