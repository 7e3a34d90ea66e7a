from enum import StrEnum


class EditOrderResponse503ErrorCode(StrEnum):
    TAX_PROVIDER_UNAVAILABLE = "tax_provider_unavailable"
    UNAVAILABLE = "unavailable"

    def __str__(self) -> str:
        return str(self.value)
