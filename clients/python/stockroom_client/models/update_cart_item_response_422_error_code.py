from enum import StrEnum


class UpdateCartItemResponse422ErrorCode(StrEnum):
    QUANTITY_TOO_LARGE = "quantity_too_large"
    VALIDATION_FAILED = "validation_failed"

    def __str__(self) -> str:
        return str(self.value)
