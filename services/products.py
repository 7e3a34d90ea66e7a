"""Products and variants: who may see and manage them, their changes, and the listing.

A seller manages only their own products; to anyone else a product they may not see is
"not found", never "forbidden", so that existence does not leak.
"""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.orm import selectinload

from core.errors import Conflict, Forbidden, NotFound, ValidationFailed
from models import (
    Category,
    Product,
    ProductImage,
    ProductPrice,
    ProductStatus,
    Role,
    User,
    Variant,
    VariantPrice,
    db,
)
from services import images, inventory, locations, outbox
from services.slugs import slugify, unique_slug


class ProductNotFound(NotFound):
    error_code = "product_not_found"


class VariantNotFound(NotFound):
    error_code = "variant_not_found"


class DuplicateSku(Conflict):
    error_code = "duplicate_sku"


class VariantReserved(Conflict):
    error_code = "variant_reserved"




# Access

def can_manage(actor: User | None, product: Product) -> bool:
    if actor is None:
        return False
    if actor.role == Role.ADMIN.value:
        return True
    return actor.role == Role.SELLER.value and product.seller_id == actor.id


def _require_manager(actor: User) -> None:
    if actor.role not in (Role.ADMIN.value, Role.SELLER.value):
        raise Forbidden("Only admins and sellers manage products.")


ProductRef = int | str  # a product's id, or its slug (``/products/{product}``)


def _by_ref(ref: ProductRef, *options) -> Product | None:
    if isinstance(ref, int):
        return db.session.get(Product, ref, options=options)
    return db.session.scalar(sa.select(Product).where(Product.slug == ref).options(*options))


def product_for_manager(actor: User, product_id: ProductRef) -> Product:
    """The product (by id or slug), if ``actor`` may manage it; 403 for customers, 404 for
    other sellers."""
    _require_manager(actor)
    product = _by_ref(product_id)
    if product is None or not can_manage(actor, product):
        raise ProductNotFound("Product not found.")
    return product


def variant_for_manager(actor: User, variant_id: int) -> Variant:
    _require_manager(actor)
    variant = db.session.get(Variant, variant_id)
    if variant is None or not can_manage(actor, variant.product):
        raise VariantNotFound("Variant not found.")
    return variant


def image_for_manager(actor: User, image_id: int) -> ProductImage:
    _require_manager(actor)
    image = db.session.get(ProductImage, image_id)
    if image is None or not can_manage(actor, image.product):
        raise images.ImageNotFound("Image not found.")
    return image


def product_by_ref(actor: User | None, ref: ProductRef) -> Product:
    """An active product (by id or slug) for anyone; any product for an admin or its
    seller."""
    product = _by_ref(ref, selectinload(Product.variants).selectinload(Variant.prices),
                      selectinload(Product.images))
    if product is None:
        raise ProductNotFound("Product not found.")
    if product.status != ProductStatus.ACTIVE.value and not can_manage(actor, product):
        raise ProductNotFound("Product not found.")
    return product


# Changes

def product_event(product: Product) -> None:
    outbox.record_event("product.updated", "product", product.id, {
        "product_id": product.id, "slug": product.slug, "name": product.name,
        "status": product.status, "category_id": product.category_id,
        "seller_id": product.seller_id, "price_min": product.price_min,
        "price_max": product.price_max, "currency": product.currency,
    })


def _check_category(category_id: int) -> None:
    if db.session.get(Category, category_id) is None:
        raise ValidationFailed("Unknown category.", errors={"category_id": ["No such category."]})


def _check_seller(actor: User, fields: dict) -> None:
    if "seller_id" not in fields:
        return
    if actor.role != Role.ADMIN.value:
        raise Forbidden("Only an admin may choose a product's seller.")
    seller_id = fields["seller_id"]
    if seller_id is not None:
        seller = db.session.get(User, seller_id)
        if seller is None or seller.role != Role.SELLER.value:
            raise ValidationFailed(errors={"seller_id": ["No such seller."]})


def _check_slug(slug: str, product_id: int | None) -> None:
    clash = sa.select(Product.id).where(Product.slug == slug)
    if product_id is not None:
        clash = clash.where(Product.id != product_id)
    if db.session.scalar(clash) is not None:
        raise ValidationFailed(errors={"slug": ["Already in use."]})


def create_product(actor: User, fields: dict) -> Product:
    _require_manager(actor)
    _check_category(fields["category_id"])
    _check_seller(actor, fields)
    seller_id = fields.pop("seller_id", None) if actor.role == Role.ADMIN.value else actor.id
    slug = fields.pop("slug", None)
    if slug:
        _check_slug(slug, None)
    else:
        slug = unique_slug(Product, slugify(fields["name"]))
    product = Product(slug=slug, seller_id=seller_id, **fields)
    db.session.add(product)
    db.session.flush()
    product_event(product)
    return product


def update_product(actor: User, product_id: ProductRef, fields: dict) -> Product:
    product = product_for_manager(actor, product_id)
    if "category_id" in fields:
        _check_category(fields["category_id"])
    _check_seller(actor, fields)
    if "slug" in fields:
        _check_slug(fields["slug"], product.id)
    for name, value in fields.items():
        setattr(product, name, value)
    db.session.flush()
    product_event(product)
    return product


def delete_product(actor: User, product_id: ProductRef) -> None:
    """Delete a product with its variants and images; 409 while stock of it is reserved."""
    product = product_for_manager(actor, product_id)
    if any(variant.reserved for variant in product.variants):
        raise VariantReserved("Units of this product are reserved by open orders.")
    images.delete_files_after_commit([image.storage_key for image in product.images])
    payload = {"product_id": product.id, "slug": product.slug}
    db.session.delete(product)
    db.session.flush()
    outbox.record_event("product.deleted", "product", payload["product_id"], payload)


def refresh_price_range(product: Product) -> None:
    """The product's price range in its own currency (its columns) and in every currency
    any of its variants is priced in (``product_prices``)."""
    low, high = db.session.execute(
        sa.select(sa.func.min(Variant.price), sa.func.max(Variant.price))
        .where(Variant.product_id == product.id)).one()
    product.price_min, product.price_max = low, high
    ranges = {}
    if low is not None:
        ranges[product.currency] = (low, high)
    ranges.update({currency: (low, high) for currency, low, high in db.session.execute(
        sa.select(VariantPrice.currency, sa.func.min(VariantPrice.amount),
                  sa.func.max(VariantPrice.amount))
        .join(Variant, Variant.id == VariantPrice.variant_id)
        .where(Variant.product_id == product.id, VariantPrice.currency != product.currency)
        .group_by(VariantPrice.currency))})
    db.session.execute(sa.delete(ProductPrice).where(ProductPrice.product_id == product.id))
    if ranges:
        db.session.execute(sa.insert(ProductPrice), [
            {"product_id": product.id, "currency": currency, "price_min": low,
             "price_max": high} for currency, (low, high) in sorted(ranges.items())])


def _set_prices(variant: Variant, prices: list[dict] | None) -> None:
    """Replace the variant's prices in other currencies with ``prices`` (None: keep them).
    An entry in the variant's own currency may repeat its price, never contradict it; a
    currency twice is refused."""
    if prices is not None:
        seen: set[str] = set()
        for entry in prices:
            currency = entry["currency"]
            if currency in seen:
                raise ValidationFailed(errors={"prices": [f"{currency} is listed twice."]})
            seen.add(currency)
            if currency == variant.currency and (
                    entry["amount"], entry.get("compare_at_price")) != (
                    variant.price, variant.compare_at_price):
                raise ValidationFailed(errors={"prices": [
                    f"The {currency} price is the variant's price and compare_at_price."]})
        variant.prices = [
            VariantPrice(currency=entry["currency"], amount=entry["amount"],
                         compare_at_price=entry.get("compare_at_price"))
            for entry in prices if entry["currency"] != variant.currency]
    else:
        # A variant moved to a currency it had a price in: its price is now that.
        variant.prices = [price for price in variant.prices
                          if price.currency != variant.currency]


def _check_currency(product: Product, currency: str, variant_id: int | None) -> None:
    others = sa.select(Variant.currency).where(Variant.product_id == product.id)
    if variant_id is not None:
        others = others.where(Variant.id != variant_id)
    if any(existing != currency for existing in db.session.scalars(others)):
        raise ValidationFailed(errors={"currency": ["All variants of a product share one "
                                                    "currency."]})


def _check_sku(sku: str, variant_id: int | None) -> None:
    clash = sa.select(Variant.id).where(Variant.sku == sku)
    if variant_id is not None:
        clash = clash.where(Variant.id != variant_id)
    if db.session.scalar(clash) is not None:
        raise DuplicateSku("Another variant has this SKU.", errors={"sku": ["Already in use."]})


def _check_options(options: dict | None) -> None:
    if options is None:
        return
    bad = [name for name in options if not name.strip() or len(name) > 50 or "\x00" in name]
    if bad:
        raise ValidationFailed(errors={"options": ["Option names are 1 to 50 characters."]})


def create_variant(actor: User, product_id: int, fields: dict) -> Variant:
    product = product_for_manager(actor, product_id)
    _check_options(fields.get("options"))
    _check_sku(fields["sku"], None)
    _check_currency(product, fields["currency"], None)
    on_hand = fields.pop("on_hand", 0)
    prices = fields.pop("prices", None)
    variant = Variant(product_id=product.id, on_hand=on_hand, reserved=0, **fields)
    _set_prices(variant, prices or [])
    db.session.add(variant)
    db.session.flush()
    product.currency = variant.currency
    refresh_price_range(product)
    db.session.flush()
    product_event(product)
    inventory.inventory_event(variant)
    return variant


def update_variant(actor: User, variant_id: int, fields: dict) -> Variant:
    variant = variant_for_manager(actor, variant_id)
    _check_options(fields.get("options"))
    if "sku" in fields:
        _check_sku(fields["sku"], variant.id)
    if "currency" in fields:
        _check_currency(variant.product, fields["currency"], variant.id)
    stock = {name: fields.pop(name) for name in ("on_hand", "low_stock_threshold")
             if name in fields}
    prices = fields.pop("prices", None)
    for name, value in fields.items():
        setattr(variant, name, value)
    _set_prices(variant, prices)
    db.session.flush()
    if stock:
        inventory.set_stock(variant, stock.get("on_hand", variant.on_hand),
                            stock.get("low_stock_threshold"))
    product = variant.product
    product.currency = variant.currency
    refresh_price_range(product)
    db.session.flush()
    product_event(product)
    return variant


def delete_variant(actor: User, variant_id: int) -> None:
    variant = variant_for_manager(actor, variant_id)
    if variant.reserved:
        raise VariantReserved("Units of this variant are reserved by open orders.")
    product = variant.product
    db.session.delete(variant)
    db.session.flush()
    refresh_price_range(product)
    db.session.flush()
    product_event(product)


def set_variant_stock(actor: User, variant_id: int, on_hand: int,
                      low_stock_threshold: int | None, location_id: int | None = None) -> Variant:
    """Count a variant's stock at a location (404 ``location_not_found`` for an unknown
    one)."""
    variant = variant_for_manager(actor, variant_id)
    if location_id is not None:
        locations.get_location(location_id)
    return inventory.set_stock(variant, on_hand, low_stock_threshold, location_id)


def add_product_image(actor: User, product_id: int, data: bytes, alt: str) -> ProductImage:
    product = product_for_manager(actor, product_id)
    image = images.add_image(product, data, alt)
    product_event(product)
    return image


def reorder_product_images(actor: User, product_id: int,
                           image_ids: list[int]) -> list[ProductImage]:
    product = product_for_manager(actor, product_id)
    ordered = images.reorder_images(product, image_ids)
    product_event(product)
    return ordered


def delete_product_image(actor: User, image_id: int) -> None:
    image = image_for_manager(actor, image_id)
    product = image.product
    images.delete_image(image)
    product_event(product)
