from enum import StrEnum


class BalancePaymentStartProvider(StrEnum):
    FAKE = "fake"
    STRIPE = "stripe"

    def __str__(self) -> str:
        return str(self.value)
