from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="WebhookReceipt")


@_attrs_define
class WebhookReceipt:
    """
    Attributes:
        duplicate (bool):
        received (bool):
    """

    duplicate: bool
    received: bool

    def to_dict(self) -> dict[str, Any]:
        duplicate = self.duplicate

        received = self.received

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "duplicate": duplicate,
                "received": received,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        duplicate = d.pop("duplicate")

        received = d.pop("received")

        webhook_receipt = cls(
            duplicate=duplicate,
            received=received,
        )

        return webhook_receipt
