"""Who may call each catalog write: admin, owning seller, other seller, customer, anonymous.

Allowed callers get their success status; another seller gets 404 (existence does not leak);
a customer, known but not allowed, 403; an anonymous caller 401.
"""

from __future__ import annotations

import io

import pytest
from PIL import Image

from models import ProductImage, db
from tests.factories import CategoryFactory, ProductFactory, UserFactory, VariantFactory

ROLES = ["admin", "owner", "other_seller", "customer", "anonymous"]
EXPECTED_REFUSALS = {"other_seller": 404, "customer": 403, "anonymous": 401}


def _png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4)).save(buffer, format="PNG")
    return buffer.getvalue()


@pytest.fixture
def world(auth_headers):
    owner = UserFactory(role="seller")
    product = ProductFactory(seller_id=owner.id)
    variant = VariantFactory(product_id=product.id, on_hand=5)
    image = ProductImage(product_id=product.id, storage_key="k/none.png", url="/media/k.png",
                         alt="", position=0, content_type="image/png")
    db.session.add(image)
    db.session.flush()
    headers = {
        "admin": auth_headers(UserFactory(role="admin")),
        "owner": auth_headers(owner),
        "other_seller": auth_headers(UserFactory(role="seller")),
        "customer": auth_headers(UserFactory(role="customer")),
        "anonymous": {},
    }
    return {"product": product, "variant": variant, "image": image, "headers": headers}


OPERATIONS = {
    "patch product": (lambda w: ("patch", f"/api/v1/products/{w['product'].id}",
                                 {"json": {"name": "Renamed"}}), 200),
    "add variant": (lambda w: ("post", f"/api/v1/products/{w['product'].id}/variants",
                               {"json": {"sku": "NEW-SKU-1", "name": "N", "price": 100}}), 201),
    "get variant": (lambda w: ("get", f"/api/v1/variants/{w['variant'].id}", {}), 200),
    "patch variant": (lambda w: ("patch", f"/api/v1/variants/{w['variant'].id}",
                                 {"json": {"price": 4200}}), 200),
    "set inventory": (lambda w: ("put", f"/api/v1/variants/{w['variant'].id}/inventory",
                                 {"json": {"on_hand": 9}}), 200),
    "upload image": (lambda w: ("post", f"/api/v1/products/{w['product'].id}/images",
                                {"data": {"file": (io.BytesIO(_png()), "a.png")},
                                 "content_type": "multipart/form-data"}), 201),
    "order images": (lambda w: ("put", f"/api/v1/products/{w['product'].id}/images/order",
                                {"json": {"image_ids": [w["image"].id]}}), 200),
    "delete image": (lambda w: ("delete", f"/api/v1/images/{w['image'].id}", {}), 204),
    "delete variant": (lambda w: ("delete", f"/api/v1/variants/{w['variant'].id}", {}), 204),
    "delete product": (lambda w: ("delete", f"/api/v1/products/{w['product'].id}", {}), 204),
}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("operation", sorted(OPERATIONS))
def test_catalog_write_authorization(client, world, operation, role):
    build, success = OPERATIONS[operation]
    method, url, kwargs = build(world)
    response = getattr(client, method)(url, headers=world["headers"][role], **kwargs)
    expected = success if role in ("admin", "owner") else EXPECTED_REFUSALS[role]
    assert response.status_code == expected, (operation, role, response.json)


@pytest.mark.parametrize("role, status", [("admin", 201), ("owner", 201), ("customer", 403),
                                          ("anonymous", 401)])
def test_product_creation_authorization(client, world, role, status):
    body = {"name": "Fresh", "category_id": CategoryFactory().id}
    response = client.post("/api/v1/products", json=body, headers=world["headers"][role])
    assert response.status_code == status
