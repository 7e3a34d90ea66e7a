from enum import StrEnum


class CheckoutResponse422ErrorCode(StrEnum):
    ADDRESS_REQUIRED = "address_required"
    IDEMPOTENCY_KEY_REUSED = "idempotency_key_reused"
    PAYMENT_FLOW_UNAVAILABLE = "payment_flow_unavailable"
    REDIRECT_NOT_ALLOWED = "redirect_not_allowed"
    SHIPPING_METHOD_UNAVAILABLE = "shipping_method_unavailable"
    VALIDATION_FAILED = "validation_failed"

    def __str__(self) -> str:
        return str(self.value)
