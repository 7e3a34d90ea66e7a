from api.shipping.resources import blp

__all__ = ["blp"]
