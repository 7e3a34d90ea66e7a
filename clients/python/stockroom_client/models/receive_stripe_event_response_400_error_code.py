from enum import StrEnum


class ReceiveStripeEventResponse400ErrorCode(StrEnum):
    BAD_WEBHOOK_SIGNATURE = "bad_webhook_signature"

    def __str__(self) -> str:
        return str(self.value)
