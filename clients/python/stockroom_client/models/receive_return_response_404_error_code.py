from enum import StrEnum


class ReceiveReturnResponse404ErrorCode(StrEnum):
    LOCATION_NOT_FOUND = "location_not_found"
    NOT_FOUND = "not_found"
    RETURN_NOT_FOUND = "return_not_found"

    def __str__(self) -> str:
        return str(self.value)
