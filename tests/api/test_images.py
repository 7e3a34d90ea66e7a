"""Image uploads: content-checked, size-capped, stored, ordered, removed with the product."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image

from models import ProductImage, db
from tests.factories import ProductFactory, UserFactory

PRODUCTS = "/api/v1/products"


def image_bytes(fmt: str = "PNG", size=(8, 8)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, (200, 30, 30)).save(buffer, format=fmt)
    return buffer.getvalue()


def upload(client, product_id, data: bytes, filename: str, headers, alt="A red square"):
    return client.post(f"{PRODUCTS}/{product_id}/images", headers=headers,
                       data={"file": (io.BytesIO(data), filename), "alt": alt},
                       content_type="multipart/form-data")


@pytest.fixture
def seller(auth_headers):
    user = UserFactory(role="seller")
    return user, auth_headers(user)


@pytest.mark.parametrize("fmt, content_type", [("PNG", "image/png"), ("JPEG", "image/jpeg"),
                                               ("WEBP", "image/webp")])
def test_upload_stores_and_serves_the_image(client, app, seller, fmt, content_type):
    user, headers = seller
    product = ProductFactory(seller_id=user.id)
    data = image_bytes(fmt)
    # The name says nothing: the content decides.
    response = upload(client, product.id, data, "photo.bin", headers)
    assert response.status_code == 201, response.json
    body = response.json
    assert body["alt"] == "A red square" and body["position"] == 0
    row = db.session.get(ProductImage, body["id"])
    assert row.content_type == content_type
    served = client.get(body["url"])
    assert served.status_code == 200 and served.data == data
    served.close()
    assert client.get(f"{PRODUCTS}/{product.slug}").json["images"][0]["url"] == body["url"]


@pytest.mark.parametrize("data, name", [
    (b"this is plain text, not a picture", "cat.jpg"),
    (b"GIF89a" + b"\x00" * 32, "anim.gif"),
    (b"", "empty.png"),
])
def test_non_images_are_refused_whatever_their_name(client, seller, data, name):
    user, headers = seller
    product = ProductFactory(seller_id=user.id)
    response = upload(client, product.id, data, name, headers)
    assert response.status_code == 422 and "file" in response.json["errors"]
    assert db.session.query(ProductImage).count() == 0


def test_an_unknown_form_part_is_refused_as_an_unknown_json_field_is(client, seller):
    # Found by schemathesis: webargs drops unknown parts of a multipart body by default.
    user, headers = seller
    product = ProductFactory(seller_id=user.id)
    response = client.post(f"{PRODUCTS}/{product.id}/images", headers=headers,
                           data={"file": (io.BytesIO(image_bytes()), "a.png"), "alt": "",
                                 "position": "3"},
                           content_type="multipart/form-data")
    assert response.status_code == 422 and "position" in response.json["errors"]
    assert db.session.query(ProductImage).count() == 0


def test_a_real_gif_is_refused(client, seller):
    user, headers = seller
    product = ProductFactory(seller_id=user.id)
    response = upload(client, product.id, image_bytes("GIF"), "x.gif", headers)
    assert response.status_code == 422


def test_an_oversized_upload_is_413(client, app, seller):
    user, headers = seller
    product = ProductFactory(seller_id=user.id)
    too_big = image_bytes() + b"\x00" * app.config["MAX_UPLOAD_BYTES"]
    response = upload(client, product.id, too_big, "big.png", headers)
    assert response.status_code == 413 and response.json["code"] == 413


def test_missing_file_is_422(client, seller):
    user, headers = seller
    product = ProductFactory(seller_id=user.id)
    response = client.post(f"{PRODUCTS}/{product.id}/images", headers=headers,
                           data={"alt": "x"}, content_type="multipart/form-data")
    assert response.status_code == 422 and "file" in response.json["errors"]


def test_order_and_delete(client, app, seller):
    user, headers = seller
    product = ProductFactory(seller_id=user.id)
    ids = [upload(client, product.id, image_bytes(), f"{n}.png", headers).json["id"]
           for n in range(3)]
    reordered = client.put(f"{PRODUCTS}/{product.id}/images/order",
                           json={"image_ids": [ids[2], ids[0], ids[1]]}, headers=headers)
    assert reordered.status_code == 200
    assert [(i["id"], i["position"]) for i in reordered.json] == [
        (ids[2], 0), (ids[0], 1), (ids[1], 2)]
    listed = client.get(f"{PRODUCTS}/{product.slug}").json["images"]
    assert [image["id"] for image in listed] == [ids[2], ids[0], ids[1]]
    incomplete = client.put(f"{PRODUCTS}/{product.id}/images/order",
                            json={"image_ids": [ids[0]]}, headers=headers)
    assert incomplete.status_code == 422

    path = Path(app.config["MEDIA_ROOT"]) / db.session.get(ProductImage, ids[0]).storage_key
    assert path.exists()
    assert client.delete(f"/api/v1/images/{ids[0]}", headers=headers).status_code == 204
    assert not path.exists()


def test_images_go_with_their_product(client, app, seller):
    user, headers = seller
    product = ProductFactory(seller_id=user.id)
    image_id = upload(client, product.id, image_bytes(), "a.png", headers).json["id"]
    path = Path(app.config["MEDIA_ROOT"]) / db.session.get(ProductImage, image_id).storage_key
    assert client.delete(f"{PRODUCTS}/{product.id}", headers=headers).status_code == 204
    assert not path.exists()
    assert db.session.get(ProductImage, image_id) is None


def test_another_seller_cannot_touch_images(client, seller, auth_headers):
    user, headers = seller
    product = ProductFactory(seller_id=user.id)
    image_id = upload(client, product.id, image_bytes(), "a.png", headers).json["id"]
    other = auth_headers(UserFactory(role="seller"))
    assert upload(client, product.id, image_bytes(), "b.png", other).status_code == 404
    assert client.delete(f"/api/v1/images/{image_id}", headers=other).status_code == 404
    assert client.put(f"{PRODUCTS}/{product.id}/images/order", json={"image_ids": [image_id]},
                      headers=other).status_code == 404
    customer = auth_headers(UserFactory())
    assert client.delete(f"/api/v1/images/{image_id}", headers=customer).status_code == 403


def test_a_rolled_back_upload_leaves_no_file(app, seller):
    from services import images

    user, _ = seller
    product = ProductFactory(seller_id=user.id)
    image = images.add_image(product, image_bytes(), "")
    path = Path(app.config["MEDIA_ROOT"]) / image.storage_key
    assert path.exists()
    db.session.rollback()
    assert not path.exists()
