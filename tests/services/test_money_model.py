"""A model test of money: hypothesis drives one paid order through random refund requests,
provider confirmations in any order, refunds made in the dashboard, duplicated and reordered
webhooks, task retries and crashes at every step of the refund task, and the sweeps; after
every step the invariants of the ledger hold, and at the end the ledger, the order and the
customer's emails agree with the provider exactly.

The reference model is the provider's own record (the fake provider's refunds, which this
test settles as Stripe would) and the refund requests the test made; the system under test
is the ledger, the order's derived figures and the emails.
"""

from __future__ import annotations

import secrets

import sqlalchemy as sa
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule, run_state_machine_as_test

from models import EmailMessage, FakePayment, FakeRefund, Order, Refund, RefundStatus, db, utcnow
from services import payment_inbox, payments, refunds
from services.payment_providers import payment_provider
from tests.factories import UserFactory, VariantFactory, fill_cart
from tests.harness import crash_at, run_crashing, run_sweeps

SUBMIT = "tasks.payments.submit_refund_task"
APPLY = "tasks.payments.apply_payment_event_task"
CRASH_STEPS = [None, "refund.sending", "refund.sent", "payment.read_back"]
ADDRESS = {"full_name": "Model", "line1": "1 Main St", "city": "Oslo", "postal_code": "0150",
           "country": "NO"}
# Examples and steps per example; CI runs it in both rounds (SQLite, PostgreSQL).
MODEL_SETTINGS = settings(max_examples=25, stateful_step_count=20, deadline=None,
                          suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                 HealthCheck.too_slow])


def test_refunds_agree_with_the_provider_under_any_order_of_events(app, _db, client,
                                                                   auth_headers, enqueued,
                                                                   run_consumers, mail,
                                                                   monkeypatch):
    monkeypatch.setattr(payment_provider(), "refunds_settle", False)
    celery = app.extensions["celery"]
    examples_run = [0]

    class Money(RuleBasedStateMachine):
        def __init__(self):
            super().__init__()
            # Each example starts from the same database: it runs inside a savepoint of
            # the test's connection, rolled back in teardown, so that replaying an example
            # (hypothesis shrinking it) meets the same state.
            db.session.remove()
            self.example = _db.begin_nested()
            examples_run[0] += 1
            enqueued.clear()
            mail.clear()
            user = UserFactory()
            fill_cart(user, {VariantFactory(price=1000, on_hand=10): 3})
            placed = client.post("/api/v1/checkout", json={"shipping_address": ADDRESS},
                                 headers={**auth_headers(user),
                                          "Idempotency-Key": secrets.token_hex(8)}).json
            self.order_id = placed["order"]["id"]
            self.intent = placed["payment"]["payment_intent_id"]
            payment_provider().settle(self.intent, "succeeded")
            db.session.commit()
            payments.sync_payment(self.intent, payment_provider(), utcnow())
            db.session.commit()
            run_consumers()
            self.total = self._order().total
            self.submits: list[int] = []
            self.webhooks: list[str] = []

        # The system's side ---------------------------------------------------------------

        def _order(self) -> Order:
            order = db.session.get(Order, self.order_id)
            db.session.refresh(order)
            return order

        def _rows(self) -> list[Refund]:
            return list(db.session.scalars(
                sa.select(Refund).where(Refund.order_id == self.order_id).order_by(Refund.id)
                .execution_options(populate_existing=True)))

        def _provider_refunds(self) -> list[FakeRefund]:
            return list(db.session.scalars(
                sa.select(FakeRefund).where(FakeRefund.payment_id == self.intent)
                .order_by(FakeRefund.id).execution_options(populate_existing=True)))

        def _take_submits(self) -> None:
            for event_id, kind in list(enqueued):
                if kind == "refund.requested":
                    self.submits.append(event_id)
            enqueued[:] = [(e, kind) for e, kind in enqueued if kind != "refund.requested"]

        # Rules ----------------------------------------------------------------------------

        @rule(amount=st.integers(1, 3000), whole=st.booleans())
        def ask_for_a_refund(self, amount, whole):
            order = db.session.scalar(sa.select(Order).where(Order.id == self.order_id)
                                      .with_for_update()
                                      .execution_options(populate_existing=True))
            left = refunds.refundable(order)
            try:
                refunds.request_refund(order, None if whole else amount, "model", None,
                                       utcnow())
            except refunds.RefundExceedsPayment:
                db.session.rollback()
                assert left <= 0 or (not whole and amount > left)
                return
            assert left > 0 and (whole or amount <= left)
            db.session.commit()
            self._take_submits()

        @rule(pick=st.integers(0, 50), crash=st.sampled_from(CRASH_STEPS))
        def run_a_refund_task(self, pick, crash):
            if not self.submits:
                return
            event_id = self.submits[pick % len(self.submits)]
            if crash is None:
                celery.tasks[SUBMIT](event_id)
            else:
                with crash_at(crash):
                    run_crashing(celery.tasks[SUBMIT], event_id)

        @rule(pick=st.integers(0, 50), succeeded=st.booleans())
        def provider_settles_a_refund(self, pick, succeeded):
            pending = [r for r in self._provider_refunds() if r.status == "pending"]
            if pending:
                payment_provider().settle_refund(pending[pick % len(pending)].id,
                                                 "succeeded" if succeeded else "failed")
                db.session.commit()

        @rule(amount=st.integers(1, 3000))
        def dashboard_refund(self, amount):
            held = sum(r.amount for r in self._provider_refunds() if r.status != "failed")
            if held + amount <= self.total:
                fake = payment_provider()
                fake.create_refund(fake._payment(self.intent), amount, None, {}, "succeeded")
                db.session.commit()

        @rule(again=st.booleans(), pick=st.integers(0, 50))
        def webhook_arrives(self, again, pick):
            """``charge.refunded``, new or a duplicate of an earlier one, in any order."""
            duplicate = again and bool(self.webhooks)
            if duplicate:
                event_id = self.webhooks[pick % len(self.webhooks)]
            else:
                event_id = f"evt_{secrets.token_hex(6)}"
                self.webhooks.append(event_id)
            stored = payment_inbox.record_payment_event("fake", {
                "id": event_id, "type": "charge.refunded",
                "data": {"object": {"object": "charge", "payment_intent": self.intent}}},
                utcnow())
            db.session.commit()
            for outbox_id, kind in list(enqueued):
                if kind == "payment.event_received":
                    celery.tasks[APPLY](outbox_id)
            enqueued[:] = [(e, k) for e, k in enqueued if k != "payment.event_received"]
            # Stored once by its id: a duplicate is not stored again.
            assert (stored is None) == duplicate

        @rule()
        def consumers_run(self):
            self._take_submits()
            run_consumers()

        @rule()
        def sweeps_run(self):
            run_sweeps(app)
            self._take_submits()
            run_consumers()

        # Invariants -----------------------------------------------------------------------

        @invariant()
        def the_ledger_never_holds_more_than_was_captured(self):
            rows = self._rows()
            assert sum(r.amount for r in rows if r.status != RefundStatus.FAILED) <= self.total
            held = sum(r.amount for r in self._provider_refunds() if r.status != "failed")
            assert held <= self.total

        @invariant()
        def every_row_is_its_own_provider_refund(self):
            at_provider = {r.id: r for r in self._provider_refunds()}
            for row in self._rows():
                if row.provider_refund_id is None:
                    assert row.status in (RefundStatus.PENDING, RefundStatus.FAILED)
                    continue
                theirs = at_provider[row.provider_refund_id]
                assert theirs.amount == row.amount
                if row.status == RefundStatus.SUCCEEDED:
                    assert theirs.status == "succeeded"
                if theirs.status == "pending":
                    assert row.status == RefundStatus.PENDING
            ours = [r.refund_metadata.get("refund_id") for r in at_provider.values()]
            mine = [o for o in ours if o is not None]
            assert len(mine) == len(set(mine)), "a row was refunded twice at the provider"

        @invariant()
        def the_order_follows_from_its_ledger(self):
            rows, order = self._rows(), self._order()
            succeeded = sum(r.amount for r in rows if r.status == RefundStatus.SUCCEEDED)
            assert order.amount_refunded == succeeded
            if any(r.status == RefundStatus.PENDING for r in rows):
                assert order.payment_status == "refund_pending"
            elif succeeded == self.total:
                assert order.payment_status == "refunded"
            if order.status == "refunded":
                assert succeeded == self.total

        @invariant()
        def emails_tell_only_of_confirmed_refunds(self):
            confirmed = {f"refund:{r.id}" for r in self._rows()
                         if r.status == RefundStatus.SUCCEEDED}
            sent = set(db.session.scalars(sa.select(EmailMessage.dedupe_key).where(
                EmailMessage.kind == "order_refunded", EmailMessage.status == "sent",
                EmailMessage.dedupe_key.in_([f"refund:{r.id}" for r in self._rows()]))))
            assert sent <= confirmed

        def teardown(self):
            try:
                self._settle_and_compare()
            finally:
                db.session.remove()
                self.example.rollback()

        def _settle_and_compare(self):
            """Let everything settle: every refund task runs, the provider confirms what
            is pending, a read-back and the sweeps run. Then the ledger is the provider's."""
            for event_id in self.submits:
                celery.tasks[SUBMIT](event_id)
            for refund in self._provider_refunds():
                if refund.status == "pending":
                    payment_provider().settle_refund(refund.id, "succeeded")
            db.session.commit()
            payments.sync_payment(self.intent, payment_provider(), utcnow())
            db.session.commit()
            run_sweeps(app)
            self._take_submits()
            run_consumers()
            rows = self._rows()
            assert all(r.status != RefundStatus.PENDING for r in rows), [
                (r.amount, r.status, r.provider_refund_id) for r in rows]
            ledger = {(r.provider_refund_id, r.amount, r.status) for r in rows
                      if r.provider_refund_id is not None}
            provider = {(r.id, r.amount, r.status) for r in self._provider_refunds()}
            assert ledger == provider
            order = self._order()
            succeeded = sum(r.amount for r in rows if r.status == RefundStatus.SUCCEEDED)
            assert order.amount_refunded == succeeded
            assert db.session.get(FakePayment, self.intent).amount_refunded == succeeded
            sent = set(db.session.scalars(sa.select(EmailMessage.dedupe_key).where(
                EmailMessage.kind == "order_refunded", EmailMessage.status == "sent",
                EmailMessage.dedupe_key.in_([f"refund:{r.id}" for r in rows]))))
            assert sent == {f"refund:{r.id}" for r in rows
                            if r.status == RefundStatus.SUCCEEDED}

    run_state_machine_as_test(Money, settings=MODEL_SETTINGS)
    assert examples_run[0] >= MODEL_SETTINGS.max_examples
