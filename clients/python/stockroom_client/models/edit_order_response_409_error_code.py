from enum import StrEnum


class EditOrderResponse409ErrorCode(StrEnum):
    CONFLICT = "conflict"
    IDEMPOTENCY_KEY_IN_FLIGHT = "idempotency_key_in_flight"
    ORDER_NOT_EDITABLE = "order_not_editable"
    OUT_OF_STOCK = "out_of_stock"
    REFUND_EXCEEDS_PAYMENT = "refund_exceeds_payment"

    def __str__(self) -> str:
        return str(self.value)
