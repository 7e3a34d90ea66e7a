from enum import StrEnum


class ApproveReturnResponse409ErrorCode(StrEnum):
    CONFLICT = "conflict"
    RETURN_NOT_ALLOWED = "return_not_allowed"

    def __str__(self) -> str:
        return str(self.value)
