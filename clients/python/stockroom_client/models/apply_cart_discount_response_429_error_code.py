from enum import StrEnum


class ApplyCartDiscountResponse429ErrorCode(StrEnum):
    RATE_LIMITED = "rate_limited"

    def __str__(self) -> str:
        return str(self.value)
