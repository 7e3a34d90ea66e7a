"""Shipping: zones of countries (a country in one zone at most), their methods, and what
each method costs a cart going somewhere.

A destination whose country is in a zone is offered that zone's active methods priced in
the cart's currency: ``flat`` at its price, ``weight`` at the first of its rates the cart's
weight fits under (none: not offered), either free once the subtotal after discount
reaches ``free_over``. ``carrier`` methods need a carrier rates provider
(``SHIPPING_RATES_PROVIDER``); with the ``table`` provider they are not offered. A
destination in no zone pays the flat rate (``SHIPPING_FLAT_CENTS``, free from
``FREE_SHIPPING_OVER_CENTS``), as before zones existed.
"""

from __future__ import annotations

from dataclasses import dataclass

import sqlalchemy as sa
from flask import current_app
from sqlalchemy.orm import joinedload

from core.errors import Conflict, NotFound, ValidationFailed
from models import ShippingKind, ShippingMethod, ShippingZone, ShippingZoneCountry, db


class ZoneNotFound(NotFound):
    error_code = "shipping_zone_not_found"


class MethodNotFound(NotFound):
    error_code = "shipping_method_not_found"


class CountryInAnotherZone(Conflict):
    error_code = "country_in_another_zone"


class ShippingMethodUnavailable(ValidationFailed):
    error_code = "shipping_method_unavailable"


@dataclass(frozen=True)
class Option:
    id: int
    name: str
    price: int
    currency: str
    estimated_days: int | None


# Zones and methods (the back office) -------------------------------------------------------

def _set_countries(zone: ShippingZone, countries: list[str]) -> None:
    wanted = sorted({country.upper() for country in countries})
    taken = db.session.execute(
        sa.select(ShippingZoneCountry.country, ShippingZoneCountry.zone_id)
        .where(ShippingZoneCountry.country.in_(wanted),
               ShippingZoneCountry.zone_id != (zone.id or 0))).all()
    if taken:
        raise CountryInAnotherZone(
            "Some countries are in another zone already.",
            errors={"countries": [f"{country} is in zone {zone_id}" for country, zone_id in taken]})
    zone.country_rows = [row for row in zone.country_rows if row.country in wanted] + [
        ShippingZoneCountry(country=country) for country in wanted
        if country not in {row.country for row in zone.country_rows}]
    try:
        db.session.flush()
    except sa.exc.IntegrityError as error:  # another request took one meanwhile
        db.session.rollback()
        raise CountryInAnotherZone("Some countries are in another zone already.") from error


def get_zone(zone_id: int) -> ShippingZone:
    zone = db.session.get(ShippingZone, zone_id)
    if zone is None:
        raise ZoneNotFound("Shipping zone not found.")
    return zone


def zones() -> list[ShippingZone]:
    return list(db.session.scalars(sa.select(ShippingZone).order_by(ShippingZone.id)))


def create_zone(fields: dict) -> ShippingZone:
    zone = ShippingZone(name=fields["name"])
    db.session.add(zone)
    db.session.flush()
    _set_countries(zone, fields.get("countries", []))
    return zone


def update_zone(zone_id: int, fields: dict) -> ShippingZone:
    zone = get_zone(zone_id)
    if "name" in fields:
        zone.name = fields["name"]
    if "countries" in fields:
        _set_countries(zone, fields["countries"])
    db.session.flush()
    return zone


def delete_zone(zone_id: int) -> None:
    db.session.delete(get_zone(zone_id))
    db.session.flush()


def get_method(method_id: int) -> ShippingMethod:
    method = db.session.get(ShippingMethod, method_id)
    if method is None:
        raise MethodNotFound("Shipping method not found.")
    return method


def _check_method(fields: dict, kind: str) -> None:
    if kind == ShippingKind.WEIGHT and not fields.get("rates"):
        raise ValidationFailed("A weight method needs rates.",
                               errors={"rates": ["Give at least one weight tier."]})
    if kind == ShippingKind.CARRIER and not fields.get("carrier"):
        raise ValidationFailed("A carrier method names its carrier.",
                               errors={"carrier": ["Required for kind carrier."]})


def create_method(zone_id: int, fields: dict) -> ShippingMethod:
    zone = get_zone(zone_id)
    _check_method(fields, fields["kind"])
    method = ShippingMethod(zone_id=zone.id, **fields)
    method.rates = sorted(method.rates or [], key=lambda rate: rate["max_weight_g"])
    db.session.add(method)
    db.session.flush()
    return method


def update_method(method_id: int, fields: dict) -> ShippingMethod:
    method = get_method(method_id)
    for name, value in fields.items():
        setattr(method, name, value)
    method.rates = sorted(method.rates or [], key=lambda rate: rate["max_weight_g"])
    _check_method({"rates": method.rates, "carrier": method.carrier}, method.kind)
    db.session.flush()
    return method


def delete_method(method_id: int) -> None:
    db.session.delete(get_method(method_id))
    db.session.flush()


# What shipping costs -----------------------------------------------------------------------

def zone_for(country: str | None) -> ShippingZone | None:
    if not country:
        return None
    # The zone's methods come in the same round trip: every priced checkout reads them.
    return db.session.scalars(
        sa.select(ShippingZone).join(ShippingZoneCountry)
        .where(ShippingZoneCountry.country == country.upper())
        .options(joinedload(ShippingZone.methods))).unique().first()


def method_price(method: ShippingMethod, weight_g: int, subtotal_after_discount: int,
                 quotes: list | None = None) -> int | None:
    """What the method charges for this cart, or None if it cannot carry it. A carrier
    method charges the carrier's quote for its carrier and service (``quotes``); without
    one it is not offered."""
    if method.kind == ShippingKind.FLAT:
        price = method.price
    elif method.kind == ShippingKind.WEIGHT:
        price = next((rate["price"] for rate in method.rates
                      if weight_g <= rate["max_weight_g"]), None)
        if price is None:
            return None
    else:
        price = next((quote.price for quote in quotes or []
                      if quote.carrier.lower() == (method.carrier or "").lower()
                      and (not method.service
                           or quote.service.lower() == method.service.lower())
                      and quote.currency == method.currency), None)
        if price is None:
            return None
    if method.free_over is not None and subtotal_after_discount >= method.free_over:
        return 0
    return price


def needs_quotes(country: str | None, currency: str) -> bool:
    """Whether the destination's zone has an active carrier method in ``currency``."""
    zone = zone_for(country)
    return zone is not None and any(
        method.active and method.kind == ShippingKind.CARRIER and method.currency == currency
        for method in zone.methods)


def options(country: str | None, currency: str, weight_g: int,
            subtotal_after_discount: int, quotes: list | None = None) -> list[Option] | None:
    """The methods offered for the destination, cheapest first; None when the destination
    is in no zone (the flat rate applies)."""
    zone = zone_for(country)
    if zone is None:
        return None
    offered = []
    for method in zone.methods:
        if not method.active or method.currency != currency:
            continue
        price = method_price(method, weight_g, subtotal_after_discount, quotes)
        if price is not None:
            offered.append(Option(method.id, method.name, price, method.currency,
                                  method.estimated_days))
    return sorted(offered, key=lambda option: (option.price, option.id))


def flat_rate(subtotal_after_discount: int) -> int:
    config = current_app.config
    free_over = config["FREE_SHIPPING_OVER_CENTS"]
    if free_over is not None and subtotal_after_discount >= free_over:
        return 0
    return config["SHIPPING_FLAT_CENTS"]


def choose(offered: list[Option] | None, method_id: int | None,
           subtotal_after_discount: int, currency: str) -> tuple[int, Option | None]:
    """The shipping charged and the method it is for. With zones, ``method_id`` must be
    one offered (422 ``shipping_method_unavailable``); without, the flat rate, which is in
    ``STORE_CURRENCY``: a cart in another currency going to no zone is offered nothing
    (the same 422), never the store's cents read as another currency's."""
    if offered is None:
        if method_id is not None:
            raise ShippingMethodUnavailable(
                "No shipping method is offered to this destination.",
                errors={"shipping_method_id": ["The destination has no shipping methods."]})
        if currency != current_app.config["STORE_CURRENCY"]:
            raise ShippingMethodUnavailable(
                f"No shipping in {currency.upper()} to this destination.",
                errors={"shipping_method_id": [
                    f"No shipping zone with a method in {currency} covers it."]})
        return flat_rate(subtotal_after_discount), None
    chosen = next((option for option in offered if option.id == method_id), None)
    if chosen is None:
        raise ShippingMethodUnavailable(
            "Choose one of the shipping methods offered to this destination.",
            errors={"shipping_method_id": [
                "Offered: " + (", ".join(str(option.id) for option in offered) or "none")]})
    return chosen.price, chosen
