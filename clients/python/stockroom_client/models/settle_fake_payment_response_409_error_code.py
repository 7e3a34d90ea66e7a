from enum import StrEnum


class SettleFakePaymentResponse409ErrorCode(StrEnum):
    CONFLICT = "conflict"
    PAYMENT_NOT_STARTED = "payment_not_started"

    def __str__(self) -> str:
        return str(self.value)
