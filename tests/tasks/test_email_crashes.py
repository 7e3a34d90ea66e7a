"""Emails under crashes and database errors (break 2): a claim whose worker died is sent by
the sweep once its lease is over; a database error fails the task into a retry, and the
redo sweep sends what the retries did not; a crash after the backend accepted the message
sends it again with the same key (at least once: the window the docs describe)."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from models import EmailMessage, OutboxEvent, db, utcnow
from services import emails
from tasks.emails import send_order_email_task, send_password_reset_email_task
from tests.harness import crash_at, run_crashing, run_sweeps
from tests.tasks.test_emails import _reset_event


@pytest.fixture
def no_lease(app, monkeypatch):
    """A claim's lease over at once, so the sweep after a crash may take it over."""
    monkeypatch.setitem(app.config, "EMAIL_CLAIM_LEASE_SECONDS", 0)


def _rows():
    return [(row.status, row.attempts) for row in db.session.scalars(
        sa.select(EmailMessage).execution_options(populate_existing=True))]


def test_a_claim_whose_worker_died_is_sent_by_the_sweep(app, mail, enqueued, run_consumers,
                                                        no_lease):
    """Before the fix the claim (``sending``) stopped every later run: never sent."""
    event = _reset_event()
    with crash_at("email.claimed"):
        assert run_crashing(send_password_reset_email_task, event.id)
    assert mail == [] and _rows() == [("sending", 1)]
    enqueued.clear()
    run_sweeps(app, run_consumers)
    assert len(mail) == 1 and _rows() == [("sent", 2)]
    assert db.session.get(OutboxEvent, event.id).redo_at is None
    run_sweeps(app, run_consumers)
    assert len(mail) == 1


def test_a_live_claim_is_left_to_its_worker(app, mail):
    event = _reset_event()
    with crash_at("email.claimed"):
        assert run_crashing(send_password_reset_email_task, event.id)
    assert send_password_reset_email_task(event.id) == "nothing to send"
    assert mail == []


def test_a_crash_after_the_backend_accepted_sends_again_with_the_same_key(
        app, mail, enqueued, run_consumers, no_lease):
    event = _reset_event()
    with crash_at("email.sent"):
        assert run_crashing(send_password_reset_email_task, event.id)
    assert len(mail) == 1 and _rows() == [("sending", 1)]
    enqueued.clear()
    run_sweeps(app, run_consumers)
    assert _rows() == [("sent", 2)]
    assert len(mail) == 2 and mail[0].key == mail[1].key
    assert mail[0].key.startswith("password_reset:reset:")


def test_a_database_error_is_retried_and_the_sweep_sends_it(app, mail, enqueued,
                                                            run_consumers, monkeypatch):
    """Before the fix an OperationalError failed the task for good, its event already
    dispatched: nothing ever tried again."""
    assert sa.exc.OperationalError in send_order_email_task.autoretry_for
    event = _reset_event()
    real = emails.prepare_password_reset_email

    def broken(reset_id):
        raise sa.exc.OperationalError("SELECT 1", {}, Exception("terminating connection"))

    monkeypatch.setattr(emails, "prepare_password_reset_email", broken)
    with pytest.raises(sa.exc.OperationalError):
        send_password_reset_email_task.run(event.id)
    db.session.rollback()
    monkeypatch.setattr(emails, "prepare_password_reset_email", real)
    enqueued.clear()
    run_sweeps(app, run_consumers)
    assert len(mail) == 1 and _rows() == [("sent", 1)]


@pytest.mark.parametrize("step, sent_before_sweep", [("email.claimed", 0), ("email.sent", 1)])
def test_a_welcome_email_survives_a_crash_at_each_step(app, mail, enqueued, run_consumers,
                                                       no_lease, step, sent_before_sweep):
    from services import email_verification
    from tasks.emails import send_account_email_task
    from tests.factories import UserFactory

    email_verification.welcome(UserFactory(), utcnow())
    db.session.commit()
    event = db.session.scalar(sa.select(OutboxEvent).where(OutboxEvent.type == "user.registered"))
    with crash_at(step):
        assert run_crashing(send_account_email_task, event.id)
    assert len(mail) == sent_before_sweep
    enqueued.clear()
    run_sweeps(app, run_consumers)
    run_sweeps(app, run_consumers)
    # Once, or (a crash after the backend accepted) twice with the same key.
    assert len(mail) == sent_before_sweep + 1
    assert len({message.key for message in mail}) == 1
    assert _rows() == [("sent", 2)]
