from enum import StrEnum


class AddCartItemResponse409ErrorCode(StrEnum):
    CONFLICT = "conflict"
    CURRENCY_MISMATCH = "currency_mismatch"
    OUT_OF_STOCK = "out_of_stock"

    def __str__(self) -> str:
        return str(self.value)
