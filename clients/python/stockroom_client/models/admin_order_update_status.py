from enum import StrEnum


class AdminOrderUpdateStatus(StrEnum):
    CANCELLED = "cancelled"
    DELIVERED = "delivered"
    PAID = "paid"
    PROCESSING = "processing"
    REFUNDED = "refunded"
    SHIPPED = "shipped"

    def __str__(self) -> str:
        return str(self.value)
