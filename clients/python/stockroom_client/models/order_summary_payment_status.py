from enum import StrEnum


class OrderSummaryPaymentStatus(StrEnum):
    CANCELLED = "cancelled"
    FAILED = "failed"
    PARTIALLY_REFUNDED = "partially_refunded"
    PENDING = "pending"
    REFUNDED = "refunded"
    REFUND_PENDING = "refund_pending"
    SUCCEEDED = "succeeded"

    def __str__(self) -> str:
        return str(self.value)
