from api.webhooks.resources import blp

__all__ = ["blp"]
