from enum import StrEnum


class UpdateLocationResponse409ErrorCode(StrEnum):
    CONFLICT = "conflict"
    LOCATION_CODE_TAKEN = "location_code_taken"

    def __str__(self) -> str:
        return str(self.value)
