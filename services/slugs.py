"""URL slugs: lower-case ASCII words joined by hyphens, made unique with a numeric suffix."""

from __future__ import annotations

import re
import unicodedata

import sqlalchemy as sa

from models import db

# A slug always has a letter, so that it never reads as an id: /products/123 is the product
# with id 123, /products/ab-123 the one with that slug.
# Digit-only words, then a word holding a letter, then any words; no lookahead, so that
# tools generating strings from the OpenAPI pattern handle it.
SLUG_REGEX = r"(?:[0-9]+-)*[0-9]*[a-z][a-z0-9]*(?:-[a-z0-9]+)*"
SLUG_PATTERN = f"^{SLUG_REGEX}$"


def slugify(text: str, max_length: int = 120) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    slug = slug[:max_length].rstrip("-") or "item"
    return slug if re.search("[a-z]", slug) else f"item-{slug}"


def unique_slug(model, base: str, exclude_id: int | None = None) -> str:
    """``base``, or ``base-2``, ``base-3``... whichever is free in ``model``'s table."""
    taken_query = sa.select(model.slug).where(
        sa.or_(model.slug == base, model.slug.like(f"{base}-%")))
    if exclude_id is not None:
        taken_query = taken_query.where(model.id != exclude_id)
    taken = set(db.session.scalars(taken_query))
    if base not in taken:
        return base
    suffix = 2
    while f"{base}-{suffix}" in taken:
        suffix += 1
    return f"{base}-{suffix}"
