from enum import StrEnum


class SetInventoryResponse409ErrorCode(StrEnum):
    CONFLICT = "conflict"
    STOCK_BELOW_RESERVED = "stock_below_reserved"

    def __str__(self) -> str:
        return str(self.value)
