from enum import StrEnum


class GetAnalyticsSummaryResponse422ErrorCode(StrEnum):
    BAD_DATE_RANGE = "bad_date_range"

    def __str__(self) -> str:
        return str(self.value)
