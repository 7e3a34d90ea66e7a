from enum import StrEnum


class DeleteProductResponse409ErrorCode(StrEnum):
    CONFLICT = "conflict"
    VARIANT_RESERVED = "variant_reserved"

    def __str__(self) -> str:
        return str(self.value)
