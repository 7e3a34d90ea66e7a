from enum import StrEnum


class RequestEmailVerificationResponse409ErrorCode(StrEnum):
    CONFLICT = "conflict"
    EMAIL_ALREADY_VERIFIED = "email_already_verified"

    def __str__(self) -> str:
        return str(self.value)
