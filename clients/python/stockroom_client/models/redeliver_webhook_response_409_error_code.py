from enum import StrEnum


class RedeliverWebhookResponse409ErrorCode(StrEnum):
    CONFLICT = "conflict"
    WEBHOOK_DELIVERY_NOT_REDELIVERABLE = "webhook_delivery_not_redeliverable"

    def __str__(self) -> str:
        return str(self.value)
