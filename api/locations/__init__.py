from api.locations.resources import blp

__all__ = ["blp"]
