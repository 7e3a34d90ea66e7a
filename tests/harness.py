"""The correctness harness: crash a run at a named step, pause it there while the other
side of a race moves, wait until PostgreSQL shows a backend blocked on a lock, and run every
sweep the way beat would.

Crash points are the steps named in ``core.faults``. ``crash_at`` raises ``Crashed`` at the
step (a BaseException: no ``except Exception`` in the code swallows it), which leaves the
session's uncommitted work to be rolled back, as a SIGKILLed worker's would be; what had
committed stays. ``run_sweeps`` then does what beat does after such a crash, with the clock
moved past every lease, and a test asserts the end state of exactly one execution.
"""

from __future__ import annotations

import contextlib
import threading
import time
from datetime import timedelta

import sqlalchemy as sa

from core import faults
from models import db, utcnow


@contextlib.contextmanager
def crash_at(step: str, times: int = 1):
    """Crash the next ``times`` runs that reach ``step``."""
    left = [times]

    def crash(name: str) -> None:
        if left[0] > 0:
            left[0] -= 1
            raise faults.Crashed(name)

    faults.install(step, crash)
    try:
        yield
    finally:
        faults.remove(step)


def run_crashing(task, *args):
    """Run the Celery ``task(*args)`` as a worker that dies where a crash point fires: True
    if it crashed. The task runs in an application context of its own, whose session is
    thrown away when it ends, uncommitted work with it; what it committed stays."""
    try:
        task(*args)
    except faults.Crashed:
        return True
    return False


class Pause:
    """Hold the run that reaches ``step`` there until ``release()``."""

    def __init__(self, step: str, timeout: float = 30):
        self.step, self.timeout = step, timeout
        self.reached = threading.Event()
        self._go = threading.Event()

    def _handler(self, _name: str) -> None:
        if self.reached.is_set():
            return
        self.reached.set()
        assert self._go.wait(self.timeout), f"{self.step}: never released"

    def __enter__(self):
        faults.install(self.step, self._handler)
        return self

    def wait(self) -> None:
        assert self.reached.wait(self.timeout), f"{self.step}: never reached"

    def release(self) -> None:
        self._go.set()

    def __exit__(self, *exc):
        self._go.set()
        faults.remove(self.step)


@contextlib.contextmanager
def paused(step: str, request):
    """Run ``request`` in a thread held at ``step``, where it holds its lock, for the body
    of the ``with``; it goes on when the body ends. Yields its ``join``."""
    with Pause(step) as pause:
        join = run_in_thread(request)
        pause.wait()
        try:
            yield join
        finally:
            pause.release()


def wait_until_blocked(engine: sa.Engine, count: int = 1, timeout: float = 30) -> None:
    """Wait until ``count`` backends of this database wait on a lock (``pg_stat_activity``):
    the other side of a race is provably queued behind the lock, not merely slow."""
    deadline = time.monotonic() + timeout
    query = sa.text("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                    "AND wait_event_type = 'Lock'")
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        while time.monotonic() < deadline:
            if connection.execute(query).scalar() >= count:
                return
            time.sleep(0.01)
    raise AssertionError(f"no {count} backend(s) blocked on a lock within {timeout}s")


def run_in_thread(target, *args):
    """Run ``target`` in a thread; ``join()`` returns its result or raises its error."""
    outcome: dict = {}

    def run():
        try:
            outcome["value"] = target(*args)
        except BaseException as error:  # handed to the joining test
            outcome["error"] = error

    thread = threading.Thread(target=run, daemon=True)
    thread.start()

    def join(timeout: float = 60):
        thread.join(timeout)
        assert not thread.is_alive(), "the thread did not finish"
        if "error" in outcome:
            raise outcome["error"]
        return outcome.get("value")

    return join


def run_sweeps(app, run_consumers=None, later: timedelta = timedelta(minutes=10)) -> None:
    """What beat does after a crash, ``later`` from now (past every lease and grace): the
    outbox relay and redo, the webhook retry sweep and the payment reconciliation; then the
    consumer tasks they enqueued, in this process."""
    from services import outbox, reconciliation
    from services.payment_providers import payment_provider

    now = utcnow() + later
    wiring = app.extensions["stockroom.outbox"]
    outbox.relay_undispatched(wiring, now, grace=timedelta(0), limit=1000)
    db.session.commit()
    outbox.redo_unfinished(wiring, now, limit=1000)
    db.session.commit()
    if run_consumers is not None:
        run_consumers()
    reconciliation.reconcile(payment_provider(), now)
    db.session.commit()
    if run_consumers is not None:
        run_consumers()
