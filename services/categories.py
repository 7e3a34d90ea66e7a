"""The category tree: admin-managed, read by everyone, filtered on with its descendants."""

from __future__ import annotations

import sqlalchemy as sa

from core.errors import Conflict, NotFound, ValidationFailed
from models import Category, Product, db
from services.catalog_cache import catalog_changed
from services.slugs import slugify, unique_slug


class CategoryNotFound(NotFound):
    error_code = "category_not_found"


class CategoryInUse(Conflict):
    error_code = "category_in_use"


def get_category(category_id: int) -> Category:
    category = db.session.get(Category, category_id)
    if category is None:
        raise CategoryNotFound("Category not found.")
    return category


def category_tree() -> list[dict]:
    """Every category as nested dicts, roots first, siblings by name (one query)."""
    categories = db.session.scalars(sa.select(Category).order_by(Category.name, Category.id))
    nodes = {c.id: {"id": c.id, "name": c.name, "slug": c.slug, "parent_id": c.parent_id,
                    "children": []} for c in categories}
    roots = []
    for node in nodes.values():
        parent = nodes.get(node["parent_id"])
        (parent["children"] if parent else roots).append(node)
    return roots


def descendant_ids(slug: str) -> list[int]:
    """The ids of the category ``slug`` and all below it; empty for an unknown slug."""
    rows = db.session.execute(sa.select(Category.id, Category.parent_id, Category.slug)).all()
    start = next((row.id for row in rows if row.slug == slug), None)
    if start is None:
        return []
    children: dict[int | None, list[int]] = {}
    for row in rows:
        children.setdefault(row.parent_id, []).append(row.id)
    found, frontier = [start], [start]
    while frontier:
        frontier = [child for parent in frontier for child in children.get(parent, [])]
        found.extend(frontier)
    return found


MAX_CATEGORY_DEPTH = 10


def _check_parent(category_id: int | None, parent_id: int | None) -> None:
    if parent_id is None:
        return
    parent = db.session.get(Category, parent_id)
    if parent is None:
        raise ValidationFailed(errors={"parent_id": ["No such category."]})
    # Walk up from the new parent: meeting the category itself would make a cycle.
    seen = set()
    while parent is not None and parent.id not in seen:
        if parent.id == category_id:
            raise ValidationFailed(errors={"parent_id": ["A category cannot be its own ancestor."]})
        seen.add(parent.id)
        parent = db.session.get(Category, parent.parent_id) if parent.parent_id else None
    # The tree is answered (and serialized) nested: its depth is capped when it is built,
    # so that no admin can make GET /categories fail for everyone.
    height = _subtree_height(category_id) if category_id is not None else 1
    if len(seen) + height > MAX_CATEGORY_DEPTH:
        raise ValidationFailed(errors={"parent_id": [
            f"Categories nest at most {MAX_CATEGORY_DEPTH} levels deep."]})


def _subtree_height(category_id: int) -> int:
    """Levels from ``category_id`` down to its deepest descendant, itself included."""
    children: dict[int | None, list[int]] = {}
    for row in db.session.execute(sa.select(Category.id, Category.parent_id)):
        children.setdefault(row.parent_id, []).append(row.id)
    height, frontier = 0, [category_id]
    while frontier and height <= MAX_CATEGORY_DEPTH:
        height += 1
        frontier = [child for parent in frontier for child in children.get(parent, [])]
    return height


def create_category(name: str, parent_id: int | None = None, slug: str | None = None) -> Category:
    _check_parent(None, parent_id)
    category = Category(name=name.strip(), parent_id=parent_id,
                        slug=_free_slug(slug or slugify(name), None))
    db.session.add(category)
    db.session.flush()
    catalog_changed()
    return category


def _free_slug(slug: str, category_id: int | None) -> str:
    if db.session.scalar(sa.select(Category.id).where(Category.slug == slug,
                                                      Category.id != (category_id or 0))):
        return unique_slug(Category, slug, exclude_id=category_id)
    return slug


def update_category(category_id: int, fields: dict) -> Category:
    category = get_category(category_id)
    if "parent_id" in fields:
        _check_parent(category.id, fields["parent_id"])
        category.parent_id = fields["parent_id"]
    if "name" in fields:
        category.name = fields["name"].strip()
    if "slug" in fields:
        if db.session.scalar(sa.select(Category.id).where(Category.slug == fields["slug"],
                                                          Category.id != category.id)):
            raise ValidationFailed(errors={"slug": ["Already in use."]})
        category.slug = fields["slug"]
    db.session.flush()
    catalog_changed()
    return category


def delete_category(category_id: int) -> None:
    """Delete an empty leaf; 409 while it has sub-categories or products."""
    category = get_category(category_id)
    if db.session.scalar(sa.select(sa.func.count()).where(Category.parent_id == category.id)):
        raise CategoryInUse("The category has sub-categories.")
    if db.session.scalar(sa.select(sa.func.count()).where(Product.category_id == category.id)):
        raise CategoryInUse("The category has products.")
    db.session.delete(category)
    db.session.flush()
    catalog_changed()
