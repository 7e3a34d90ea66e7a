from enum import StrEnum


class DiscountKind(StrEnum):
    FIXED = "fixed"
    PERCENT = "percent"

    def __str__(self) -> str:
        return str(self.value)
