from enum import StrEnum


class RegisterResponse409ErrorCode(StrEnum):
    CONFLICT = "conflict"
    EMAIL_TAKEN = "email_taken"

    def __str__(self) -> str:
        return str(self.value)
