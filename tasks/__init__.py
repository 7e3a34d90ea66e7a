"""Celery tasks, one module per domain concept. Importing this package registers them all."""

from tasks import auth, emails, orders, outbox

__all__ = ["auth", "emails", "orders", "outbox"]
