from api.payments.resources import blp

__all__ = ["blp"]
