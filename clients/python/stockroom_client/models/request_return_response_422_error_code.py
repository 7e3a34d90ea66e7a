from enum import StrEnum


class RequestReturnResponse422ErrorCode(StrEnum):
    RETURN_EXCEEDS_SHIPPED = "return_exceeds_shipped"
    VALIDATION_FAILED = "validation_failed"

    def __str__(self) -> str:
        return str(self.value)
