from enum import StrEnum


class UpdateAdminOrderResponse409ErrorCode(StrEnum):
    CONFLICT = "conflict"
    INVALID_ORDER_TRANSITION = "invalid_order_transition"
    ORDER_NOT_SHIPPABLE = "order_not_shippable"
    STATUS_SET_BY_PAYMENTS = "status_set_by_payments"

    def __str__(self) -> str:
        return str(self.value)
