"""Product images: content-checked uploads, ordering and removal."""

from __future__ import annotations

import io
import uuid
import warnings

import sqlalchemy as sa
from flask import current_app
from PIL import Image, UnidentifiedImageError

from core.errors import NotFound, ValidationFailed
from models import Product, ProductImage, db
from services import transactions
from services.storage import Storage

# The content decides, never the file name: Pillow's format names to what we serve.
ALLOWED_FORMATS = {"JPEG": ("image/jpeg", "jpg"), "PNG": ("image/png", "png"),
                   "WEBP": ("image/webp", "webp")}
# A small file can still decode to a huge bitmap (a decompression bomb).
MAX_PIXELS = 40_000_000


class ImageNotFound(NotFound):
    error_code = "image_not_found"


class UnsupportedImage(ValidationFailed):
    error_code = "unsupported_image"


def storage() -> Storage:
    return current_app.extensions["stockroom.storage"]


def sniff_image(data: bytes) -> tuple[str, str]:
    """The (content type, extension) of an allowed image, or ``UnsupportedImage``."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as image:
                image_format = image.format
                width, height = image.size
                image.verify()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError,
            Image.DecompressionBombWarning, Image.DecompressionBombError) as exc:
        raise UnsupportedImage("The file is not a JPEG, PNG or WebP image.",
                               errors={"file": ["Not a JPEG, PNG or WebP image."]}) from exc
    if image_format not in ALLOWED_FORMATS:
        raise UnsupportedImage("Only JPEG, PNG and WebP images are accepted.",
                               errors={"file": [f"{image_format} is not accepted."]})
    if width * height > MAX_PIXELS:
        raise UnsupportedImage(errors={"file": ["The image has too many pixels."]})
    return ALLOWED_FORMATS[image_format]


def add_image(product: Product, data: bytes, alt: str) -> ProductImage:
    """Store an uploaded image as the product's last; the file goes if the row rolls back."""
    content_type, extension = sniff_image(data)
    key = f"products/{product.id}/{uuid.uuid4().hex}.{extension}"
    store = storage()
    url = store.save(key, data, content_type)
    transactions.on_rollback(lambda: store.delete(key))
    position = db.session.scalar(
        sa.select(sa.func.coalesce(sa.func.max(ProductImage.position) + 1, 0))
        .where(ProductImage.product_id == product.id))
    image = ProductImage(product_id=product.id, storage_key=key, url=url, alt=alt,
                         position=position, content_type=content_type)
    db.session.add(image)
    db.session.flush()
    return image


def delete_files_after_commit(keys: list[str]) -> None:
    store = storage()
    for key in keys:
        transactions.on_commit(lambda key=key: store.delete(key))


def delete_image(image: ProductImage) -> None:
    delete_files_after_commit([image.storage_key])
    db.session.delete(image)
    db.session.flush()


def reorder_images(product: Product, image_ids: list[int]) -> list[ProductImage]:
    """Put the product's images in the order given; the list must name each exactly once."""
    current = {image.id: image for image in product.images}
    if sorted(image_ids) != sorted(current):
        raise ValidationFailed("List every image of the product exactly once.",
                               errors={"image_ids": ["Must list each of the product's images "
                                                     "exactly once."]})
    for position, image_id in enumerate(image_ids):
        current[image_id].position = position
    db.session.flush()
    return [current[image_id] for image_id in image_ids]
