from api.products.resources import blp

__all__ = ["blp"]
