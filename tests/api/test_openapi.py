"""schemathesis against /api/openapi.json, for every role: no server error, no response that
breaks the documented schema, status codes and content types."""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.core.parameters import ParameterLocation
from schemathesis.specs.openapi.checks import (
    negative_data_rejection,
    positive_data_acceptance,
)

from models import db
from tests.factories import UserFactory
from tests.helpers import another_app


@pytest.fixture
def api_schema(app):
    return schemathesis.openapi.from_wsgi("/api/openapi.json", app)


schema = schemathesis.pytest.from_fixture("api_schema")


def test_openapi_document_is_served_and_lists_the_contract(client):
    document = client.get("/api/openapi.json").json
    assert document["openapi"].startswith("3.")
    paths = set(document["paths"])
    assert {"/healthz", "/readyz", "/api/v1/auth/register", "/api/v1/auth/login",
            "/api/v1/auth/refresh", "/api/v1/auth/logout", "/api/v1/auth/password-reset",
            "/api/v1/auth/password-reset/confirm", "/api/v1/me", "/api/v1/me/addresses",
            "/api/v1/me/addresses/{address_id}"} <= paths
    for path, operations in document["paths"].items():
        for method, operation in operations.items():
            if method in {"get", "post", "put", "patch", "delete"}:
                assert operation.get("summary"), f"{method.upper()} {path} has no summary"


def test_swagger_ui_is_served_without_a_cdn(client):
    page = client.get("/api/docs")
    assert page.status_code == 200 and b"swagger-ui" in page.data
    assert client.get("/api/docs/static/swagger-ui-bundle.js").status_code == 200


def schema_valid_input_passes_the_request_schema(ctx, response, case):
    """Stands in for schemathesis' positive_data_acceptance.

    A request the OpenAPI document calls valid may still be refused by the domain (an
    unknown category, a spent reset token, a special-use email domain): those answers carry
    an ``error_code``. It must never be refused by the request schema itself, which would
    mean the document and the validation disagree.
    """
    meta = case.meta
    if meta is None or not meta.generation.mode.is_positive or response.status_code != 422:
        return None
    body = response.json()
    if "error_code" not in body:
        raise AssertionError(f"a schema-valid request failed schema validation: {body}")
    return True


def _excluded_checks(case) -> list:
    excluded = [positive_data_acceptance]
    if case.method.upper() == "GET":
        # Unknown query arguments are ignored, as most APIs do (cache-busters); the contract
        # rejects unknown fields in bodies, which the other methods still check.
        excluded.append(negative_data_rejection)
    return excluded


def _caller_headers(case, headers):
    """The caller's headers (its token), unless the case is negative in its headers: then
    it was generated to lack or break one (a missing Authorization), and putting the token
    back would send a valid request that schemathesis still takes for invalid data."""
    meta = case.meta
    info = meta.components.get(ParameterLocation.HEADER) if meta is not None else None
    if meta is not None and meta.generation.mode.is_negative and info is not None \
            and info.mode.is_negative:
        return {}
    return headers


def _check(case, headers=None):
    headers = _caller_headers(case, headers) if headers else headers
    case.call_and_validate(headers=headers, excluded_checks=_excluded_checks(case),
                           additional_checks=[schema_valid_input_passes_the_request_schema])


FUZZ = settings(max_examples=15, deadline=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                                       HealthCheck.filter_too_much])


def _headers_for(role: str, auth_headers) -> dict[str, str]:
    """A token for one user of ``role``, kept for the whole test: Hypothesis runs every
    example in one transaction, and a user per example would only slow it down."""
    from models import User, db

    user = db.session.scalar(db.select(User).where(User.email == f"fuzz-{role}@example.com"))
    if user is None:
        user = UserFactory(role=role, email=f"fuzz-{role}@example.com")
    return auth_headers(user)


@schema.parametrize()
@FUZZ
def test_api_conforms_as_anonymous(case):
    _check(case)


@schema.parametrize()
@FUZZ
def test_api_conforms_as_customer(case, auth_headers):
    _check(case, _headers_for("customer", auth_headers))


@schema.parametrize()
@FUZZ
def test_api_conforms_as_seller(case, auth_headers):
    _check(case, _headers_for("seller", auth_headers))


@schema.parametrize()
@FUZZ
def test_api_conforms_as_admin(case, auth_headers):
    _check(case, _headers_for("admin", auth_headers))


def test_the_openapi_document_builds_without_warnings(app):
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        another_app(app)


STATEFUL = settings(max_examples=50, stateful_step_count=10, deadline=None,
                    suppress_health_check=list(HealthCheck))


def _run_workflows(app, connection, headers: dict[str, str]) -> None:
    """Sequences of calls chained by the links schemathesis infers from the document
    (create a category, then a product in it, then a variant of that product, then its
    stock, ...), so that ids are real and the deeper paths run, not only 404s. Besides the
    per-response checks, the stateful ones: what was created can be read back, and what
    was deleted is gone."""
    machine = schemathesis.openapi.from_wsgi("/api/openapi.json", app).as_state_machine()

    class Workflows(machine):
        # Every scenario starts from the same data (Hypothesis replays scenarios and needs
        # the same answers): a savepoint per scenario, rolled back after it.
        def setup(self):
            db.session.close()
            self.savepoint = connection.begin_nested()

        def teardown(self):
            db.session.close()
            if self.savepoint.is_active:
                self.savepoint.rollback()
            app.extensions["stockroom.catalog_cache"].invalidate()

        def get_call_kwargs(self, case):
            return {"headers": _caller_headers(case, headers)}

        def validate_response(self, response, case, additional_checks=None, **kwargs):
            case.validate_response(
                response, excluded_checks=_excluded_checks(case),
                additional_checks=[schema_valid_input_passes_the_request_schema],
                headers=_caller_headers(case, headers), transport_kwargs=kwargs or None,
                recorder=self.recorder)

    assert len(machine._transitions.operations) > 20, "no links were inferred"
    Workflows.run(settings=STATEFUL)


@pytest.mark.parametrize("role", ["anonymous", "customer", "seller", "admin"])
def test_api_workflows_conform(app, _db, auth_headers, role):
    headers = {} if role == "anonymous" else _headers_for(role, auth_headers)
    db.session.commit()  # the caller outlives each scenario's savepoint
    _run_workflows(app, _db, headers)
