"""The SQLAlchemy models, one module per aggregate. Importing this package registers them all."""

from models.address import Address
from models.audit import AuditLog
from models.auth import (
    EmailVerificationToken,
    LoginFailure,
    OAuthIdentity,
    OAuthState,
    PasswordResetToken,
    RefreshToken,
    RevokedToken,
)
from models.base import db, insert_ignoring_conflict, utcnow
from models.cart import MAX_LINE_QUANTITY, Cart, CartItem
from models.category import Category
from models.discount import Discount, DiscountKind, DiscountRedemption
from models.email import EmailMessage, EmailStatus
from models.idempotency import IdempotencyKey
from models.location import DEFAULT_LOCATION_CODE, Location, OrderAllocation, StockLevel
from models.operations import DailySales, Heartbeat
from models.order import (
    PAYMENT_FLOWS,
    CancelledBy,
    Order,
    OrderEvent,
    OrderItem,
    OrderStatus,
    PaymentStatus,
)
from models.order_edit import BalancePayment, BalanceStatus, OrderEdit
from models.outbox import OutboxEvent
from models.payment import FakePayment, FakeRefund, PaymentEvent, Refund, RefundStatus
from models.product import (
    Product,
    ProductImage,
    ProductPrice,
    ProductStatus,
    Variant,
    VariantPrice,
)
from models.realtime import RealtimeEvent
from models.returns import OrderReturn, ReturnLine, ReturnStatus
from models.review import Review, WishlistItem
from models.shipment import Shipment, ShipmentLine
from models.shipping import (
    ShippingKind,
    ShippingMethod,
    ShippingZone,
    ShippingZoneCountry,
    TaxRate,
)
from models.user import Role, User
from models.webhook import DeliveryStatus, WebhookAttempt, WebhookDelivery, WebhookEndpoint

__all__ = [
    "DEFAULT_LOCATION_CODE",
    "MAX_LINE_QUANTITY",
    "PAYMENT_FLOWS",
    "Address",
    "AuditLog",
    "BalancePayment",
    "BalanceStatus",
    "CancelledBy",
    "Cart",
    "CartItem",
    "Category",
    "DailySales",
    "DeliveryStatus",
    "Discount",
    "DiscountKind",
    "DiscountRedemption",
    "EmailMessage",
    "EmailStatus",
    "EmailVerificationToken",
    "FakePayment",
    "FakeRefund",
    "Heartbeat",
    "IdempotencyKey",
    "Location",
    "LoginFailure",
    "OAuthIdentity",
    "OAuthState",
    "Order",
    "OrderAllocation",
    "OrderEdit",
    "OrderEvent",
    "OrderItem",
    "OrderReturn",
    "OrderStatus",
    "OutboxEvent",
    "PasswordResetToken",
    "PaymentEvent",
    "PaymentStatus",
    "Product",
    "ProductImage",
    "ProductPrice",
    "ProductStatus",
    "RealtimeEvent",
    "RefreshToken",
    "Refund",
    "RefundStatus",
    "ReturnLine",
    "ReturnStatus",
    "Review",
    "RevokedToken",
    "Role",
    "Shipment",
    "ShipmentLine",
    "ShippingKind",
    "ShippingMethod",
    "ShippingZone",
    "ShippingZoneCountry",
    "StockLevel",
    "TaxRate",
    "User",
    "Variant",
    "VariantPrice",
    "WebhookAttempt",
    "WebhookDelivery",
    "WebhookEndpoint",
    "WishlistItem",
    "db",
    "insert_ignoring_conflict",
    "utcnow",
]
