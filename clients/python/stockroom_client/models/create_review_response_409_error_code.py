from enum import StrEnum


class CreateReviewResponse409ErrorCode(StrEnum):
    ALREADY_REVIEWED = "already_reviewed"
    CONFLICT = "conflict"

    def __str__(self) -> str:
        return str(self.value)
