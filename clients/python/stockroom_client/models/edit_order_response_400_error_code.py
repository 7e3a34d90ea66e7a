from enum import StrEnum


class EditOrderResponse400ErrorCode(StrEnum):
    BAD_IDEMPOTENCY_KEY = "bad_idempotency_key"

    def __str__(self) -> str:
        return str(self.value)
