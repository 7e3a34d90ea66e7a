from enum import StrEnum


class RemoveCartDiscountResponse429ErrorCode(StrEnum):
    RATE_LIMITED = "rate_limited"

    def __str__(self) -> str:
        return str(self.value)
