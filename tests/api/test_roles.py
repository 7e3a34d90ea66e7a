"""The role-required decorator: 401 without a token, 403 with the wrong role."""

from __future__ import annotations

import pytest
from flask.views import MethodView

from core.auth import Blueprint
from tests.factories import UserFactory
from tests.helpers import another_app


@pytest.fixture(scope="module")
def guarded_client(app):
    # Routes for this test only, on an app of their own.
    guarded = another_app(app)
    blueprint = Blueprint("roles_test", __name__)

    @blueprint.route("/admin-only")
    class AdminOnly(MethodView):
        @blueprint.auth_required("admin")
        @blueprint.response(200)
        def get(self):
            """An admin-only route"""
            return {"ok": True}

    @blueprint.route("/staff")
    class Staff(MethodView):
        @blueprint.auth_required("admin", "seller")
        @blueprint.response(200)
        def get(self):
            """A route for admins and sellers"""
            return {"ok": True}

    guarded.extensions["stockroom.api"].register_blueprint(blueprint, url_prefix="/_test/roles")
    return guarded.test_client()


@pytest.mark.parametrize("role, admin_only, staff", [
    ("anonymous", 401, 401),
    ("customer", 403, 403),
    ("seller", 403, 200),
    ("admin", 200, 200),
])
def test_role_required(guarded_client, auth_headers, role, admin_only, staff):
    headers = {} if role == "anonymous" else auth_headers(UserFactory(role=role))
    assert guarded_client.get("/_test/roles/admin-only", headers=headers).status_code == admin_only
    assert guarded_client.get("/_test/roles/staff", headers=headers).status_code == staff


def test_forbidden_is_the_contract_shape(guarded_client, auth_headers):
    response = guarded_client.get("/_test/roles/admin-only",
                                  headers=auth_headers(UserFactory(role="customer")))
    assert response.json["code"] == 403 and response.json["error_code"] == "forbidden"
