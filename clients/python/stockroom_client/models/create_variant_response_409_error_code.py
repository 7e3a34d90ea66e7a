from enum import StrEnum


class CreateVariantResponse409ErrorCode(StrEnum):
    CONFLICT = "conflict"
    DUPLICATE_SKU = "duplicate_sku"

    def __str__(self) -> str:
        return str(self.value)
