from enum import StrEnum


class ApplyCartDiscountResponse422ErrorCode(StrEnum):
    DISCOUNT_NOT_APPLICABLE = "discount_not_applicable"

    def __str__(self) -> str:
        return str(self.value)
