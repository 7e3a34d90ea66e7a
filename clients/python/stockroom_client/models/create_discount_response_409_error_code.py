from enum import StrEnum


class CreateDiscountResponse409ErrorCode(StrEnum):
    CONFLICT = "conflict"
    DISCOUNT_CODE_TAKEN = "discount_code_taken"

    def __str__(self) -> str:
        return str(self.value)
