"""Crash points of the payment consumers: applying a provider event (which commits the
stock and sends the confirmation), cancelling a cancelled order's payment, and the outbox's
own dispatch. Whatever step a run dies at, after the sweeps the end state is one execution:
the order paid once, the stock moved once, one confirmation, the payment cancelled once."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from models import FakePayment, OutboxEvent, db
from services import orders
from tests.api.test_payments import emails, levels, order_of, place
from tests.api.test_payments import shopper as shopper  # a fixture
from tests.factories import VariantFactory
from tests.harness import crash_at, run_crashing, run_sweeps

APPLY = "tasks.payments.apply_payment_event_task"
CANCEL = "tasks.payments.cancel_payment_task"


def _events(enqueued, kind: str) -> list[int]:
    found = [event_id for event_id, event_kind in enqueued if event_kind == kind]
    enqueued[:] = [(e, k) for e, k in enqueued if k != kind]
    return found


@pytest.mark.parametrize("step", ["payment.read_back", "email.claimed", "email.sent"])
def test_a_payment_applied_by_a_run_that_dies_is_applied_once(app, client, shopper, enqueued,
                                                              run_consumers, mail, step,
                                                              monkeypatch):
    monkeypatch.setitem(app.config, "EMAIL_CLAIM_LEASE_SECONDS", 0)
    variant = VariantFactory(on_hand=5)
    placed = place(client, shopper, variant)
    run_consumers()
    intent = placed["payment"]["payment_intent_id"]
    assert client.post(f"/api/v1/payments/fake/{intent}/settle", json={"outcome": "succeeded"},
                       headers=shopper[1]).status_code == 202
    celery = app.extensions["celery"]
    with crash_at(step):
        (apply_id,) = _events(enqueued, "payment.event_received")
        crashed = run_crashing(celery.tasks[APPLY], apply_id)
        if not crashed:  # the step is the confirmation email's, which runs next
            crashed = run_crashing(celery.tasks["tasks.emails.send_order_email_task"], next(
                e for e, kind in enqueued if kind == "user.notification"))
        assert crashed
    run_sweeps(app, run_consumers)
    run_sweeps(app, run_consumers)
    order = order_of(placed)
    assert (order.status, order.payment_status) == ("paid", "succeeded")
    assert levels(variant) == (3, 0)
    assert [entry.status for entry in order.timeline] == ["pending_payment", "paid"]
    assert emails("order_confirmation") == 1
    # A crash after the backend accepted is the one duplicate the design allows.
    assert len(mail) == (2 if step == "email.sent" else 1)


def test_a_cancel_whose_run_dies_after_the_provider_call_is_cancelled_once(
        app, client, shopper, enqueued, run_consumers):
    variant = VariantFactory(on_hand=5)
    placed = place(client, shopper, variant)
    run_consumers()
    user, _ = shopper
    orders.cancel_order(user.id, placed["order"]["id"], __import__("models").utcnow())
    db.session.commit()
    (cancel_id,) = _events(enqueued, "payment.cancel_requested")
    with crash_at("payment_cancel.sent"):
        assert run_crashing(app.extensions["celery"].tasks[CANCEL], cancel_id)
    run_sweeps(app, run_consumers)
    assert db.session.get(FakePayment, placed["payment"]["payment_intent_id"]).status == \
        "canceled"
    order = order_of(placed)
    assert (order.status, order.payment_status) == ("cancelled", "cancelled")
    assert levels(variant) == (5, 0)
    assert db.session.get(OutboxEvent, cancel_id).redo_at is None


def test_a_dispatch_that_dies_after_publishing_publishes_again_and_acts_once(
        app, client, shopper, enqueued, run_consumers, mail):
    """The commit went through and the consumers were published, then the process died
    before marking the rows: the relay publishes them again; consumers act once."""
    variant = VariantFactory(on_hand=5)
    variant_id = variant.id
    placed = place(client, shopper, variant)
    run_consumers()
    intent = placed["payment"]["payment_intent_id"]
    with crash_at("outbox.published"), pytest.raises(BaseException, match=r"outbox\.published"):
        client.post(f"/api/v1/payments/fake/{intent}/settle", json={"outcome": "succeeded"},
                    headers=shopper[1])
    # The request shared this test's session, which died with it mid-commit-hook.
    db.session.remove()
    undispatched = db.session.scalars(sa.select(OutboxEvent.id).where(
        OutboxEvent.dispatched_at.is_(None))).all()
    assert undispatched
    run_sweeps(app, run_consumers)
    assert order_of(placed).status == "paid"
    assert levels(db.session.get(type(variant), variant_id)) == (3, 0)
    assert emails("order_confirmation") == 1 and len(mail) == 1
