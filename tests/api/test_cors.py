from __future__ import annotations

from tests.helpers import another_app


def test_cors_allows_configured_origins_only(app):
    configured = another_app(app, CORS_ORIGINS="https://shop.example.com")
    client = configured.test_client()
    allowed = client.options("/api/v1/auth/login", headers={
        "Origin": "https://shop.example.com", "Access-Control-Request-Method": "POST"})
    assert allowed.headers["Access-Control-Allow-Origin"] == "https://shop.example.com"
    refused = client.options("/api/v1/auth/login", headers={
        "Origin": "https://evil.example.com", "Access-Control-Request-Method": "POST"})
    assert "Access-Control-Allow-Origin" not in refused.headers
    exposed = client.get("/api/openapi.json", headers={"Origin": "https://shop.example.com"})
    assert "X-Pagination" in exposed.headers["Access-Control-Expose-Headers"]
