from enum import StrEnum


class StartBalancePaymentResponse401ErrorCode(StrEnum):
    UNAUTHORIZED = "unauthorized"

    def __str__(self) -> str:
        return str(self.value)
