from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..models.readiness_status import ReadinessStatus

if TYPE_CHECKING:
    from ..models.readiness_checks import ReadinessChecks


T = TypeVar("T", bound="Readiness")


@_attrs_define
class Readiness:
    """
    Attributes:
        beat (str): The scheduler's heartbeat: ok, stale (with its last beat) or never seen
        checks (ReadinessChecks):
        status (ReadinessStatus):
    """

    beat: str
    checks: ReadinessChecks
    status: ReadinessStatus

    def to_dict(self) -> dict[str, Any]:
        beat = self.beat

        checks = self.checks.to_dict()

        status = self.status.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "beat": beat,
                "checks": checks,
                "status": status,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.readiness_checks import ReadinessChecks  # noqa: PLC0415

        d = dict(src_dict)
        beat = d.pop("beat")

        checks = ReadinessChecks.from_dict(d.pop("checks"))

        status = ReadinessStatus(d.pop("status"))

        readiness = cls(
            beat=beat,
            checks=checks,
            status=status,
        )

        return readiness
