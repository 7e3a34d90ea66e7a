from api.orders.resources import blp

__all__ = ["blp"]
