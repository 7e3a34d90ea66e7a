from enum import StrEnum


class UpdateVariantResponse409ErrorCode(StrEnum):
    DUPLICATE_SKU = "duplicate_sku"

    def __str__(self) -> str:
        return str(self.value)
