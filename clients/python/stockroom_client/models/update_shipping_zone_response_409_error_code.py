from enum import StrEnum


class UpdateShippingZoneResponse409ErrorCode(StrEnum):
    CONFLICT = "conflict"
    COUNTRY_IN_ANOTHER_ZONE = "country_in_another_zone"

    def __str__(self) -> str:
        return str(self.value)
