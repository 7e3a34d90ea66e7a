from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.method_kind import MethodKind

if TYPE_CHECKING:
    from ..models.rate_tier_out import RateTierOut


T = TypeVar("T", bound="Method")


@_attrs_define
class Method:
    """
    Attributes:
        active (bool):
        carrier (None | str):
        currency (str):
        estimated_days (int | None):
        free_over (int | None):
        id (int):
        kind (MethodKind):
        name (str):
        price (int):
        rates (list[RateTierOut]):
        service (None | str):
        zone_id (int):
    """

    active: bool
    carrier: None | str
    currency: str
    estimated_days: int | None
    free_over: int | None
    id: int
    kind: MethodKind
    name: str
    price: int
    rates: list[RateTierOut]
    service: None | str
    zone_id: int

    def to_dict(self) -> dict[str, Any]:
        active = self.active

        carrier: None | str
        carrier = self.carrier

        currency = self.currency

        estimated_days: int | None
        estimated_days = self.estimated_days

        free_over: int | None
        free_over = self.free_over

        id = self.id

        kind = self.kind.value

        name = self.name

        price = self.price

        rates = []
        for rates_item_data in self.rates:
            rates_item = rates_item_data.to_dict()
            rates.append(rates_item)

        service: None | str
        service = self.service

        zone_id = self.zone_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "active": active,
                "carrier": carrier,
                "currency": currency,
                "estimated_days": estimated_days,
                "free_over": free_over,
                "id": id,
                "kind": kind,
                "name": name,
                "price": price,
                "rates": rates,
                "service": service,
                "zone_id": zone_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.rate_tier_out import RateTierOut  # noqa: PLC0415

        d = dict(src_dict)
        active = d.pop("active")

        def _parse_carrier(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        carrier = _parse_carrier(d.pop("carrier"))

        currency = d.pop("currency")

        def _parse_estimated_days(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        estimated_days = _parse_estimated_days(d.pop("estimated_days"))

        def _parse_free_over(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        free_over = _parse_free_over(d.pop("free_over"))

        id = d.pop("id")

        kind = MethodKind(d.pop("kind"))

        name = d.pop("name")

        price = d.pop("price")

        rates = []
        _rates = d.pop("rates")
        for rates_item_data in _rates:
            rates_item = RateTierOut.from_dict(rates_item_data)

            rates.append(rates_item)

        def _parse_service(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        service = _parse_service(d.pop("service"))

        zone_id = d.pop("zone_id")

        method = cls(
            active=active,
            carrier=carrier,
            currency=currency,
            estimated_days=estimated_days,
            free_over=free_over,
            id=id,
            kind=kind,
            name=name,
            price=price,
            rates=rates,
            service=service,
            zone_id=zone_id,
        )

        return method
