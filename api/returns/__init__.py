from api.returns.resources import blp

__all__ = ["blp"]
