from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.discount_update_kind import DiscountUpdateKind
from ..types import UNSET, Unset

T = TypeVar("T", bound="DiscountUpdate")


@_attrs_define
class DiscountUpdate:
    """
    Attributes:
        active (bool | Unset):
        code (str | Unset):
        currency (str | Unset):
        ends_at (datetime.datetime | None | Unset):
        kind (DiscountUpdateKind | Unset):
        max_uses (int | None | Unset):
        min_subtotal (int | Unset):
        per_customer_limit (int | None | Unset):
        starts_at (datetime.datetime | None | Unset):
        value (int | Unset):
    """

    active: bool | Unset = UNSET
    code: str | Unset = UNSET
    currency: str | Unset = UNSET
    ends_at: datetime.datetime | None | Unset = UNSET
    kind: DiscountUpdateKind | Unset = UNSET
    max_uses: int | None | Unset = UNSET
    min_subtotal: int | Unset = UNSET
    per_customer_limit: int | None | Unset = UNSET
    starts_at: datetime.datetime | None | Unset = UNSET
    value: int | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        active = self.active

        code = self.code

        currency = self.currency

        ends_at: None | str | Unset
        if isinstance(self.ends_at, Unset):
            ends_at = UNSET
        elif isinstance(self.ends_at, datetime.datetime):
            ends_at = self.ends_at.isoformat()
        else:
            ends_at = self.ends_at

        kind: str | Unset = UNSET
        if not isinstance(self.kind, Unset):
            kind = self.kind.value

        max_uses: int | None | Unset
        if isinstance(self.max_uses, Unset):
            max_uses = UNSET
        else:
            max_uses = self.max_uses

        min_subtotal = self.min_subtotal

        per_customer_limit: int | None | Unset
        if isinstance(self.per_customer_limit, Unset):
            per_customer_limit = UNSET
        else:
            per_customer_limit = self.per_customer_limit

        starts_at: None | str | Unset
        if isinstance(self.starts_at, Unset):
            starts_at = UNSET
        elif isinstance(self.starts_at, datetime.datetime):
            starts_at = self.starts_at.isoformat()
        else:
            starts_at = self.starts_at

        value = self.value

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if active is not UNSET:
            field_dict["active"] = active
        if code is not UNSET:
            field_dict["code"] = code
        if currency is not UNSET:
            field_dict["currency"] = currency
        if ends_at is not UNSET:
            field_dict["ends_at"] = ends_at
        if kind is not UNSET:
            field_dict["kind"] = kind
        if max_uses is not UNSET:
            field_dict["max_uses"] = max_uses
        if min_subtotal is not UNSET:
            field_dict["min_subtotal"] = min_subtotal
        if per_customer_limit is not UNSET:
            field_dict["per_customer_limit"] = per_customer_limit
        if starts_at is not UNSET:
            field_dict["starts_at"] = starts_at
        if value is not UNSET:
            field_dict["value"] = value

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        active = d.pop("active", UNSET)

        code = d.pop("code", UNSET)

        currency = d.pop("currency", UNSET)

        def _parse_ends_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                ends_at_type_0 = datetime.datetime.fromisoformat(data)

                return ends_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        ends_at = _parse_ends_at(d.pop("ends_at", UNSET))

        _kind = d.pop("kind", UNSET)
        kind: DiscountUpdateKind | Unset
        if isinstance(_kind, Unset):
            kind = UNSET
        else:
            kind = DiscountUpdateKind(_kind)

        def _parse_max_uses(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        max_uses = _parse_max_uses(d.pop("max_uses", UNSET))

        min_subtotal = d.pop("min_subtotal", UNSET)

        def _parse_per_customer_limit(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        per_customer_limit = _parse_per_customer_limit(d.pop("per_customer_limit", UNSET))

        def _parse_starts_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                starts_at_type_0 = datetime.datetime.fromisoformat(data)

                return starts_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        starts_at = _parse_starts_at(d.pop("starts_at", UNSET))

        value = d.pop("value", UNSET)

        discount_update = cls(
            active=active,
            code=code,
            currency=currency,
            ends_at=ends_at,
            kind=kind,
            max_uses=max_uses,
            min_subtotal=min_subtotal,
            per_customer_limit=per_customer_limit,
            starts_at=starts_at,
            value=value,
        )

        return discount_update
