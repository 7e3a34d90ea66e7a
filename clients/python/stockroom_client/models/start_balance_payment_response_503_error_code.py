from enum import StrEnum


class StartBalancePaymentResponse503ErrorCode(StrEnum):
    PAYMENT_PROVIDER_UNAVAILABLE = "payment_provider_unavailable"
    UNAVAILABLE = "unavailable"

    def __str__(self) -> str:
        return str(self.value)
