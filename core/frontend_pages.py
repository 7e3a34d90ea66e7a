"""Stand-ins for the storefront's pages that emails link to, served in development while
``FRONTEND_URL`` is the API's own address (its default), so that a link in a console email
answers instead of a 404. A real storefront serves these paths itself; in production they
do not exist.

- ``/reset-password?token=...``: a form that sets the new password (the same service as
  ``POST /api/v1/auth/password-reset/confirm``);
- ``/verify-email?token=...``: a button that verifies the address (the same service as
  ``POST /api/v1/auth/verify-email/confirm``);
- ``/orders/<id>``: where the order's page would be, and how to read the order from the API;
- ``/admin/inventory/low-stock``: the same for the low-stock alert's link.
"""

from __future__ import annotations

from flask import Blueprint, Flask, render_template, request

from core.errors import DomainError
from models import db, utcnow
from services import auth, email_verification

DEFAULT_FRONTEND_URL = "http://127.0.0.1:5000"
LOCAL_ENVS = frozenset({"development", "test"})

pages = Blueprint("frontend_pages", __name__)


def install(app: Flask) -> None:
    if app.config["APP_ENV"] in LOCAL_ENVS and \
            app.config["FRONTEND_URL"].rstrip("/") == DEFAULT_FRONTEND_URL:
        app.register_blueprint(pages)


@pages.get("/reset-password")
def reset_password_form():
    return render_template("pages/reset_password.html", token=request.args.get("token", ""))


def _spend(template: str, spend):
    """Run ``spend`` (a service that takes the form's token) and show its outcome."""
    token = request.form.get("token", "")
    try:
        spend(token)
    except DomainError as error:
        db.session.rollback()
        return render_template(template, token=token, error=error.message), error.http_status
    db.session.commit()
    return render_template(template, done=True)


@pages.post("/reset-password")
def reset_password():
    return _spend("pages/reset_password.html",
                  lambda token: auth.confirm_password_reset(
                      token, request.form.get("password", ""), utcnow()))


@pages.get("/verify-email")
def verify_email_form():
    return render_template("pages/verify_email.html", token=request.args.get("token", ""))


@pages.post("/verify-email")
def verify_email():
    return _spend("pages/verify_email.html",
                  lambda token: email_verification.confirm(token, utcnow()))


@pages.get("/orders/<int:order_id>")
def order_page(order_id: int):
    return render_template("pages/api_pointer.html", title=f"Order {order_id}",
                           api_path=f"/api/v1/orders/{order_id}",
                           who="the customer's access token")


@pages.get("/admin/inventory/low-stock")
def low_stock_page():
    return render_template("pages/api_pointer.html", title="Low stock",
                           api_path="/api/v1/admin/inventory/low-stock",
                           who="an admin's access token")
