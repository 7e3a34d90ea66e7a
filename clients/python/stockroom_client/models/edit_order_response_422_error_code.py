from enum import StrEnum


class EditOrderResponse422ErrorCode(StrEnum):
    IDEMPOTENCY_KEY_REUSED = "idempotency_key_reused"
    INVALID_ORDER_EDIT = "invalid_order_edit"
    SHIPPING_METHOD_UNAVAILABLE = "shipping_method_unavailable"
    VALIDATION_FAILED = "validation_failed"

    def __str__(self) -> str:
        return str(self.value)
