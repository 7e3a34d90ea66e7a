"""Offset pagination of SQLAlchemy queries for flask-smorest's ``@blp.paginate``."""

from __future__ import annotations

import sqlalchemy as sa

from models import db


def paginate_query(query: sa.Select, pagination_parameters, rows: bool = False,
                   count_query: sa.Select | None = None) -> list:
    """One page of ``query`` (its first entity, or whole rows if ``rows``); sets the total
    that fills the ``X-Pagination`` header. ``count_query`` (the same rows, without the
    costly columns) is what is counted when given."""
    counted = (count_query if count_query is not None else query).order_by(None)
    total = db.session.scalar(sa.select(sa.func.count()).select_from(counted.subquery()))
    pagination_parameters.item_count = total
    if pagination_parameters.first_item >= total:
        # Past the end: no query, and no offset that could overflow the database's integer.
        return []
    page = query.offset(pagination_parameters.first_item).limit(pagination_parameters.page_size)
    result = db.session.execute(page)
    return result.all() if rows else result.scalars().all()
