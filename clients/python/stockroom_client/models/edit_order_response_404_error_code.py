from enum import StrEnum


class EditOrderResponse404ErrorCode(StrEnum):
    NOT_FOUND = "not_found"
    ORDER_NOT_FOUND = "order_not_found"

    def __str__(self) -> str:
        return str(self.value)
