from api.payments.resources import blp, fake_blp

__all__ = ["blp", "fake_blp"]
