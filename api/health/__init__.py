from api.health.resources import blp

__all__ = ["blp"]
