from api.auth import oauth  # noqa: F401 (registers the sign-in routes on blp)
from api.auth.resources import blp

__all__ = ["blp"]
