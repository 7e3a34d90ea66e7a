from enum import StrEnum


class ListWebhookDeliveriesEventType(StrEnum):
    CART_ITEM_ADDED = "cart.item_added"
    CART_ITEM_REMOVED = "cart.item_removed"
    CART_ITEM_UPDATED = "cart.item_updated"
    INVENTORY_CHANGED = "inventory.changed"
    ORDER_STATUS_CHANGED = "order.status_changed"
    PRODUCT_DELETED = "product.deleted"
    PRODUCT_UPDATED = "product.updated"
    SHIPMENT_CREATED = "shipment.created"
    USER_NOTIFICATION = "user.notification"

    def __str__(self) -> str:
        return str(self.value)
