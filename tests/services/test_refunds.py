"""The refund ledger: each row confirmed by its own provider refund, refunds made outside
Stockroom as rows of their own, never more than was captured (also by the database), a
read-back that failed retried, old orders' refunds followed, and crashes at every step of
the refund task ending in one refund at the provider."""

from __future__ import annotations

from datetime import timedelta

import pytest
import sqlalchemy as sa

from models import EmailMessage, FakeRefund, Order, OutboxEvent, Refund, db, utcnow
from services import payments, reconciliation, refunds
from services.payment_providers import ProviderUnavailable, payment_provider
from tests.api.test_payments import paid_order, refund
from tests.api.test_payments import shopper as shopper  # a fixture
from tests.factories import UserFactory
from tests.harness import crash_at, run_crashing, run_sweeps

SUBMIT = "tasks.payments.submit_refund_task"


@pytest.fixture
def admin(auth_headers):
    return auth_headers(UserFactory(role="admin"))


@pytest.fixture
def async_refunds(app, monkeypatch):
    """Refunds stay pending at the fake provider until settled, as Stripe's may."""
    monkeypatch.setattr(payment_provider(), "refunds_settle", False)


def _refund_events(enqueued) -> list[int]:
    events = [event_id for event_id, kind in enqueued if kind == "refund.requested"]
    enqueued[:] = [(e, kind) for e, kind in enqueued if kind != "refund.requested"]
    return events


def _ledger(order_id: int) -> list[tuple[int, str, str | None]]:
    return [(r.amount, r.status, r.reason) for r in db.session.scalars(
        sa.select(Refund).where(Refund.order_id == order_id).order_by(Refund.id)
        .execution_options(populate_existing=True))]


def _order(order_id: int) -> Order:
    order = db.session.get(Order, order_id)
    db.session.refresh(order)
    return order


def _refund_emails() -> list[str]:
    return list(db.session.scalars(sa.select(EmailMessage.dedupe_key).where(
        EmailMessage.kind == "order_refunded", EmailMessage.status == "sent")
        .order_by(EmailMessage.dedupe_key)))


def test_refunds_confirmed_out_of_order_each_confirm_their_own_row(
        app, client, shopper, admin, run_consumers, enqueued, async_refunds, mail):
    """Break 1: R1 = 1000 then R2 = 1500, R2 sent and confirmed first. Before the fix the
    provider's running total (1500) was shared out in id order: R1 succeeded without ever
    being sent, a made-up row of 500 appeared and R2 stayed pending for ever."""
    placed, _ = paid_order(client, shopper, run_consumers)
    order_id = placed["order"]["id"]
    assert refund(client, admin, order_id, "r1", {"amount": 1000}).status_code == 201
    assert refund(client, admin, order_id, "r2", {"amount": 1500}).status_code == 201
    first, second = _refund_events(enqueued)
    task = app.extensions["celery"].tasks[SUBMIT]
    task(second)
    r2 = db.session.scalar(sa.select(FakeRefund))
    payment_provider().settle_refund(r2.id, "succeeded")
    db.session.commit()
    payments.sync_payment(placed["payment"]["payment_intent_id"], payment_provider(), utcnow())
    db.session.commit()
    assert _ledger(order_id) == [(1000, "pending", "refunded by an admin"),
                                 (1500, "succeeded", "refunded by an admin")]
    order = _order(order_id)
    assert (order.amount_refunded, order.payment_status) == (1500, "refund_pending")
    task(first)
    r1 = db.session.scalar(sa.select(FakeRefund).where(FakeRefund.id != r2.id))
    payment_provider().settle_refund(r1.id, "succeeded")
    db.session.commit()
    payments.sync_payment(placed["payment"]["payment_intent_id"], payment_provider(), utcnow())
    db.session.commit()
    run_consumers()
    rows = db.session.scalars(sa.select(Refund).order_by(Refund.id)).all()
    assert [(r.amount, r.status) for r in rows] == [(1000, "succeeded"), (1500, "succeeded")]
    assert {r.provider_refund_id for r in rows} == {r1.id, r2.id}
    order = _order(order_id)
    assert (order.amount_refunded, order.payment_status) == (2500, "partially_refunded")
    assert _refund_emails() == [f"refund:{rows[0].id}", f"refund:{rows[1].id}"]


def test_a_refund_made_in_the_dashboard_is_a_row_of_its_own(
        app, client, shopper, admin, run_consumers, enqueued):
    placed, _ = paid_order(client, shopper, run_consumers)
    order_id, total = placed["order"]["id"], placed["order"]["total"]
    assert refund(client, admin, order_id, "r1", {"amount": 1000}).status_code == 201
    _refund_events(enqueued)  # the task never ran: the row was never sent
    fake = payment_provider()
    payment = fake._payment(placed["payment"]["payment_intent_id"])
    fake.create_refund(payment, total, None, {}, "succeeded")
    db.session.commit()
    payments.sync_payment(payment.id, fake, utcnow())
    db.session.commit()
    # The dashboard refunded everything: the unsent 1000 can never succeed there.
    assert _ledger(order_id) == [
        (1000, "failed", "refunded by an admin"), (total, "succeeded", "refunded at the provider")]
    order = _order(order_id)
    assert (order.status, order.payment_status, order.amount_refunded) == (
        "refunded", "refunded", total)


def test_the_database_refuses_refunds_beyond_the_payment(client, shopper, run_consumers):
    placed, _ = paid_order(client, shopper, run_consumers)
    order_id, total = placed["order"]["id"], placed["order"]["total"]
    db.session.add(Refund(order_id=order_id, amount=total - 1, currency="usd", reason="a",
                          status="pending"))
    db.session.flush()
    with pytest.raises(sa.exc.DatabaseError), db.session.begin_nested():
        db.session.add(Refund(order_id=order_id, amount=2, currency="usd", reason="b",
                              status="succeeded"))
        db.session.flush()
    # A failed row holds nothing.
    db.session.add(Refund(order_id=order_id, amount=total, currency="usd", reason="c",
                          status="failed"))
    db.session.flush()


def test_a_failed_read_back_after_sending_is_retried(app, client, shopper, admin,
                                                     run_consumers, enqueued, monkeypatch):
    """Break 7, first half: the refund went out, the read-back failed; before the fix the
    retried task found the provider id set and returned without reading back."""
    placed, _ = paid_order(client, shopper, run_consumers)
    refund(client, admin, placed["order"]["id"], "r1", {"amount": 700})
    (event_id,) = _refund_events(enqueued)
    real = payments.sync_payment

    def away(*args):
        raise ProviderUnavailable("read timed out")

    monkeypatch.setattr(payments, "sync_payment", away)
    task = app.extensions["celery"].tasks[SUBMIT]
    with pytest.raises(ProviderUnavailable):
        task.run(event_id)
    db.session.rollback()
    monkeypatch.setattr(payments, "sync_payment", real)
    task.run(event_id)
    order = _order(placed["order"]["id"])
    assert (order.amount_refunded, order.payment_status) == (700, "partially_refunded")
    assert db.session.get(OutboxEvent, event_id).redo_at is None


def test_reconciliation_follows_a_refund_on_an_old_order(app, client, shopper, admin,
                                                         run_consumers, enqueued,
                                                         async_refunds):
    """Break 7, second half: the order is 80 days old; reconciliation used to look only at
    orders created in the last 72 hours, so the refund stayed pending for ever."""
    placed, _ = paid_order(client, shopper, run_consumers)
    order_id = placed["order"]["id"]
    db.session.execute(sa.update(Order).where(Order.id == order_id)
                       .values(created_at=utcnow() - timedelta(days=80)))
    refund(client, admin, order_id, "r1", {"amount": 700})
    (event_id,) = _refund_events(enqueued)
    app.extensions["celery"].tasks[SUBMIT](event_id)
    provider_refund = db.session.scalar(sa.select(FakeRefund))
    payment_provider().settle_refund(provider_refund.id, "succeeded")
    db.session.commit()
    assert _order(order_id).payment_status == "refund_pending"
    repaired = reconciliation.reconcile(payment_provider(), utcnow())
    db.session.commit()
    assert repaired.get("refunded") == 1
    assert _order(order_id).payment_status == "partially_refunded"


@pytest.mark.parametrize("step", ["refund.sending", "refund.sent", "payment.read_back"])
def test_a_refund_task_crashing_at_any_step_refunds_once(app, client, shopper, admin,
                                                         run_consumers, enqueued, mail, step):
    """Crash points of the refund task: whatever step it dies at, after the sweeps there is
    one refund at the provider, one succeeded row and one email."""
    placed, _ = paid_order(client, shopper, run_consumers)
    order_id = placed["order"]["id"]
    refund(client, admin, order_id, "r1", {"amount": 900})
    (event_id,) = _refund_events(enqueued)
    task = app.extensions["celery"].tasks[SUBMIT]
    with crash_at(step):
        assert run_crashing(task, event_id)
    run_sweeps(app, run_consumers)
    assert db.session.scalar(sa.select(sa.func.count()).select_from(FakeRefund)) == 1
    assert _ledger(order_id) == [(900, "succeeded", "refunded by an admin")]
    assert _order(order_id).payment_status == "partially_refunded"
    assert len(_refund_emails()) == 1


def test_refund_requests_hold_no_more_than_is_left(client, shopper, run_consumers):
    placed, _ = paid_order(client, shopper, run_consumers)
    order = _order(placed["order"]["id"])
    refunds.request_refund(order, order.total - 100, "a", None, utcnow())
    with pytest.raises(refunds.RefundExceedsPayment):
        refunds.request_refund(order, 101, "b", None, utcnow())
    assert refunds.refundable(order) == 100


def test_a_key_used_for_one_orders_refund_is_refused_for_another(client, shopper, admin,
                                                                 run_consumers, auth_headers):
    """Break 5: before the fix, refunding order B with the key used for order A replayed
    A's answer (200) and never refunded B."""
    first, _ = paid_order(client, shopper, run_consumers)
    other_shopper = (user := UserFactory(), auth_headers(user))
    second, _ = paid_order(client, other_shopper, run_consumers)
    assert refund(client, admin, first["order"]["id"], "same-key",
                  {"amount": 500}).status_code == 201
    reused = refund(client, admin, second["order"]["id"], "same-key", {"amount": 500})
    assert reused.status_code == 422
    assert reused.json["error_code"] == "idempotency_key_reused"
    assert "Idempotent-Replayed" not in reused.headers
    assert _ledger(second["order"]["id"]) == []
    # The same key, operation and body still replay.
    replay = refund(client, admin, first["order"]["id"], "same-key", {"amount": 500})
    assert replay.status_code == 200 and replay.headers["Idempotent-Replayed"] == "true"


def test_the_second_refund_sent_first_confirms_only_itself(app, client, shopper, admin,
                                                           run_consumers, enqueued):
    """Break 1 with refunds that settle at once, written against the API the code had
    before the fix, where it failed: R1 came out succeeded without being sent, beside a
    made-up row of 500."""
    placed, _ = paid_order(client, shopper, run_consumers)
    order_id = placed["order"]["id"]
    assert refund(client, admin, order_id, "r1", {"amount": 1000}).status_code == 201
    assert refund(client, admin, order_id, "r2", {"amount": 1500}).status_code == 201
    _first, second = _refund_events(enqueued)
    app.extensions["celery"].tasks[SUBMIT](second)
    assert [(amount, status) for amount, status, _ in _ledger(order_id)] == [
        (1000, "pending"), (1500, "succeeded")]
