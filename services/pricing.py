"""What a cart costs going somewhere: one computation for ``GET /cart/totals`` and for
checkout, so that the totals a storefront shows are the ones the order charges.

subtotal (lines at their prices) - discount = goods; shipping for the goods' weight and
value to the destination (``services.shipping``); tax on the goods (and shipping, where
the rate says) at the destination's rate (``services.tax``, or Stripe Tax:
``services.tax_providers``); total = goods + shipping +
tax, or goods + shipping when prices include tax.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import NamedTuple

from flask import current_app

from models import Discount, Variant, db
from services import carrier_rates, carts, discounts, shipping, tax_providers


class Line(NamedTuple):
    """A line to price: its variant, how many, and one unit's price in the currency."""

    variant: Variant
    quantity: int
    unit_price: int


def lines_in(items: Iterable[tuple[Variant, int]], book) -> list[Line]:
    """``items`` [(variant, quantity)] priced from ``book`` (a ``currencies.PriceBook``);
    only for variants known to have a price in it."""
    return [Line(variant, quantity, book.amount(variant)) for variant, quantity in items]


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
    # Stripe Tax's calculation of these totals (TAX_PROVIDER=stripe), else None.
    tax_calculation_id: str | None = None


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


def weight_of(lines: Iterable[Line]) -> int:
    return sum(line.variant.weight_g * line.quantity for line in lines)


def subtotal_of(lines: Iterable[Line]) -> int:
    return sum(line.unit_price * line.quantity for line in lines)


def totals(lines: Sequence[Line], currency: str, discount: Discount | None,
           destination: Destination, shipping_method_id: int | None,
           fetch_quotes: bool = True) -> Totals:
    """The totals of ``lines`` in ``currency``; raises ``ShippingMethodUnavailable`` (422)
    for a method the destination is not offered. ``fetch_quotes=False`` (checkout, under
    its locks) prices carrier methods from kept quotes only."""
    subtotal = subtotal_of(lines)
    discount_total = discount.amount_off(subtotal) if discount is not None else 0
    goods = subtotal - discount_total
    weight = weight_of(lines)
    offered = shipping.options(destination.country, currency, weight, goods,
                               _quotes(destination, currency, weight, fetch_quotes))
    shipping_total, method = shipping.choose(offered, shipping_method_id, goods, currency)
    inclusive = current_app.config["PRICES_INCLUDE_TAX"]
    taxed = tax_providers.tax_provider().calculate(tax_providers.TaxRequest(
        currency=currency, country=destination.country.upper() if destination.country
        else None, region=destination.region, postal_code=destination.postal_code,
        lines=tax_providers.discounted_lines(
            [(line.variant.sku, line.unit_price * line.quantity, line.quantity)
             for line in lines], discount_total),
        goods=goods, shipping=shipping_total, inclusive=inclusive), fetch=fetch_quotes)
    return Totals(currency=currency, subtotal=subtotal, discount_total=discount_total,
                  shipping_total=shipping_total, shipping_method=method, tax_lines=taxed.lines,
                  tax_total=taxed.total,
                  total=goods + shipping_total + (0 if inclusive else taxed.total),
                  tax_calculation_id=taxed.calculation_id)


def shipping_options(lines: Sequence[Line], currency: str, discount: Discount | None,
                     destination: Destination) -> list[shipping.Option]:
    """The methods offered to the destination for these lines (none outside every zone:
    the flat rate applies there)."""
    subtotal = subtotal_of(lines)
    goods = subtotal - (discount.amount_off(subtotal) if discount is not None else 0)
    weight = weight_of(lines)
    return shipping.options(destination.country, currency, weight, goods,
                            _quotes(destination, currency, weight, fetch=True)) or []


def cart_parts(cart, now) -> tuple[list[Line], str, Discount | None]:
    """A cart's priced lines, currency and the discount that applies to it now (as
    ``GET /cart`` shows it: one that no longer applies counts as none; a line no longer
    priced in the cart's currency counts for nothing there, and checkout refuses it)."""
    book = carts.price_book(cart)
    lines = [Line(item.variant, item.quantity, price.amount) for item in cart.items
             if (price := book.price(item.variant)) is not None]
    discount = None
    if cart.discount_id is not None:
        candidate = db.session.get(Discount, cart.discount_id)
        if discounts.refusal(candidate, subtotal_of(lines), now,
                             currency=book.currency) is None:
            discount = candidate
    return lines, book.currency, discount
