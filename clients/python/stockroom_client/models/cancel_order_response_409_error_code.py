from enum import StrEnum


class CancelOrderResponse409ErrorCode(StrEnum):
    CONFLICT = "conflict"
    INVALID_ORDER_TRANSITION = "invalid_order_transition"

    def __str__(self) -> str:
        return str(self.value)
