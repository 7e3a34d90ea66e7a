"""Headers every answer carries: the request id, and the security headers (unless the view
set its own), with a no-content policy on JSON."""

from __future__ import annotations

from tests.helpers import another_app

SECURITY = {"X-Content-Type-Options": "nosniff", "X-Frame-Options": "DENY",
            "Referrer-Policy": "no-referrer", "Cross-Origin-Opener-Policy": "same-origin"}


def test_json_answers_carry_the_security_headers_once(client):
    for response in (client.get("/healthz"), client.get("/api/v1/products"),
                     client.get("/api/v1/nothing-here")):
        for name, value in SECURITY.items():
            assert response.headers.getlist(name) == [value], name
        assert response.headers["Content-Security-Policy"] == (
            "default-src 'none'; frame-ancestors 'none'")
        assert response.headers["X-Request-ID"]
        # Not production: no HSTS on plain-HTTP development servers.
        assert "Strict-Transport-Security" not in response.headers


def test_a_page_gets_the_security_headers_but_not_the_json_policy(client):
    page = client.get("/api/docs")
    assert page.status_code == 200 and page.mimetype == "text/html"
    assert page.headers["X-Frame-Options"] == "DENY"
    assert "Content-Security-Policy" not in page.headers


def test_a_view_that_sets_its_own_header_keeps_it(app):
    from flask import Blueprint, jsonify

    other = another_app(app)
    blueprint = Blueprint("framed", __name__)

    @blueprint.get("/framed")
    def framed():
        response = jsonify(ok=True)
        response.headers["X-Frame-Options"] = "SAMEORIGIN"
        response.headers["Content-Security-Policy"] = "default-src 'self'"
        return response

    other.register_blueprint(blueprint)
    response = other.test_client().get("/framed")
    assert response.headers.getlist("X-Frame-Options") == ["SAMEORIGIN"]
    assert response.headers.getlist("Content-Security-Policy") == ["default-src 'self'"]
    assert response.headers["X-Content-Type-Options"] == "nosniff"
