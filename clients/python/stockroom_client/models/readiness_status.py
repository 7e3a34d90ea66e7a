from enum import StrEnum


class ReadinessStatus(StrEnum):
    OK = "ok"

    def __str__(self) -> str:
        return str(self.value)
