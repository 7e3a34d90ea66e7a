"""Tax by destination: the rate of the country's region, else of the country, else
``TAX_RATE_BPS`` (named "Tax"; none when it is 0).

Rounding: half up, once per tax line, on the order's taxable total (the goods after
discount, plus shipping when the rate applies to it). Rounding per order line would make
the same goods cost a different tax split into different lines, by up to half a cent a
line; one rounding makes the tax exactly the rate of what is taxed. With
``PRICES_INCLUDE_TAX`` the prices hold the tax already: the tax line is the part of the
taxed total that is tax, ``total * rate / (1 + rate)``, rounded the same way, and nothing
is added to the total.
"""

from __future__ import annotations

from dataclasses import dataclass

import sqlalchemy as sa
from flask import current_app

from core.errors import Conflict, NotFound
from models import TaxRate, db


class TaxRateNotFound(NotFound):
    error_code = "tax_rate_not_found"


class TaxRateExists(Conflict):
    error_code = "tax_rate_exists"


@dataclass(frozen=True)
class Rate:
    name: str
    rate_bps: int
    applies_to_shipping: bool


def rate_for(country: str | None, region: str | None) -> Rate | None:
    """The most specific rate for the destination; None when nothing is taxed."""
    if country:
        rows = {row.region: row for row in db.session.scalars(
            sa.select(TaxRate).where(TaxRate.country == country.upper(),
                                     TaxRate.region.in_([(region or "").strip(), ""])))}
        row = rows.get((region or "").strip()) or rows.get("")
        if row is not None:
            return Rate(row.name, row.rate_bps, row.applies_to_shipping)
    fallback = current_app.config["TAX_RATE_BPS"]
    return Rate("Tax", fallback, False) if fallback else None


def half_up(numerator: int, denominator: int) -> int:
    return (2 * numerator + denominator) // (2 * denominator)


def lines(rate: Rate | None, goods: int, shipping: int) -> list[dict]:
    """The tax lines of an order: [{name, rate_bps, amount}]."""
    if rate is None or rate.rate_bps == 0:
        return []
    taxed = goods + (shipping if rate.applies_to_shipping else 0)
    if current_app.config["PRICES_INCLUDE_TAX"]:
        amount = half_up(taxed * rate.rate_bps, 10_000 + rate.rate_bps)
    else:
        amount = half_up(taxed * rate.rate_bps, 10_000)
    return [{"name": rate.name, "rate_bps": rate.rate_bps, "amount": amount}]


# The back office -----------------------------------------------------------------------

def rates() -> list[TaxRate]:
    return list(db.session.scalars(sa.select(TaxRate).order_by(TaxRate.country,
                                                               TaxRate.region)))


def get_rate(rate_id: int) -> TaxRate:
    rate = db.session.get(TaxRate, rate_id)
    if rate is None:
        raise TaxRateNotFound("Tax rate not found.")
    return rate


def _save(rate: TaxRate) -> TaxRate:
    """Flush the rate; 409 when its country and region have one already (looked for first,
    and the unique key is the last word under concurrency)."""
    with db.session.no_autoflush:
        taken = db.session.scalar(sa.select(TaxRate.id).where(
            TaxRate.country == rate.country, TaxRate.region == rate.region,
            TaxRate.id != (rate.id or 0)))
    conflict = TaxRateExists("A rate for this country and region exists already.",
                             errors={"region": ["Taken for this country."]})
    if taken is not None:
        db.session.rollback()
        raise conflict
    try:
        db.session.flush()
    except sa.exc.IntegrityError as error:
        db.session.rollback()
        raise conflict from error
    return rate


def create_rate(fields: dict) -> TaxRate:
    rate = TaxRate(**{**fields, "country": fields["country"].upper(),
                      "region": (fields.get("region") or "").strip()})
    db.session.add(rate)
    return _save(rate)


def update_rate(rate_id: int, fields: dict) -> TaxRate:
    rate = get_rate(rate_id)
    for name, value in fields.items():
        setattr(rate, name, value.upper() if name == "country" else
                (value or "").strip() if name == "region" else value)
    return _save(rate)


def delete_rate(rate_id: int) -> None:
    db.session.delete(get_rate(rate_id))
    db.session.flush()
