from enum import StrEnum


class AdminOrderStatus(StrEnum):
    CANCELLED = "cancelled"
    DELIVERED = "delivered"
    PAID = "paid"
    PARTIALLY_SHIPPED = "partially_shipped"
    PENDING_PAYMENT = "pending_payment"
    PROCESSING = "processing"
    REFUNDED = "refunded"
    SHIPPED = "shipped"

    def __str__(self) -> str:
        return str(self.value)
