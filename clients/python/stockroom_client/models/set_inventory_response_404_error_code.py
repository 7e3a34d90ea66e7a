from enum import StrEnum


class SetInventoryResponse404ErrorCode(StrEnum):
    LOCATION_NOT_FOUND = "location_not_found"
    NOT_FOUND = "not_found"
    VARIANT_NOT_FOUND = "variant_not_found"

    def __str__(self) -> str:
        return str(self.value)
