"""The OpenAPI document is exact: valid, an operation id each, every response field required
(or marked), enums for the closed sets, the headers and error answers each operation gives,
and real answers of a whole storefront and back-office flow that match it field by field."""

from __future__ import annotations

import json
import re

import pytest
from openapi_schema_validator import OAS30Validator
from openapi_spec_validator import validate

from models import (
    DeliveryStatus,
    DiscountKind,
    OrderStatus,
    PaymentStatus,
    ProductStatus,
    RefundStatus,
    Role,
)
from tests.factories import CategoryFactory, ProductFactory, UserFactory, VariantFactory

METHODS = ("get", "post", "put", "patch", "delete")
ADDRESS = {"full_name": "Ada Lovelace", "line1": "1 Main St", "city": "London",
           "postal_code": "N1 1AA", "country": "GB"}


@pytest.fixture
def document(client):
    return client.get("/api/openapi.json").json


def operations(document):
    for path, item in document["paths"].items():
        for method in METHODS:
            if method in item:
                yield path, method, item[method]


def resolve(document, node):
    while isinstance(node, dict) and "$ref" in node:
        *_, kind, name = node["$ref"].split("/")
        node = document["components"][kind][name]
    return node


def test_the_document_is_valid_openapi(document):
    validate(document)


def test_every_operation_has_a_stable_readable_id(document):
    ids = [operation.get("operationId") for *_, operation in operations(document)]
    assert None not in ids
    assert len(ids) == len(set(ids))
    assert all(re.fullmatch(r"[a-z][A-Za-z]+", op_id) for op_id in ids), ids
    assert {"listProducts", "getProduct", "addCartItem", "checkout", "settleFakePayment",
            "getOrder", "cancelOrder", "refundOrder"} <= set(ids)


def test_no_two_templated_paths_have_the_same_shape(document):
    shapes = [re.sub(r"\{[^}]+\}", "{}", path) for path in document["paths"]]
    assert len(shapes) == len(set(shapes))


def _response_schemas(document) -> set[str]:
    """The component schemas an answer can hold (not the error body), nested ones too."""
    found: set[str] = set()

    def walk(node):
        if isinstance(node, dict):
            ref = node.get("$ref", "")
            if ref.startswith("#/components/schemas/") and ref.split("/")[-1] not in found:
                found.add(ref.split("/")[-1])
                walk(document["components"]["schemas"][ref.split("/")[-1]])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    for *_, operation in operations(document):
        for status, response in operation["responses"].items():
            if status.startswith("2"):
                walk(resolve(document, response))
    return found


def test_every_response_field_is_required_or_nullable_on_purpose(document):
    schemas = document["components"]["schemas"]
    names = _response_schemas(document)
    assert {"Order", "Cart", "CartItem", "Product", "ProductListItem", "Variant", "User",
            "AuthResult", "CheckoutResult", "Payment", "Refund", "Delivery"} <= names
    for name in names:
        schema = schemas[name]
        assert set(schema.get("required", [])) == set(schema["properties"]), name


@pytest.mark.parametrize(("schema", "field", "values"), [
    ("Order", "status", OrderStatus), ("Order", "payment_status", PaymentStatus),
    ("AdminOrder", "status", OrderStatus), ("TimelineEntry", "status", OrderStatus),
    ("User", "role", Role), ("AdminUser", "role", Role), ("Product", "status", ProductStatus),
    ("Discount", "kind", DiscountKind), ("Delivery", "status", DeliveryStatus),
    ("Refund", "status", RefundStatus),
])
def test_closed_sets_are_enums(document, schema, field, values):
    prop = document["components"]["schemas"][schema]["properties"][field]
    assert set(prop["enum"]) == {value.value for value in values}


def test_error_answers_are_listed_per_operation(document):
    for path, method, operation in operations(document):
        responses, name = operation["responses"], f"{method.upper()} {path}"
        assert "400" in responses, name
        if "{" in path:
            assert "404" in responses, name
        if "requestBody" in operation:
            assert {"413", "422"} <= set(responses), name
        if any("bearerAuth" in requirement for requirement in operation.get("security", [])):
            assert "401" in responses, name
        for status, response in responses.items():
            if status != "default" and status[0] in "45":
                body = resolve(document, response)["content"]["application/json"]["schema"]
                assert "Error" in json.dumps(body), name
    by_id = {operation["operationId"]: operation for *_, operation in operations(document)}
    checkout_conflicts = resolve(document, by_id["checkout"]["responses"]["409"])
    codes = checkout_conflicts["content"]["application/json"]["schema"]["allOf"][1]
    assert {"empty_cart", "out_of_stock", "idempotency_key_in_flight", "currency_mismatch"} \
        <= set(codes["properties"]["error_code"]["enum"])
    assert "403" in by_id["listAdminOrders"]["responses"]
    assert "409" in by_id["cancelOrder"]["responses"]


def test_headers_are_declared_where_they_are_sent(document):
    by_id = {operation["operationId"]: operation for *_, operation in operations(document)}
    for op_id in ("getCart", "addCartItem", "updateCartItem", "removeCartItem",
                  "applyCartDiscount", "removeCartDiscount"):
        operation = by_id[op_id]
        assert operation["security"] == [{}, {"bearerAuth": []}], op_id
        success = [r for s, r in operation["responses"].items() if s.startswith("2")]
        assert all("X-Cart-Token" in response["headers"] for response in success), op_id
    for op_id in ("checkout", "refundOrder"):
        assert "Idempotent-Replayed" in by_id[op_id]["responses"]["200"]["headers"]
    assert "ETag" in by_id["listProducts"]["responses"]["200"]["headers"]
    assert "X-Pagination" in by_id["listOrders"]["responses"]["200"]["headers"]
    pagination = document["components"]["headers"]["PAGINATION"]
    assert pagination["content"]["application/json"]["schema"]["properties"].keys() == {
        "total", "total_pages", "first_page", "last_page", "page", "previous_page",
        "next_page"}
    for path, method, operation in operations(document):
        for status, response in operation["responses"].items():
            headers = resolve(document, response).get("headers", {})
            assert ("Retry-After" in headers) == (status in ("429", "503")), \
                f"{method.upper()} {path} {status}"


class Conformance:
    """Checks each real answer against what the document says that operation answers."""

    def __init__(self, document):
        self.document = document
        self.templates = [(re.compile("^" + re.sub(r"\\\{[^}]+\\\}", "[^/]+", re.escape(path))
                                      + "$"), path) for path in document["paths"]]
        self.checked: set[tuple[str, int]] = set()

    def __call__(self, method: str, url: str, response):
        path = url.split("?")[0]
        template = next((template for pattern, template in self.templates
                         if pattern.match(path)), None)
        # Prefer the literal path over a templated one (/cart/discount over /cart/{id}).
        template = path if path in self.document["paths"] else template
        assert template is not None, f"{method} {path} is not in the document"
        operation = self.document["paths"][template][method.lower()]
        status = str(response.status_code)
        assert status in operation["responses"], \
            f"{operation['operationId']} answered {status}, which it does not declare"
        declared = resolve(self.document, operation["responses"][status])
        content = declared.get("content", {}).get("application/json")
        if content is None:
            assert not response.data, f"{operation['operationId']} {status} has a body"
        else:
            schema = {**content["schema"], "components": self.document["components"]}
            errors = sorted(OAS30Validator(schema).iter_errors(response.json),
                            key=lambda error: list(error.path))
            assert not errors, (operation["operationId"], status,
                                [f"{list(e.path)}: {e.message}" for e in errors[:5]])
        for name, header in declared.get("headers", {}).items():
            if resolve(self.document, header).get("required"):
                assert name in response.headers, (operation["operationId"], name)
        self.checked.add((operation["operationId"], response.status_code))
        return response


@pytest.fixture
def call(client, document):
    check = Conformance(document)

    def call(method: str, url: str, **kwargs):
        return check(method, url, client.open(url, method=method, **kwargs))

    call.checked = check.checked
    return call


def test_a_whole_storefront_and_back_office_flow_answers_as_documented(call, auth_headers,
                                                                      run_consumers):
    category = CategoryFactory(name="Mugs", slug="mugs")
    product = ProductFactory(category=category, slug="blue-mug")
    variant = VariantFactory(product=product, on_hand=5, price=1250)
    admin = UserFactory(role="admin")
    admin_headers = auth_headers(admin)

    assert call("GET", "/healthz").status_code == 200
    assert call("GET", "/api/v1/categories").status_code == 200
    assert call("GET", "/api/v1/products?page_size=5").status_code == 200
    by_slug = call("GET", "/api/v1/products/blue-mug")
    by_id = call("GET", f"/api/v1/products/{product.id}")
    assert by_slug.status_code == by_id.status_code == 200 and by_slug.json == by_id.json
    assert call("GET", "/api/v1/products/no-such-mug").status_code == 404
    assert call("GET", f"/api/v1/products/{product.id}/reviews").status_code == 200

    # A guest's cart, then an account that takes it over.
    guest = call("POST", "/api/v1/cart/items", json={"variant_id": variant.id, "quantity": 2})
    assert guest.status_code == 201
    token = guest.headers["X-Cart-Token"]
    assert call("POST", "/api/v1/cart/items", json={"variant_id": variant.id, "quantity": 50},
                headers={"X-Cart-Token": token}).status_code == 409
    assert call("PUT", "/api/v1/cart/discount", json={"code": "NOPE"},
                headers={"X-Cart-Token": token}).status_code == 422
    registered = call("POST", "/api/v1/auth/register", headers={"X-Cart-Token": token}, json={
        "email": "ada@example.com", "password": "long-enough-password", "full_name": "Ada"})
    assert registered.status_code == 201
    assert call("POST", "/api/v1/auth/register", json={
        "email": "ADA@example.com", "password": "long-enough-password",
        "full_name": "Ada"}).status_code == 409
    me = {"Authorization": f"Bearer {registered.json['access_token']}"}
    assert call("GET", "/api/v1/me", headers=me).status_code == 200
    assert call("GET", "/api/v1/me").status_code == 401
    cart = call("GET", "/api/v1/cart", headers=me)
    assert [item["quantity"] for item in cart.json["items"]] == [2]
    line = cart.json["items"][0]["id"]
    assert call("PATCH", f"/api/v1/cart/items/{line}", json={"quantity": 1},
                headers=me).status_code == 200
    assert call("POST", "/api/v1/me/addresses", json=ADDRESS, headers=me).status_code == 201
    assert call("GET", "/api/v1/me/addresses", headers=me).status_code == 200

    # Checkout with a key, its replay, the fake settle, the order, its cancel.
    keyed = {**me, "Idempotency-Key": "flow-1"}
    placed = call("POST", "/api/v1/checkout", json={"shipping_address": ADDRESS}, headers=keyed)
    assert placed.status_code == 201
    replay = call("POST", "/api/v1/checkout", json={"shipping_address": ADDRESS}, headers=keyed)
    assert replay.status_code == 200 and replay.headers["Idempotent-Replayed"] == "true"
    assert call("POST", "/api/v1/checkout", json={"shipping_address": ADDRESS},
                headers={**me, "Idempotency-Key": "flow-2"}).status_code == 409
    order_id = placed.json["order"]["id"]
    intent = placed.json["payment"]["payment_intent_id"]
    assert call("POST", f"/api/v1/payments/fake/{intent}/settle", json={"outcome": "succeeded"},
                headers=me).status_code == 202
    run_consumers()
    assert call("GET", f"/api/v1/orders/{order_id}", headers=me).status_code == 200
    assert call("GET", "/api/v1/orders", headers=me).status_code == 200
    assert call("GET", "/api/v1/orders/999999", headers=me).status_code == 404

    # The back office.
    assert call("GET", "/api/v1/admin/orders", headers=me).status_code == 403
    assert call("GET", "/api/v1/admin/orders", headers=admin_headers).status_code == 200
    assert call("GET", f"/api/v1/admin/orders/{order_id}",
                headers=admin_headers).status_code == 200
    refund = call("POST", f"/api/v1/admin/orders/{order_id}/refund", json={"amount": 100},
                  headers={**admin_headers, "Idempotency-Key": "refund-1"})
    assert refund.status_code == 201
    for url in ("/api/v1/admin/users", "/api/v1/admin/discounts",
                "/api/v1/admin/webhook-deliveries", "/api/v1/admin/audit-log",
                "/api/v1/admin/analytics/summary", "/api/v1/admin/inventory/low-stock"):
        assert call("GET", url, headers=admin_headers).status_code == 200, url
    seller = auth_headers(UserFactory(role="seller"))
    assert call("GET", "/api/v1/seller/orders", headers=seller).status_code == 200
    assert call("POST", "/api/v1/admin/discounts", headers=admin_headers, json={
        "code": "TENOFF", "kind": "percent", "value": 10}).status_code == 201
    assert call("PATCH", f"/api/v1/variants/{variant.id}", json={"price": 1300},
                headers=admin_headers).status_code == 200
    assert call("POST", f"/api/v1/orders/{order_id}/cancel", headers=me).status_code == 200
    assert call("POST", f"/api/v1/orders/{order_id}/cancel", headers=me).status_code == 409
    assert len(call.checked) >= 39  # distinct (operation, status) answers checked
