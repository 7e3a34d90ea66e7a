from enum import StrEnum


class CreateTaxRateResponse409ErrorCode(StrEnum):
    CONFLICT = "conflict"
    TAX_RATE_EXISTS = "tax_rate_exists"

    def __str__(self) -> str:
        return str(self.value)
