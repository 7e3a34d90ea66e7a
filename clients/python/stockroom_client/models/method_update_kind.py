from enum import StrEnum


class MethodUpdateKind(StrEnum):
    CARRIER = "carrier"
    FLAT = "flat"
    WEIGHT = "weight"

    def __str__(self) -> str:
        return str(self.value)
