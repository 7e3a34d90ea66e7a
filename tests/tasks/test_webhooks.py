"""Outbound webhooks against a local receiver: signing, the retry schedule (time simulated),
Retry-After, timeouts, 410, dead deliveries and redelivery, ordering per aggregate,
subscribed endpoints and their URL rules, and the admin endpoints."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from itertools import pairwise

import pytest
import sqlalchemy as sa
from click.testing import CliRunner
from standardwebhooks import webhooks as standard_webhooks
from standardwebhooks.webhooks import Webhook

from models import DeliveryStatus, OutboxEvent, WebhookDelivery, db, utcnow
from services import outbox, webhook_redelivery, webhooks
from tasks.webhooks import deliver_event_task
from tests.factories import UserFactory
from tests.helpers import Receiver

SECRET = "whsec_" + "MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
BEARER = "service-role-key"


@pytest.fixture
def receiver(app, monkeypatch):
    with Receiver() as server:
        monkeypatch.setitem(app.config, "SUPABASE_FUNCTIONS_URL", server.url + "/functions/v1/")
        monkeypatch.setitem(app.config, "SUPABASE_SERVICE_ROLE_KEY", BEARER)
        monkeypatch.setitem(app.config, "SUPABASE_WEBHOOK_SECRET", SECRET)
        yield server


@pytest.fixture
def admin(auth_headers):
    return auth_headers(UserFactory(role="admin"))


def event(event_type="order.status_changed", aggregate_id=1, **data) -> OutboxEvent:
    recorded = outbox.record_event(event_type, "order", aggregate_id,
                                   {"order_id": aggregate_id, **data})
    db.session.commit()
    return recorded


def delivery_of(recorded: OutboxEvent) -> WebhookDelivery:
    delivery = db.session.scalar(sa.select(WebhookDelivery).where(
        WebhookDelivery.event_id == recorded.id).execution_options(populate_existing=True))
    db.session.refresh(delivery)
    return delivery


def verify_with_the_library(request: dict, secret: str, monkeypatch) -> dict:
    """Verify a received request with ``standardwebhooks``, its clock set to the attempt's
    own time (the attempts' times are simulated)."""
    sent = datetime.fromtimestamp(int(request["headers"]["webhook-timestamp"]),
                                  tz=standard_webhooks.timezone.utc)

    class Clock(datetime):
        @classmethod
        def now(cls, tz=None):
            return sent

    with monkeypatch.context() as patch:
        patch.setattr(standard_webhooks, "datetime", Clock)
        return Webhook(secret).verify(request["body"], request["headers"])


def run_until_settled(delivery_id: int, start: datetime) -> list[datetime]:
    """Attempt a delivery at each time it asks for, until it stops failing; the times."""
    times, now = [], start
    while True:
        times.append(now)
        outcome = webhooks.attempt_delivery(delivery_id, now)
        if outcome.result != "failed":
            return times
        now = now + outcome.retry_in


def test_500_500_500_then_200_is_four_signed_attempts_with_one_id(receiver, monkeypatch):
    receiver.responses = [(500, {}, b"")] * 3 + [(200, {}, b"ok")]
    recorded = event(new_status="paid", old_status="pending_payment")
    delivery = delivery_of(recorded)
    assert delivery.function == "order_status_update" and delivery.status == "pending"
    times = run_until_settled(delivery.id, utcnow())
    delivery = delivery_of(recorded)
    assert delivery.status == "succeeded" and len(times) == 4
    assert [a.status_code for a in delivery.attempts] == [500, 500, 500, 200]
    assert all(a.duration_ms >= 0 for a in delivery.attempts)
    ids = {r["headers"]["webhook-id"] for r in receiver.requests}
    assert ids == {delivery.webhook_id}
    stamps = [r["headers"]["webhook-timestamp"] for r in receiver.requests]
    assert len(set(stamps)) == 4 and stamps == sorted(stamps)
    for request in receiver.requests:
        body = verify_with_the_library(request, SECRET, monkeypatch)
        assert body == {"type": "order.status_changed",
                        "timestamp": recorded.created_at.isoformat(),
                        "data": {"order_id": 1, "new_status": "paid",
                                 "old_status": "pending_payment"}}
        assert request["path"] == "/functions/v1/order_status_update"
        assert request["headers"]["authorization"] == f"Bearer {BEARER}"
    # The waits were the schedule's first three steps, jittered by at most 10 %.
    for wait, step in zip([b - a for a, b in pairwise(times)],
                          webhooks.RETRY_SCHEDULE, strict=False):
        assert step * 0.9 <= wait <= step * 1.1


def test_an_always_failing_receiver_ends_dead_after_the_whole_schedule(receiver):
    receiver.default = (503, {}, b"")
    recorded = event()
    start = utcnow()
    times = run_until_settled(delivery_of(recorded).id, start)
    delivery = delivery_of(recorded)
    assert delivery.status == "dead" and delivery.next_attempt_at is None
    assert len(times) == webhooks.MAX_ATTEMPTS == 10
    # The nine waits are the whole schedule (5 s + 5 min + ... + 24 h = 75 h 35 min 5 s),
    # each jittered by at most 10 %, so their sum is too.
    schedule = sum(webhooks.RETRY_SCHEDULE, timedelta())
    assert schedule == timedelta(hours=75, minutes=35, seconds=5)
    assert schedule * 0.9 <= times[-1] - start <= schedule * 1.1


def test_a_410_is_dead_at_once(receiver):
    receiver.responses = [(410, {}, b"gone")]
    recorded = event()
    outcome = webhooks.attempt_delivery(delivery_of(recorded).id, utcnow())
    assert outcome.result == "dead" and len(receiver.requests) == 1


def test_a_longer_retry_after_replaces_the_next_wait(receiver):
    receiver.responses = [(429, {"Retry-After": "3600"}, b""), (503, {"Retry-After": "1"}, b"")]
    recorded = event()
    now = utcnow()
    first = webhooks.attempt_delivery(delivery_of(recorded).id, now)
    assert first.retry_in == timedelta(hours=1)
    second = webhooks.attempt_delivery(delivery_of(recorded).id, now + first.retry_in)
    # A Retry-After shorter than the schedule's step does not shorten it.
    assert timedelta(minutes=4.5) <= second.retry_in <= timedelta(minutes=5.5)
    assert webhooks.retry_wait(1, timedelta(days=3)) == timedelta(hours=24)


def test_a_receiver_that_hangs_is_cut_off_at_the_read_timeout(receiver, monkeypatch):
    assert (webhooks.CONNECT_TIMEOUT_S, webhooks.READ_TIMEOUT_S) == (5, 15)
    monkeypatch.setattr(webhooks, "READ_TIMEOUT_S", 0.5)
    receiver.responses = [(None, {}, b"")]
    recorded = event()
    outcome = webhooks.attempt_delivery(delivery_of(recorded).id, utcnow())
    assert outcome.result == "failed"
    attempt = delivery_of(recorded).attempts[0]
    assert attempt.status_code is None and attempt.error.startswith("timed out")
    assert 400 <= attempt.duration_ms < 5000


def test_a_refused_connection_is_a_failed_attempt(app, monkeypatch):
    monkeypatch.setitem(app.config, "SUPABASE_FUNCTIONS_URL", "http://127.0.0.1:9")
    monkeypatch.setitem(app.config, "SUPABASE_WEBHOOK_SECRET", SECRET)
    recorded = event()
    assert webhooks.attempt_delivery(delivery_of(recorded).id, utcnow()).result == "failed"
    assert "ConnectionError" in delivery_of(recorded).attempts[0].error


def test_redirects_are_not_followed(receiver):
    receiver.responses = [(302, {"Location": "http://127.0.0.1:9/elsewhere"}, b"")]
    recorded = event()
    assert webhooks.attempt_delivery(delivery_of(recorded).id, utcnow()).result == "failed"
    assert delivery_of(recorded).attempts[0].status_code == 302


def test_a_delivery_is_not_sent_before_it_is_due_or_twice_at_once(receiver):
    receiver.responses = [(500, {}, b"")]
    recorded = event()
    delivery_id = delivery_of(recorded).id
    now = utcnow()
    assert webhooks.attempt_delivery(delivery_id, now).result == "failed"
    assert webhooks.attempt_delivery(delivery_id, now + timedelta(seconds=1)).result == (
        "not_due")
    # A worker holding it (its lease) keeps others off until the lease runs out.
    db.session.execute(sa.update(WebhookDelivery).values(
        locked_until=now + timedelta(minutes=10), next_attempt_at=now))
    db.session.commit()
    assert webhooks.attempt_delivery(delivery_id, now + timedelta(minutes=1)).result == (
        "not_due")
    assert webhooks.attempt_delivery(delivery_id, now + timedelta(minutes=11)).result == (
        "succeeded")
    assert len(receiver.requests) == 2


@pytest.mark.committed
@pytest.mark.postgres
def test_the_next_in_line_is_found_between_transactions(receiver):
    """With real commits, a delivery that succeeds hands over to the one waiting behind it;
    the lookup then runs outside any transaction (one statement in autocommit)."""
    first = delivery_of(event(aggregate_id=7, new_status="paid")).id
    second = delivery_of(event(aggregate_id=7, new_status="processing")).id
    assert webhooks.attempt_delivery(second, utcnow()).result == "waiting"
    assert webhooks.attempt_delivery(first, utcnow()).result == "succeeded"
    assert not db.session().in_transaction()
    assert webhooks.next_in_line(first) == second
    assert not db.session().in_transaction()
    assert webhooks.attempt_delivery(second, utcnow()).result == "succeeded"
    assert webhooks.next_in_line(second) is None


def test_events_of_one_order_are_delivered_in_order(receiver):
    receiver.responses = [(500, {}, b"")]
    first = event(aggregate_id=7, new_status="paid")
    second = event(aggregate_id=7, new_status="processing")
    other = event(aggregate_id=8, new_status="paid")
    now = utcnow()
    assert webhooks.attempt_delivery(delivery_of(first).id, now).result == "failed"
    # The later event of order 7 waits; order 8's does not.
    assert webhooks.attempt_delivery(delivery_of(second).id, now).result == "waiting"
    assert webhooks.attempt_delivery(delivery_of(other).id, now).result == "succeeded"
    assert webhooks.next_in_line(delivery_of(first).id) == delivery_of(second).id
    later = now + timedelta(seconds=10)
    assert webhooks.attempt_delivery(delivery_of(first).id, later).result == "succeeded"
    assert webhooks.attempt_delivery(delivery_of(second).id, later).result == "succeeded"
    statuses = [json.loads(r["body"])["data"]["new_status"] for r in receiver.requests
                if json.loads(r["body"])["data"]["order_id"] == 7]
    assert statuses == ["paid", "paid", "processing"]


def test_the_event_task_sends_and_the_sweep_picks_up_retries(receiver, app):
    receiver.responses = [(500, {}, b"")]
    recorded = event()
    assert deliver_event_task(recorded.id) == ["failed"]
    delivery = delivery_of(recorded)
    assert webhooks.due_deliveries(utcnow()) == []
    assert webhooks.due_deliveries(delivery.next_attempt_at) == [delivery.id]


def test_without_supabase_configured_events_are_kept_not_sent(app):
    assert app.config["SUPABASE_FUNCTIONS_URL"] is None
    recorded = event()
    assert db.session.scalar(sa.select(sa.func.count()).select_from(WebhookDelivery)) == 0
    assert db.session.get(OutboxEvent, recorded.id) is not None


def test_internal_events_are_not_delivered(receiver):
    outbox.record_event("payment.event_received", "payment_event", 1, {"payment_event_id": 1})
    db.session.commit()
    assert db.session.scalar(sa.select(sa.func.count()).select_from(WebhookDelivery)) == 0


# Admin: the delivery browser and redelivery -------------------------------------------------

def test_redelivering_a_dead_delivery_keeps_its_webhook_id(client, admin, receiver):
    receiver.responses = [(410, {}, b"")]
    recorded = event()
    delivery_id = delivery_of(recorded).id
    webhooks.attempt_delivery(delivery_id, utcnow())
    listed = client.get("/api/v1/admin/webhook-deliveries?status=dead", headers=admin)
    assert listed.status_code == 200 and [d["id"] for d in listed.json] == [delivery_id]
    item = listed.json[0]
    assert item["function"] == "order_status_update"
    assert item["event_type"] == "order.status_changed"
    assert item["attempts"][0]["status_code"] == 410 and item["next_attempt_at"] is None
    again = client.post(f"/api/v1/admin/webhook-deliveries/{delivery_id}/redeliver",
                        headers=admin)
    assert again.status_code == 200 and again.json["status"] == "succeeded"
    assert len(again.json["attempts"]) == 2
    ids = [r["headers"]["webhook-id"] for r in receiver.requests]
    assert ids == [item["webhook_id"]] * 2
    conflict = client.post(f"/api/v1/admin/webhook-deliveries/{delivery_id}/redeliver",
                           headers=admin)
    assert conflict.status_code == 409 and conflict.json["error_code"] == (
        "webhook_delivery_not_redeliverable")


def test_the_delivery_browser_filters_and_guards(client, admin, auth_headers, receiver):
    receiver.default = (500, {}, b"")
    failed = event()
    webhooks.attempt_delivery(delivery_of(failed).id, utcnow())
    pending = event("product.updated", aggregate_id=3)
    url = "/api/v1/admin/webhook-deliveries"
    assert [d["id"] for d in client.get(f"{url}?status=failed", headers=admin).json] == [
        delivery_of(failed).id]
    by_function = client.get(f"{url}?function=product_sync", headers=admin).json
    assert [d["id"] for d in by_function] == [delivery_of(pending).id]
    by_type = client.get(f"{url}?event_type=order.status_changed", headers=admin).json
    assert [d["status"] for d in by_type] == ["failed"]
    assert client.get(f"{url}?status=nope", headers=admin).status_code == 422
    pending_id = delivery_of(pending).id
    assert client.post(f"{url}/{pending_id}/redeliver", headers=admin).status_code == 409
    customer = auth_headers(UserFactory())
    assert client.get(url, headers=customer).status_code == 403
    assert client.get(url).status_code == 401
    assert client.get(f"{url}/999999", headers=admin).status_code == 404


def test_the_cli_redelivers_by_filter(app, receiver):
    receiver.default = (410, {}, b"")
    dead_order = event()
    dead_product = event("product.updated", aggregate_id=4)
    for recorded in (dead_order, dead_product):
        webhooks.attempt_delivery(delivery_of(recorded).id, utcnow())
    runner = CliRunner()
    result = runner.invoke(app.cli, ["webhooks", "redeliver", "--function", "product_sync"],
                           catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert result.output.startswith("1 deliveries due for redelivery")
    assert delivery_of(dead_product).status == "failed"
    assert delivery_of(dead_order).status == "dead"


# Subscribed endpoints --------------------------------------------------------------------------

def test_an_admin_subscribes_an_endpoint_and_it_receives_signed_events(client, admin,
                                                                        monkeypatch):
    with Receiver() as endpoint:
        created = client.post("/api/v1/admin/webhook-endpoints", headers=admin, json={
            "url": endpoint.url + "/hooks", "event_types": ["product.updated"],
            "description": "search index"})
        assert created.status_code == 201 and created.json["secret"].startswith("whsec_")
        event("product.updated", aggregate_id=5)
        event("order.status_changed", aggregate_id=5)
        deliveries = db.session.scalars(sa.select(WebhookDelivery)).all()
        assert [(d.endpoint_id, d.event_type) for d in deliveries] == [
            (created.json["id"], "product.updated")]
        assert webhooks.attempt_delivery(deliveries[0].id, utcnow()).result == "succeeded"
        request = endpoint.requests[0]
        assert request["path"] == "/hooks" and "authorization" not in request["headers"]
        verify_with_the_library(request, created.json["secret"], monkeypatch)
    listed = client.get("/api/v1/admin/webhook-endpoints", headers=admin).json
    assert [e["url"] for e in listed] == [endpoint.url + "/hooks"] and "secret" not in listed[0]
    endpoint_id = created.json["id"]
    off = client.patch(f"/api/v1/admin/webhook-endpoints/{endpoint_id}", headers=admin,
                       json={"active": False})
    assert off.status_code == 200 and off.json["active"] is False
    event("product.updated", aggregate_id=6)
    assert db.session.scalar(sa.select(sa.func.count()).select_from(WebhookDelivery)) == 1
    assert client.delete(f"/api/v1/admin/webhook-endpoints/{endpoint_id}",
                         headers=admin).status_code == 204


@pytest.mark.parametrize("url, reason", [
    ("http://example.com/hook", "https"),
    ("https://127.0.0.1/hook", "internal"),
    ("https://10.1.2.3/hook", "internal"),
    ("https://169.254.169.254/latest", "internal"),
    ("https://[::1]/hook", "internal"),
    ("https://localhost/hook", "internal"),
])
def test_outside_development_endpoints_must_be_public_https(client, admin, app, monkeypatch,
                                                            url, reason):
    monkeypatch.setitem(app.config, "APP_ENV", "production")
    response = client.post("/api/v1/admin/webhook-endpoints", headers=admin,
                           json={"url": url, "event_types": ["product.updated"]})
    assert response.status_code == 422 and response.json["error_code"] == "unsafe_webhook_url"
    assert reason in response.json["message"]


def test_endpoint_input_is_checked(client, admin):
    url = "/api/v1/admin/webhook-endpoints"
    assert client.post(url, headers=admin, json={"url": "https://example.com"}).status_code == 422
    assert client.post(url, headers=admin, json={
        "url": "https://example.com", "event_types": ["payment.event_received"]}
    ).status_code == 422
    assert client.post(url, headers=admin, json={
        "url": "ftp://example.com", "event_types": ["product.updated"]}).status_code == 422
    assert client.get(f"{url}/999999", headers=admin).status_code == 404


def test_a_dead_delivery_can_be_redelivered_while_the_status_is_kept(receiver):
    receiver.default = (410, {}, b"")
    recorded = event()
    webhooks.attempt_delivery(delivery_of(recorded).id, utcnow())
    assert delivery_of(recorded).status == DeliveryStatus.DEAD
    webhook_redelivery.redeliver(delivery_of(recorded).id, utcnow())
    db.session.commit()
    assert webhooks.attempt_delivery(delivery_of(recorded).id, utcnow()).result == "dead"
    assert len(delivery_of(recorded).attempts) == 2


def test_the_sweep_leaves_out_deliveries_waiting_behind_an_earlier_one(receiver):
    receiver.default = (500, {}, b"")
    first = event(aggregate_id=9)
    second = event(aggregate_id=9)
    third = event(aggregate_id=10)
    now = utcnow()
    webhooks.attempt_delivery(delivery_of(first).id, now)
    later = now + timedelta(hours=1)
    assert webhooks.due_deliveries(later) == [delivery_of(first).id, delivery_of(third).id]
    assert delivery_of(second).id not in webhooks.due_deliveries(later)
