from enum import StrEnum


class BalancePaymentStatus(StrEnum):
    CANCELLED = "cancelled"
    PENDING = "pending"
    SUCCEEDED = "succeeded"

    def __str__(self) -> str:
        return str(self.value)
