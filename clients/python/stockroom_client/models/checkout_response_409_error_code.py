from enum import StrEnum


class CheckoutResponse409ErrorCode(StrEnum):
    CONFLICT = "conflict"
    CURRENCY_MISMATCH = "currency_mismatch"
    DISCOUNT_NOT_APPLICABLE = "discount_not_applicable"
    EMPTY_CART = "empty_cart"
    IDEMPOTENCY_KEY_IN_FLIGHT = "idempotency_key_in_flight"
    NOT_FOR_SALE = "not_for_sale"
    OUT_OF_STOCK = "out_of_stock"

    def __str__(self) -> str:
        return str(self.value)
