"""The category tree."""

from __future__ import annotations

import marshmallow as ma
from flask.views import MethodView
from marshmallow import fields

from api.schemas import Id, ResponseSchema, StrictSchema, text
from core.auth import Blueprint
from core.http_cache import catalog_cached, public_cache
from models import db
from services import categories
from services.slugs import SLUG_PATTERN

blp = Blueprint("categories", __name__, description="The category tree")


class CategorySchema(ResponseSchema):
    id = fields.Integer()
    name = fields.String()
    slug = fields.String()
    parent_id = fields.Integer(allow_none=True)


class CategoryTreeSchema(CategorySchema):
    children = fields.List(fields.Nested(lambda: CategoryTreeSchema()))


class CategoryCreateSchema(StrictSchema):
    name = text(120, required=True)
    slug = fields.String(validate=[ma.validate.Length(max=140), ma.validate.Regexp(SLUG_PATTERN)])
    parent_id = Id(allow_none=True)


class CategoryUpdateSchema(CategoryCreateSchema):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, partial=True, **kwargs)


@blp.route("/categories")
class Categories(MethodView):
    @public_cache
    @catalog_cached()
    @blp.etag
    @blp.response(200, CategoryTreeSchema(many=True))
    @blp.doc(operationId="listCategories")
    def get(self):
        """The category tree"""
        return categories.category_tree()

    @blp.auth_required("admin")
    @blp.arguments(CategoryCreateSchema)
    @blp.response(201, CategorySchema)
    @blp.doc(operationId="createCategory")
    def post(self, body):
        """Create a category"""
        category = categories.create_category(**body)
        db.session.commit()
        return category


@blp.route("/categories/<id:category_id>")
class CategoryById(MethodView):
    @blp.auth_required("admin")
    @blp.arguments(CategoryUpdateSchema, required=False)
    @blp.response(200, CategorySchema)
    @blp.doc(operationId="updateCategory")
    def patch(self, body, category_id):
        """Rename, re-slug or move a category"""
        category = categories.update_category(category_id, body)
        db.session.commit()
        return category

    @blp.auth_required("admin")
    @blp.response(204)
    @blp.errors(categories.CategoryInUse)
    @blp.doc(operationId="deleteCategory")
    def delete(self, category_id):
        """Delete an empty category"""
        categories.delete_category(category_id)
        db.session.commit()
