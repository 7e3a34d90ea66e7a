"""End to end: a real worker delivers an order's status change to the reference
``order_status_update`` Edge Function served by Deno (``PORT=P deno run ...``), whose
Supabase is a local recording double of PostgREST. The double fails the first store, the
function answers 503, and the worker retries on the Standard Webhooks schedule (5 s) with
the same webhook-id until the function stores it: one row, two attempts recorded."""

from __future__ import annotations

import json
import os

import pytest
import requests
import sqlalchemy as sa

from models import WebhookAttempt, WebhookDelivery, db
from services import outbox
from tasks.outbox import publish_event
from tests.helpers import free_port
from tests.integration.conftest import BIN, ROOT, Process, start_worker

pytestmark = pytest.mark.committed

SECRET = "whsec_" + "MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
KEY = "service-role-key-e2e"
FUNCTIONS = ROOT / "supabase" / "functions"


def _deno(args: list[str], env: dict[str, str]) -> Process:
    # The npm packages deno.lock pins, cached where `make functions-test` caches them.
    return Process([str(BIN / "deno"), "run", "--allow-net", "--allow-env",
                    "--config", str(FUNCTIONS / "deno.json"), "--frozen", *args],
                   {**os.environ, "DENO_DIR": str(ROOT / ".deno"), "NO_COLOR": "1", **env})


def _call(url: str, body: dict | None = None) -> dict | None:
    response = (requests.get(url, timeout=10) if body is None
                else requests.post(url, json=body, timeout=10))
    response.raise_for_status()
    return response.json() if response.content else None


def test_a_failed_store_is_retried_until_the_function_stores_it(app, test_environ,
                                                                monkeypatch):
    double_port, function_port = free_port(), free_port()
    double = _deno([str(FUNCTIONS / "_shared" / "postgrest_double.ts"), str(double_port)], {})
    function = worker = None
    try:
        double.wait_for_line("supabase double listening on", timeout=120)
        supabase_url = f"http://127.0.0.1:{double_port}"
        _call(f"{supabase_url}/_fail", {"table": "order_status_updates", "times": 1})
        function = _deno([str(FUNCTIONS / "order_status_update" / "index.ts")], {
            "PORT": str(function_port), "SUPABASE_URL": supabase_url,
            "SUPABASE_SERVICE_ROLE_KEY": KEY, "STOCKROOM_WEBHOOK_SECRET": SECRET})
        function.wait_for_line("Listening on", timeout=120)
        sending = {"SUPABASE_FUNCTIONS_URL": f"http://127.0.0.1:{function_port}",
                   "SUPABASE_WEBHOOK_SECRET": SECRET, "SUPABASE_SERVICE_ROLE_KEY": KEY}
        for name, value in sending.items():
            monkeypatch.setitem(app.config, name, value)
        monkeypatch.setattr(app.extensions["stockroom.outbox"], "publish", publish_event)
        worker = start_worker({**test_environ, **sending}, name="edge")
        with app.app_context():
            event = outbox.record_event("order.status_changed", "order", 7, {
                "order_id": 7, "number": "SR-000007", "user_id": None, "old_status": "paid",
                "new_status": "processing", "payment_status": "succeeded", "total": 2500,
                "currency": "USD"})
            db.session.commit()
            webhook_id = f"msg_{event.uuid.hex}"
        # The first attempt fails (the function's 503), the countdown retry succeeds.
        worker.wait_for_line("deliver_event_task[", "succeeded", "['failed']", timeout=60)
        worker.wait_for_line("deliver_webhook_task[", "succeeded", "'succeeded'", timeout=60)
        record = _call(f"{supabase_url}/_record")
    finally:
        for process in (worker, function, double):
            if process is not None:
                process.stop()

    writes = [r for r in record["requests"] if r["method"] == "POST"]
    print("PostgREST double's record of the writes:",
          json.dumps([{k: r[k] for k in ("path", "search", "prefer", "status")}
                      for r in writes], indent=1))
    assert [(r["path"], r["status"]) for r in writes] == [
        ("/rest/v1/order_status_updates", 500), ("/rest/v1/order_status_updates", 201)]
    assert {r["authorization"] for r in writes} == {f"Bearer {KEY}"}
    assert all(r["body"]["webhook_id"] == webhook_id for r in writes)
    [row] = record["rows"]["order_status_updates"]
    assert (row["webhook_id"], row["order_id"], row["old_status"], row["new_status"]) == (
        webhook_id, 7, "paid", "processing")
    with app.app_context():
        delivery = db.session.scalars(sa.select(WebhookDelivery)).one()
        attempts = db.session.scalars(sa.select(WebhookAttempt.status_code)
                                      .order_by(WebhookAttempt.id)).all()
        print("Stockroom's attempts:", attempts, delivery.status)
        assert (delivery.function, delivery.status, attempts) == (
            "order_status_update", "succeeded", [503, 200])
        db.session.commit()
