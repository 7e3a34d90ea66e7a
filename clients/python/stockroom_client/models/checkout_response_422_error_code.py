from enum import StrEnum


class CheckoutResponse422ErrorCode(StrEnum):
    ADDRESS_REQUIRED = "address_required"
    IDEMPOTENCY_KEY_REUSED = "idempotency_key_reused"
    SHIPPING_METHOD_UNAVAILABLE = "shipping_method_unavailable"
    VALIDATION_FAILED = "validation_failed"

    def __str__(self) -> str:
        return str(self.value)
