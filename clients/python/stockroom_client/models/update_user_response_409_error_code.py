from enum import StrEnum


class UpdateUserResponse409ErrorCode(StrEnum):
    CANNOT_CHANGE_OWN_ACCOUNT = "cannot_change_own_account"
    CONFLICT = "conflict"

    def __str__(self) -> str:
        return str(self.value)
