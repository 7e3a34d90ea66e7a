from enum import StrEnum


class ReceiveReturnResponse422ErrorCode(StrEnum):
    IDEMPOTENCY_KEY_REUSED = "idempotency_key_reused"
    RETURN_EXCEEDS_SHIPPED = "return_exceeds_shipped"
    VALIDATION_FAILED = "validation_failed"

    def __str__(self) -> str:
        return str(self.value)
