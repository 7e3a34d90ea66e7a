from enum import StrEnum


class CheckoutPaymentFlow(StrEnum):
    CHECKOUT_SESSION = "checkout_session"
    PAYMENT_INTENT = "payment_intent"

    def __str__(self) -> str:
        return str(self.value)
