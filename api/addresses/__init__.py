from api.addresses.resources import blp

__all__ = ["blp"]
