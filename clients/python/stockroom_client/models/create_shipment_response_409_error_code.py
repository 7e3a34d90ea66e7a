from enum import StrEnum


class CreateShipmentResponse409ErrorCode(StrEnum):
    CONFLICT = "conflict"
    ORDER_NOT_SHIPPABLE = "order_not_shippable"

    def __str__(self) -> str:
        return str(self.value)
