from enum import StrEnum


class GetAnalyticsSummaryResponse422ErrorCode(StrEnum):
    BAD_DATE_RANGE = "bad_date_range"
    VALIDATION_FAILED = "validation_failed"

    def __str__(self) -> str:
        return str(self.value)
