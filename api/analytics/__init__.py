from api.analytics.resources import blp

__all__ = ["blp"]
