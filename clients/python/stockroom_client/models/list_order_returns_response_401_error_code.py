from enum import StrEnum


class ListOrderReturnsResponse401ErrorCode(StrEnum):
    UNAUTHORIZED = "unauthorized"

    def __str__(self) -> str:
        return str(self.value)
