"""In development, with FRONTEND_URL at its default (the API's own address), the links in
emails answer: a reset form that works, and pages pointing at the API for the rest."""

from __future__ import annotations

from urllib.parse import urlsplit

from tests.factories import UserFactory
from tests.helpers import another_app

RESET = "/api/v1/auth/password-reset"


def test_the_reset_link_of_an_email_opens_a_form_that_sets_the_password(client, app,
                                                                         run_consumers, mail):
    assert app.config["FRONTEND_URL"] == "http://127.0.0.1:5000"
    UserFactory(email="forgot@example.com")
    assert client.post(RESET, json={"email": "forgot@example.com"}).status_code == 202
    run_consumers()
    link = next(word for word in mail[0].text.split() if "/reset-password?token=" in word)
    parts = urlsplit(link)
    assert f"{parts.scheme}://{parts.netloc}" == app.config["FRONTEND_URL"]
    token = parts.query.removeprefix("token=")

    form = client.get(f"{parts.path}?{parts.query}")
    assert form.status_code == 200 and form.mimetype == "text/html"
    assert f'value="{token}"' in form.get_data(as_text=True)
    weak = client.post("/reset-password", data={"token": token, "password": "short"})
    assert weak.status_code == 422 and "class=\"error\"" in weak.get_data(as_text=True)
    done = client.post("/reset-password", data={"token": token, "password": "a-new-password!"})
    assert done.status_code == 200 and "password is changed" in done.get_data(as_text=True)
    login = client.post("/api/v1/auth/login",
                        json={"email": "forgot@example.com", "password": "a-new-password!"})
    assert login.status_code == 200
    spent = client.post("/reset-password", data={"token": token, "password": "another-one!!"})
    assert spent.status_code == 422


def test_order_and_low_stock_links_point_at_the_api(client):
    for path, api_path in (("/orders/7", "/api/v1/orders/7"),
                           ("/admin/inventory/low-stock", "/api/v1/admin/inventory/low-stock")):
        page = client.get(path)
        assert page.status_code == 200 and page.mimetype == "text/html"
        assert api_path in page.get_data(as_text=True)


def test_there_are_no_stand_ins_once_a_storefront_is_named(app):
    named = another_app(app, FRONTEND_URL="https://shop.example.com")
    answer = named.test_client().get("/reset-password?token=x")
    assert answer.status_code == 404 and answer.is_json
