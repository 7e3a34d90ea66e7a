from enum import StrEnum


class SetCartCurrencyResponse409ErrorCode(StrEnum):
    CONFLICT = "conflict"
    CURRENCY_MISMATCH = "currency_mismatch"

    def __str__(self) -> str:
        return str(self.value)
