"""Product reviews, and the signed-in customer's wishlist."""

from __future__ import annotations

import marshmallow as ma
from flask.views import MethodView
from flask_jwt_extended import current_user
from marshmallow import fields

from api.products.schemas import RatingSchema
from api.schemas import ResponseSchema, StrictSchema, text
from core.auth import OPTIONAL_BEARER, Blueprint, optional_user
from core.pagination import paginate_query
from models import Role, db, utcnow
from services import reviews

blp = Blueprint("reviews", __name__, description="Reviews and the wishlist")


class ReviewSchema(ResponseSchema):
    id = fields.Integer()
    product_id = fields.Integer()
    rating = fields.Integer()
    title = fields.String(allow_none=True)
    body = fields.String(allow_none=True)
    author = fields.String(attribute="author.full_name",
                           metadata={"description": "The reviewer's name"})
    created_at = fields.DateTime(format="iso")


class ReviewCreateSchema(StrictSchema):
    rating = fields.Integer(required=True, strict=True, validate=ma.validate.Range(min=1, max=5))
    # A rating alone is a review.
    title = text(200, allow_none=True)
    body = text(5000, allow_none=True)


class WishlistProductSchema(ResponseSchema):
    id = fields.Integer()
    slug = fields.String()
    name = fields.String()
    price_min = fields.Integer(allow_none=True)
    price_max = fields.Integer(allow_none=True)
    currency = fields.String()
    rating = fields.Nested(RatingSchema)


@blp.route("/products/<id:product_id>/reviews")
class ProductReviews(MethodView):
    @blp.response(200, ReviewSchema(many=True))
    @blp.paginate()
    @blp.doc(operationId="listReviews", security=OPTIONAL_BEARER)
    def get(self, pagination_parameters, product_id):
        """A product's reviews, newest first"""
        return paginate_query(reviews.product_reviews(optional_user(), product_id),
                              pagination_parameters)

    @blp.auth_required(Role.CUSTOMER)
    @blp.arguments(ReviewCreateSchema)
    @blp.response(201, ReviewSchema)
    @blp.errors(reviews.AlreadyReviewed, reviews.NotReceived)
    @blp.doc(operationId="createReview")
    def post(self, body, product_id):
        """Review a product I received (one review per product)"""
        review = reviews.add_review(current_user, product_id, body["rating"],
                                    body.get("title"), body.get("body"), utcnow())
        db.session.commit()
        return review


@blp.route("/me/wishlist")
class Wishlist(MethodView):
    @blp.auth_required(Role.CUSTOMER)
    @blp.response(200, WishlistProductSchema(many=True))
    @blp.paginate()
    @blp.doc(operationId="listWishlist")
    def get(self, pagination_parameters):
        """My wishlist, latest first"""
        return paginate_query(reviews.wishlist(current_user.id), pagination_parameters)


@blp.route("/me/wishlist/<id:product_id>")
class WishlistItem(MethodView):
    @blp.auth_required(Role.CUSTOMER)
    @blp.response(200, WishlistProductSchema)
    @blp.doc(operationId="getWishlistItem")
    def get(self, product_id):
        """Whether a product is on my wishlist (404 if not)"""
        return reviews.wished(current_user.id, product_id)

    @blp.auth_required(Role.CUSTOMER)
    @blp.response(200, WishlistProductSchema)
    @blp.alt_response(201, schema=WishlistProductSchema, description="Added now")
    @blp.doc(operationId="addToWishlist")
    def put(self, product_id):
        """Put a product on my wishlist (idempotent)"""
        product, added = reviews.wish(current_user, product_id, utcnow())
        db.session.commit()
        return product, 201 if added else 200

    @blp.auth_required(Role.CUSTOMER)
    @blp.response(204)
    @blp.doc(operationId="removeFromWishlist")
    def delete(self, product_id):
        """Take a product off my wishlist"""
        reviews.unwish(current_user.id, product_id)
        db.session.commit()
