from enum import StrEnum


class GetCartTotalsResponse422ErrorCode(StrEnum):
    SHIPPING_METHOD_UNAVAILABLE = "shipping_method_unavailable"

    def __str__(self) -> str:
        return str(self.value)
