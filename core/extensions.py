"""Extensions, created unbound here and attached to the app by ``init_app`` in the factory."""

from __future__ import annotations

from flask_cors import CORS
from flask_jwt_extended import JWTManager
from flask_migrate import Migrate
from flask_smorest import Api as SmorestApi

from core.errors import handle_http_exception
from models.base import db

__all__ = ["api", "cors", "db", "jwt", "migrate"]


class Api(SmorestApi):
    """flask-smorest's Api with the contract's error shape (see ``core.errors``)."""

    def handle_http_exception(self, error):
        return handle_http_exception(error)


api = Api()
jwt = JWTManager()
migrate = Migrate()
cors = CORS()
