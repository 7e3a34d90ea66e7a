from api.carts.resources import blp

__all__ = ["blp"]
