from enum import StrEnum


class DeleteCategoryResponse409ErrorCode(StrEnum):
    CATEGORY_IN_USE = "category_in_use"
    CONFLICT = "conflict"

    def __str__(self) -> str:
        return str(self.value)
