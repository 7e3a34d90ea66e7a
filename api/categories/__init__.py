from api.categories.resources import blp

__all__ = ["blp"]
