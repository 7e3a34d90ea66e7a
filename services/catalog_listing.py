"""The catalog's listing: the storefront's search, filters and sorts, and the back office's
view of every product. Rows carry each product's available units and first image."""

from __future__ import annotations

from dataclasses import dataclass

import sqlalchemy as sa

from models import Product, ProductImage, ProductPrice, ProductStatus, Variant, db

SORTS = ("relevance", "price", "-price", "newest", "popular")


@dataclass(frozen=True)
class ProductFilters:
    q: str | None = None
    category: str | None = None
    min_price: int | None = None
    max_price: int | None = None
    in_stock: bool | None = None
    sort: str | None = None
    # Prices in this currency: products not priced in it are left out.
    currency: str | None = None


def _available_sum():
    return (
        sa.select(sa.func.coalesce(sa.func.sum(sa.case(
            (Variant.on_hand > Variant.reserved, Variant.on_hand - Variant.reserved),
            else_=0)), 0))
        .where(Variant.product_id == Product.id)
        .correlate(Product)
        .scalar_subquery()
    )


def _first_image_url():
    return (
        sa.select(ProductImage.url)
        .where(ProductImage.product_id == Product.id)
        .order_by(ProductImage.position, ProductImage.id)
        .limit(1)
        .correlate(Product)
        .scalar_subquery()
    )


def _text_search(query: sa.Select, q: str, dialect: str) -> tuple[sa.Select, sa.ColumnElement]:
    """Filter on ``q`` and return the relevance expression to sort on.

    PostgreSQL: the weighted ``search_vector`` (name A, description B) with its GIN index,
    ranked by ``ts_rank_cd``. SQLite: every word must appear in the name or description;
    words found in the name rank higher.
    """
    if dialect == "postgresql":
        tsquery = sa.func.websearch_to_tsquery("english", q)
        vector = sa.literal_column("products.search_vector")
        return query.where(vector.op("@@")(tsquery)), sa.func.ts_rank_cd(vector, tsquery)
    words = [word for word in q.lower().split() if word][:10]
    score = sa.literal(0)
    for word in words:
        pattern = f"%{word.replace('%', '').replace('_', '')}%"
        query = query.where(sa.or_(sa.func.lower(Product.name).like(pattern),
                                   sa.func.lower(Product.description).like(pattern)))
        score = score + sa.case((sa.func.lower(Product.name).like(pattern), 2), else_=1)
    return query, score


def product_listing(filters: ProductFilters, *, status: str | None = ProductStatus.ACTIVE.value,
                    seller_id: int | None = None) -> tuple[sa.Select, sa.Select]:
    """The query of products matching ``filters``, rows of (Product, available, image,
    price_min, price_max, currency) sorted as asked (newest, or relevance for a search),
    and the query of their ids alone, for counting them. The prices are in
    ``filters.currency`` when given, else in each product's own. The storefront's are the
    active products; the back office's are of any ``status`` (None) and may be one
    seller's."""
    query = sa.select(Product.id)
    if filters.currency is not None:
        query = query.join(ProductPrice, sa.and_(ProductPrice.product_id == Product.id,
                                                 ProductPrice.currency == filters.currency))
        price_min, price_max = ProductPrice.price_min, ProductPrice.price_max
        currency = sa.literal(filters.currency)
    else:
        price_min, price_max, currency = Product.price_min, Product.price_max, Product.currency
    if status is not None:
        query = query.where(Product.status == status)
    if seller_id is not None:
        query = query.where(Product.seller_id == seller_id)
    relevance = None
    if filters.q and filters.q.strip():
        dialect = db.session.get_bind().dialect.name
        query, relevance = _text_search(query, filters.q.strip(), dialect)
    if filters.category:
        from services.categories import descendant_ids

        query = query.where(Product.category_id.in_(descendant_ids(filters.category)))
    if filters.min_price is not None:
        query = query.where(price_min >= filters.min_price)
    if filters.max_price is not None:
        query = query.where(price_min <= filters.max_price)
    if filters.in_stock is not None:
        some_available = sa.exists().where(Variant.product_id == Product.id,
                                           Variant.on_hand > Variant.reserved)
        query = query.where(some_available if filters.in_stock else ~some_available)

    count_query = query
    query = query.with_only_columns(Product, _available_sum().label("available"),
                                    _first_image_url().label("image"),
                                    price_min.label("price_min"), price_max.label("price_max"),
                                    currency.label("currency"))
    sort = filters.sort or ("relevance" if relevance is not None else "newest")
    order = {
        "price": [price_min.asc()],
        "-price": [price_min.desc()],
        "newest": [Product.created_at.desc()],
        "popular": [Product.units_sold.desc()],
        "relevance": [relevance.desc()] if relevance is not None else [Product.created_at.desc()],
    }[sort]
    return query.order_by(*order, Product.id.desc()), count_query
