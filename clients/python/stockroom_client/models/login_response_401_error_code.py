from enum import StrEnum


class LoginResponse401ErrorCode(StrEnum):
    UNAUTHORIZED = "unauthorized"

    def __str__(self) -> str:
        return str(self.value)
