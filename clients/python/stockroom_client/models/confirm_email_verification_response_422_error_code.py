from enum import StrEnum


class ConfirmEmailVerificationResponse422ErrorCode(StrEnum):
    INVALID_VERIFICATION_TOKEN = "invalid_verification_token"
    VALIDATION_FAILED = "validation_failed"

    def __str__(self) -> str:
        return str(self.value)
