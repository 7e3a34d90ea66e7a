from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.audit_entry_action import AuditEntryAction
from ..models.audit_entry_actor_role import AuditEntryActorRole

if TYPE_CHECKING:
    from ..models.audit_entry_changes import AuditEntryChanges


T = TypeVar("T", bound="AuditEntry")


@_attrs_define
class AuditEntry:
    """
    Attributes:
        action (AuditEntryAction):
        actor_id (int | None):
        actor_role (AuditEntryActorRole):
        at (datetime.datetime):
        changes (AuditEntryChanges): {field: [before, after]}
        entity (str): The record's table
        entity_id (str):
        id (int):
        ip (None | str):
        request_id (None | str):
    """

    action: AuditEntryAction
    actor_id: int | None
    actor_role: AuditEntryActorRole
    at: datetime.datetime
    changes: AuditEntryChanges
    entity: str
    entity_id: str
    id: int
    ip: None | str
    request_id: None | str

    def to_dict(self) -> dict[str, Any]:
        action = self.action.value

        actor_id: int | None
        actor_id = self.actor_id

        actor_role = self.actor_role.value

        at = self.at.isoformat()

        changes = self.changes.to_dict()

        entity = self.entity

        entity_id = self.entity_id

        id = self.id

        ip: None | str
        ip = self.ip

        request_id: None | str
        request_id = self.request_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "action": action,
                "actor_id": actor_id,
                "actor_role": actor_role,
                "at": at,
                "changes": changes,
                "entity": entity,
                "entity_id": entity_id,
                "id": id,
                "ip": ip,
                "request_id": request_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.audit_entry_changes import AuditEntryChanges  # noqa: PLC0415

        d = dict(src_dict)
        action = AuditEntryAction(d.pop("action"))

        def _parse_actor_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        actor_id = _parse_actor_id(d.pop("actor_id"))

        actor_role = AuditEntryActorRole(d.pop("actor_role"))

        at = datetime.datetime.fromisoformat(d.pop("at"))

        changes = AuditEntryChanges.from_dict(d.pop("changes"))

        entity = d.pop("entity")

        entity_id = d.pop("entity_id")

        id = d.pop("id")

        def _parse_ip(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        ip = _parse_ip(d.pop("ip"))

        def _parse_request_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        request_id = _parse_request_id(d.pop("request_id"))

        audit_entry = cls(
            action=action,
            actor_id=actor_id,
            actor_role=actor_role,
            at=at,
            changes=changes,
            entity=entity,
            entity_id=entity_id,
            id=id,
            ip=ip,
            request_id=request_id,
        )

        return audit_entry
