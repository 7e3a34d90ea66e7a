from enum import StrEnum


class AddCartItemResponse422ErrorCode(StrEnum):
    QUANTITY_TOO_LARGE = "quantity_too_large"
    UNKNOWN_VARIANT = "unknown_variant"
    VALIDATION_FAILED = "validation_failed"

    def __str__(self) -> str:
        return str(self.value)
