from enum import StrEnum


class GetCartTotalsResponse422ErrorCode(StrEnum):
    SHIPPING_METHOD_UNAVAILABLE = "shipping_method_unavailable"
    VALIDATION_FAILED = "validation_failed"

    def __str__(self) -> str:
        return str(self.value)
