from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.fake_settle_result_outcome import FakeSettleResultOutcome

T = TypeVar("T", bound="FakeSettleResult")


@_attrs_define
class FakeSettleResult:
    """
    Attributes:
        outcome (FakeSettleResultOutcome):
        payment_event_id (int):
        payment_intent_id (str):
    """

    outcome: FakeSettleResultOutcome
    payment_event_id: int
    payment_intent_id: str

    def to_dict(self) -> dict[str, Any]:
        outcome = self.outcome.value

        payment_event_id = self.payment_event_id

        payment_intent_id = self.payment_intent_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "outcome": outcome,
                "payment_event_id": payment_event_id,
                "payment_intent_id": payment_intent_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        outcome = FakeSettleResultOutcome(d.pop("outcome"))

        payment_event_id = d.pop("payment_event_id")

        payment_intent_id = d.pop("payment_intent_id")

        fake_settle_result = cls(
            outcome=outcome,
            payment_event_id=payment_event_id,
            payment_intent_id=payment_intent_id,
        )

        return fake_settle_result
