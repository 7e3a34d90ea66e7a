from enum import StrEnum


class DeliveryEventType(StrEnum):
    CART_ITEM_ADDED = "cart.item_added"
    CART_ITEM_REMOVED = "cart.item_removed"
    CART_ITEM_UPDATED = "cart.item_updated"
    INVENTORY_CHANGED = "inventory.changed"
    ORDER_BALANCE_PAID = "order.balance_paid"
    ORDER_EDITED = "order.edited"
    ORDER_STATUS_CHANGED = "order.status_changed"
    PRODUCT_DELETED = "product.deleted"
    PRODUCT_UPDATED = "product.updated"
    RETURN_APPROVED = "return.approved"
    RETURN_RECEIVED = "return.received"
    RETURN_REFUNDED = "return.refunded"
    RETURN_REJECTED = "return.rejected"
    RETURN_REQUESTED = "return.requested"
    SHIPMENT_CREATED = "shipment.created"
    USER_NOTIFICATION = "user.notification"

    def __str__(self) -> str:
        return str(self.value)
