from enum import StrEnum


class ReceiveReturnResponse409ErrorCode(StrEnum):
    CONFLICT = "conflict"
    IDEMPOTENCY_KEY_IN_FLIGHT = "idempotency_key_in_flight"
    ORDER_NOT_PAID = "order_not_paid"
    REFUND_EXCEEDS_PAYMENT = "refund_exceeds_payment"
    RETURN_NOT_ALLOWED = "return_not_allowed"

    def __str__(self) -> str:
        return str(self.value)
