from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.method_create_kind import MethodCreateKind
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.rate_tier import RateTier


T = TypeVar("T", bound="MethodCreate")


@_attrs_define
class MethodCreate:
    """
    Attributes:
        kind (MethodCreateKind):
        name (str):
        active (bool | Unset):  Default: True.
        carrier (None | str | Unset):
        currency (str | Unset):  Default: 'usd'.
        estimated_days (int | None | Unset):
        free_over (int | None | Unset): Free once the subtotal after discount reaches this
        price (int | Unset): flat: the price Default: 0.
        rates (list[RateTier] | Unset): weight: the first tier the cart fits under
        service (None | str | Unset):
    """

    kind: MethodCreateKind
    name: str
    active: bool | Unset = True
    carrier: None | str | Unset = UNSET
    currency: str | Unset = "usd"
    estimated_days: int | None | Unset = UNSET
    free_over: int | None | Unset = UNSET
    price: int | Unset = 0
    rates: list[RateTier] | Unset = UNSET
    service: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        kind = self.kind.value

        name = self.name

        active = self.active

        carrier: None | str | Unset
        if isinstance(self.carrier, Unset):
            carrier = UNSET
        else:
            carrier = self.carrier

        currency = self.currency

        estimated_days: int | None | Unset
        if isinstance(self.estimated_days, Unset):
            estimated_days = UNSET
        else:
            estimated_days = self.estimated_days

        free_over: int | None | Unset
        if isinstance(self.free_over, Unset):
            free_over = UNSET
        else:
            free_over = self.free_over

        price = self.price

        rates: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.rates, Unset):
            rates = []
            for rates_item_data in self.rates:
                rates_item = rates_item_data.to_dict()
                rates.append(rates_item)

        service: None | str | Unset
        if isinstance(self.service, Unset):
            service = UNSET
        else:
            service = self.service

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "kind": kind,
                "name": name,
            }
        )
        if active is not UNSET:
            field_dict["active"] = active
        if carrier is not UNSET:
            field_dict["carrier"] = carrier
        if currency is not UNSET:
            field_dict["currency"] = currency
        if estimated_days is not UNSET:
            field_dict["estimated_days"] = estimated_days
        if free_over is not UNSET:
            field_dict["free_over"] = free_over
        if price is not UNSET:
            field_dict["price"] = price
        if rates is not UNSET:
            field_dict["rates"] = rates
        if service is not UNSET:
            field_dict["service"] = service

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.rate_tier import RateTier  # noqa: PLC0415

        d = dict(src_dict)
        kind = MethodCreateKind(d.pop("kind"))

        name = d.pop("name")

        active = d.pop("active", UNSET)

        def _parse_carrier(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        carrier = _parse_carrier(d.pop("carrier", UNSET))

        currency = d.pop("currency", UNSET)

        def _parse_estimated_days(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        estimated_days = _parse_estimated_days(d.pop("estimated_days", UNSET))

        def _parse_free_over(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        free_over = _parse_free_over(d.pop("free_over", UNSET))

        price = d.pop("price", UNSET)

        _rates = d.pop("rates", UNSET)
        rates: list[RateTier] | Unset = UNSET
        if _rates is not UNSET:
            rates = []
            for rates_item_data in _rates:
                rates_item = RateTier.from_dict(rates_item_data)

                rates.append(rates_item)

        def _parse_service(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        service = _parse_service(d.pop("service", UNSET))

        method_create = cls(
            kind=kind,
            name=name,
            active=active,
            carrier=carrier,
            currency=currency,
            estimated_days=estimated_days,
            free_over=free_over,
            price=price,
            rates=rates,
            service=service,
        )

        return method_create
