from enum import StrEnum


class ApproveReturnResponse404ErrorCode(StrEnum):
    NOT_FOUND = "not_found"
    RETURN_NOT_FOUND = "return_not_found"

    def __str__(self) -> str:
        return str(self.value)
