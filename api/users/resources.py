"""The signed-in user's own account, and the users of the store (admin)."""

from __future__ import annotations

import marshmallow as ma
from flask.views import MethodView
from flask_jwt_extended import current_user
from marshmallow import fields

from api.orders.schemas import OrderSummarySchema
from api.schemas import MoneySchema, StrictBoolean, StrictSchema, UserSchema, text
from core.auth import Blueprint
from core.pagination import paginate_query
from models import Role, db
from services import orders, users

blp = Blueprint("users", __name__, description="The signed-in user")


class ProfileUpdateSchema(StrictSchema):
    full_name = text(200)


@blp.route("/me")
class Me(MethodView):
    @blp.auth_required()
    @blp.response(200, UserSchema)
    @blp.doc(operationId="getMe")
    def get(self):
        """The signed-in user"""
        return current_user

    @blp.auth_required()
    @blp.arguments(ProfileUpdateSchema, required=False)
    @blp.response(200, UserSchema)
    @blp.doc(operationId="updateMe")
    def patch(self, body):
        """Update the signed-in user's profile"""
        user = users.update_profile(current_user, **body)
        db.session.commit()
        return user


class AdminUserSchema(UserSchema):
    is_active = fields.Boolean()


class UserQuerySchema(ma.Schema):
    class Meta:
        unknown = ma.EXCLUDE

    q = fields.String(validate=[ma.validate.Length(max=200), ma.validate.Regexp(r"^[^\x00]*$")],
                      metadata={"description": "Part of the email or the name"})
    role = fields.String(validate=ma.validate.OneOf([r.value for r in Role]))
    is_active = fields.Boolean()


class AdminUserUpdateSchema(StrictSchema):
    role = fields.String(validate=ma.validate.OneOf([r.value for r in Role]))
    is_active = StrictBoolean()


@blp.route("/admin/users")
class AdminUsers(MethodView):
    @blp.auth_required(Role.ADMIN)
    @blp.arguments(UserQuerySchema, location="query")
    @blp.response(200, AdminUserSchema(many=True))
    @blp.paginate()
    @blp.doc(operationId="listUsers")
    def get(self, args, pagination_parameters):
        """List and search users"""
        return paginate_query(users.user_listing(args.get("q"), args.get("role"),
                                                 args.get("is_active")), pagination_parameters)


class AdminUserDetailSchema(AdminUserSchema):
    order_count = fields.Integer()
    total_spent = fields.List(fields.Nested(MoneySchema), metadata={
        "description": "Per currency: the paid orders' totals less what was refunded"})
    last_orders = fields.List(fields.Nested(OrderSummarySchema),
                              metadata={"description": "The five newest orders"})


@blp.route("/admin/users/<id:user_id>")
class AdminUserById(MethodView):
    @blp.auth_required(Role.ADMIN)
    @blp.response(200, AdminUserDetailSchema)
    @blp.doc(operationId="getUser")
    def get(self, user_id):
        """One user with their order count, what they spent and their last orders"""
        user = users.get_user(user_id)
        return {**{name: getattr(user, name) for name in AdminUserSchema().fields},
                **orders.customer_summary(user.id)}

    @blp.auth_required(Role.ADMIN)
    @blp.arguments(AdminUserUpdateSchema, required=False)
    @blp.response(200, AdminUserSchema)
    @blp.errors(users.CannotChangeSelf)
    @blp.doc(operationId="updateUser")
    def patch(self, body, user_id):
        """Change a user's role, or deactivate them (their tokens stop working at once)"""
        user = users.admin_update_user(current_user, user_id, body)
        db.session.commit()
        return user
