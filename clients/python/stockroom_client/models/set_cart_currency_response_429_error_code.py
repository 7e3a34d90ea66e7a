from enum import StrEnum


class SetCartCurrencyResponse429ErrorCode(StrEnum):
    RATE_LIMITED = "rate_limited"

    def __str__(self) -> str:
        return str(self.value)
