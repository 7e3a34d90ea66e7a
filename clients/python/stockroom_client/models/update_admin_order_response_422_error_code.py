from enum import StrEnum


class UpdateAdminOrderResponse422ErrorCode(StrEnum):
    NOTHING_TO_SHIP = "nothing_to_ship"
    VALIDATION_FAILED = "validation_failed"

    def __str__(self) -> str:
        return str(self.value)
