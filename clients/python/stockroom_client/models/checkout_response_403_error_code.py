from enum import StrEnum


class CheckoutResponse403ErrorCode(StrEnum):
    EMAIL_NOT_VERIFIED = "email_not_verified"
    FORBIDDEN = "forbidden"

    def __str__(self) -> str:
        return str(self.value)
