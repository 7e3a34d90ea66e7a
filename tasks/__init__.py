"""Celery tasks, one module per domain concept. Importing this package registers them all."""

from tasks import auth, emails, outbox

__all__ = ["auth", "emails", "outbox"]
