from api.order_edits.resources import blp

__all__ = ["blp"]
