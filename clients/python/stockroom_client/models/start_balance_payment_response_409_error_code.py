from enum import StrEnum


class StartBalancePaymentResponse409ErrorCode(StrEnum):
    CONFLICT = "conflict"
    NO_BALANCE_DUE = "no_balance_due"

    def __str__(self) -> str:
        return str(self.value)
