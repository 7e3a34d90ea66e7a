from api.checkout.resources import blp

__all__ = ["blp"]
