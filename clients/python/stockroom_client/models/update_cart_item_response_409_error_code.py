from enum import StrEnum


class UpdateCartItemResponse409ErrorCode(StrEnum):
    CONFLICT = "conflict"
    OUT_OF_STOCK = "out_of_stock"

    def __str__(self) -> str:
        return str(self.value)
