from enum import StrEnum


class RemoveCartItemResponse429ErrorCode(StrEnum):
    RATE_LIMITED = "rate_limited"

    def __str__(self) -> str:
        return str(self.value)
