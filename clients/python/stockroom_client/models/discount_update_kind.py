from enum import StrEnum


class DiscountUpdateKind(StrEnum):
    FIXED = "fixed"
    PERCENT = "percent"

    def __str__(self) -> str:
        return str(self.value)
