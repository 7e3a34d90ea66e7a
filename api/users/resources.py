"""The signed-in user's own account."""

from __future__ import annotations

from flask.views import MethodView
from flask_jwt_extended import current_user

from api.schemas import StrictSchema, UserSchema, text
from core.auth import Blueprint
from models import db
from services import users

blp = Blueprint("users", __name__, description="The signed-in user")


class ProfileUpdateSchema(StrictSchema):
    full_name = text(200)


@blp.route("/me")
class Me(MethodView):
    @blp.auth_required()
    @blp.response(200, UserSchema)
    def get(self):
        """The signed-in user"""
        return current_user

    @blp.auth_required()
    @blp.arguments(ProfileUpdateSchema, required=False)
    @blp.response(200, UserSchema)
    def patch(self, body):
        """Update the signed-in user's profile"""
        user = users.update_profile(current_user, **body)
        db.session.commit()
        return user
