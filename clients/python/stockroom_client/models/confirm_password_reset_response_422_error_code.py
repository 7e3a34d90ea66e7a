from enum import StrEnum


class ConfirmPasswordResetResponse422ErrorCode(StrEnum):
    INVALID_RESET_TOKEN = "invalid_reset_token"
    VALIDATION_FAILED = "validation_failed"

    def __str__(self) -> str:
        return str(self.value)
