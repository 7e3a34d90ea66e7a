from enum import StrEnum


class AuditEntryActorRole(StrEnum):
    ADMIN = "admin"
    SELLER = "seller"

    def __str__(self) -> str:
        return str(self.value)
