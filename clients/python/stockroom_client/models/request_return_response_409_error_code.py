from enum import StrEnum


class RequestReturnResponse409ErrorCode(StrEnum):
    CONFLICT = "conflict"
    RETURN_NOT_ALLOWED = "return_not_allowed"
    RETURN_WINDOW_CLOSED = "return_window_closed"

    def __str__(self) -> str:
        return str(self.value)
