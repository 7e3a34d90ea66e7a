from enum import StrEnum


class UpdateCartItemResponse422ErrorCode(StrEnum):
    QUANTITY_TOO_LARGE = "quantity_too_large"

    def __str__(self) -> str:
        return str(self.value)
