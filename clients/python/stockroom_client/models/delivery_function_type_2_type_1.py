from enum import StrEnum


class DeliveryFunctionType2Type1(StrEnum):
    CART_ACTIVITY_LOG = "cart_activity_log"
    NOTIFY_USER = "notify_user"
    ORDER_STATUS_UPDATE = "order_status_update"
    PRODUCT_SYNC = "product_sync"

    def __str__(self) -> str:
        return str(self.value)
