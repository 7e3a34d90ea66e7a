from enum import StrEnum


class CreateReviewResponse409ErrorCode(StrEnum):
    ALREADY_REVIEWED = "already_reviewed"

    def __str__(self) -> str:
        return str(self.value)
