from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.fake_settle_outcome import FakeSettleOutcome

T = TypeVar("T", bound="FakeSettle")


@_attrs_define
class FakeSettle:
    """
    Attributes:
        outcome (FakeSettleOutcome):
    """

    outcome: FakeSettleOutcome

    def to_dict(self) -> dict[str, Any]:
        outcome = self.outcome.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "outcome": outcome,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        outcome = FakeSettleOutcome(d.pop("outcome"))

        fake_settle = cls(
            outcome=outcome,
        )

        return fake_settle
