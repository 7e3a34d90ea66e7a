from api.discounts.resources import blp

__all__ = ["blp"]
