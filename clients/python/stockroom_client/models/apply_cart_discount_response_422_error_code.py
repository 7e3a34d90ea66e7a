from enum import StrEnum


class ApplyCartDiscountResponse422ErrorCode(StrEnum):
    DISCOUNT_NOT_APPLICABLE = "discount_not_applicable"
    VALIDATION_FAILED = "validation_failed"

    def __str__(self) -> str:
        return str(self.value)
