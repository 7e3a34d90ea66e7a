from enum import StrEnum


class UpdateWebhookEndpointResponse422ErrorCode(StrEnum):
    UNSAFE_WEBHOOK_URL = "unsafe_webhook_url"
    VALIDATION_FAILED = "validation_failed"

    def __str__(self) -> str:
        return str(self.value)
