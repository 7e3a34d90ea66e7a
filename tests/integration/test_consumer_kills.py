"""Every consumer that calls out, with a real worker process SIGKILLed at its step
(``STOCKROOM_FAULTS``): applying a payment (after the read-back), submitting a refund
(after the provider answered) and cancelling a payment (after the provider answered). The
broker keeps the killed worker's message until its visibility timeout; the redo sweep does
not wait for that, and a second worker finishes the work once. (Emails: test_outbox_pipeline;
webhook deliveries: test_webhook_pipeline.)"""

from __future__ import annotations

import subprocess

import pytest
import sqlalchemy as sa
from flask_jwt_extended import create_access_token

from models import EmailMessage, FakePayment, FakeRefund, Order, Refund, Variant, db, utcnow
from services import outbox, payments
from services.payment_providers import payment_provider
from tasks.outbox import publish_event, republish_unfinished
from tests.factories import ProductFactory, UserFactory, VariantFactory
from tests.integration.conftest import start_worker
from tests.integration.test_checkout_concurrency import ADDRESS, _customers

pytestmark = pytest.mark.committed


@pytest.fixture
def real_broker(app, monkeypatch):
    box = app.extensions["stockroom.outbox"]
    box.publish, box.redo = publish_event, republish_unfinished
    monkeypatch.setitem(app.config, "OUTBOX_REDO_AFTER_SECONDS", 0)
    return box


def _order(app):
    with app.app_context():
        variant = VariantFactory(product_id=ProductFactory().id, on_hand=5, price=1000)
        db.session.commit()
        variant_id = variant.id
    (headers,) = _customers(app, 1, [(variant_id, 2)], prefix="killed")
    placed = app.test_client().post("/api/v1/checkout", json={"shipping_address": ADDRESS},
                                    headers={**headers, "Idempotency-Key": "k"}).json
    return placed, variant_id, headers


def _pay_in_process(app, intent):
    with app.app_context():
        payment_provider().settle(intent, "succeeded")
        db.session.commit()
        payments.sync_payment(intent, payment_provider(), utcnow())
        db.session.commit()


def _kill_then_redo(app, test_environ, box, step, cause, task_name):
    """Start a worker that kills itself at ``step``, ``cause()`` the work, see the worker
    die, then let a second worker finish it through the redo sweep."""
    doomed = start_worker({**test_environ, "STOCKROOM_FAULTS": f"{step}=kill"}, name="doomed")
    try:
        cause()
        # End the request's read: on SQLite an open transaction holds the write lock the
        # worker needs (a request served by gunicorn ends its session with the request).
        db.session.remove()
        doomed.wait_for_line(f"Task {task_name}[", "] received")
        try:
            code = doomed.proc.wait(timeout=60)
        except subprocess.TimeoutExpired:
            code = None
        assert code == -9, f"the worker did not die at {step} ({code}):\n" \
            f"{doomed.output()[-3000:]}"
    finally:
        doomed.stop()
    survivor = start_worker(test_environ, name="survivor")
    try:
        with app.app_context():
            assert outbox.redo_unfinished(box, utcnow(), limit=50) >= 1
            db.session.commit()
        survivor.wait_for_line(f"Task {task_name}[", "] succeeded")
    finally:
        survivor.stop()
    return survivor


def test_a_worker_killed_after_reading_back_a_payment(app, test_environ, real_broker):
    placed, variant_id, headers = _order(app)
    intent = placed["payment"]["payment_intent_id"]

    def settle():
        response = app.test_client().post(f"/api/v1/payments/fake/{intent}/settle",
                                          json={"outcome": "succeeded"}, headers=headers)
        assert response.status_code == 202

    _kill_then_redo(app, test_environ, real_broker, "payment.read_back", settle,
                    "tasks.payments.apply_payment_event_task")
    with app.app_context():
        order = db.session.get(Order, placed["order"]["id"])
        assert (order.status, order.payment_status) == ("paid", "succeeded")
        variant = db.session.get(Variant, variant_id)
        assert (variant.on_hand, variant.reserved) == (3, 0)


def test_a_worker_killed_after_the_provider_refunded(app, test_environ, real_broker):
    placed, _, _ = _order(app)
    intent = placed["payment"]["payment_intent_id"]
    _pay_in_process(app, intent)
    with app.app_context():
        admin = UserFactory(role="admin")
        db.session.commit()
        admin_headers = {"Authorization": f"Bearer {create_access_token(str(admin.id))}"}

    def ask():
        response = app.test_client().post(
            f"/api/v1/admin/orders/{placed['order']['id']}/refund", json={"amount": 500},
            headers={**admin_headers, "Idempotency-Key": "refund"})
        assert response.status_code == 201

    _kill_then_redo(app, test_environ, real_broker, "refund.sent", ask,
                    "tasks.payments.submit_refund_task")
    with app.app_context():
        assert db.session.scalars(sa.select(FakeRefund.amount)).all() == [500]
        assert [(r.amount, r.status) for r in db.session.scalars(sa.select(Refund))] == [
            (500, "succeeded")]
        assert db.session.get(Order, placed["order"]["id"]).amount_refunded == 500


def test_a_worker_killed_after_cancelling_a_payment(app, test_environ, real_broker):
    placed, _, headers = _order(app)

    def cancel():
        response = app.test_client().post(f"/api/v1/orders/{placed['order']['id']}/cancel",
                                          headers=headers)
        assert response.status_code == 200

    _kill_then_redo(app, test_environ, real_broker, "payment_cancel.sent", cancel,
                    "tasks.payments.cancel_payment_task")
    with app.app_context():
        payment = db.session.get(FakePayment, placed["payment"]["payment_intent_id"])
        assert payment.status == "canceled"
        order = db.session.get(Order, placed["order"]["id"])
        assert (order.status, order.payment_status) == ("cancelled", "cancelled")
        assert db.session.scalar(sa.select(sa.func.count()).select_from(EmailMessage)) == 0
