"""Celery tasks, one module per domain concept. Importing this package registers them all."""

from tasks import (
    analytics,
    auth,
    carts,
    emails,
    health,
    inventory,
    orders,
    outbox,
    payments,
    realtime,
    webhooks,
)

__all__ = ["analytics", "auth", "carts", "emails", "health", "inventory", "orders", "outbox",
           "payments", "realtime", "webhooks"]
