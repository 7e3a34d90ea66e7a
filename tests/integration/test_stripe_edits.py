"""Order edits against localstripe through the real ``stripe`` library: an unpaid order's
PaymentIntent asked for its edited total; a paid order's rise paid through a balance
PaymentIntent of its own, confirmed with Stripe's client and applied from localstripe's
signed webhook; then a cancel refunding each PaymentIntent what it captured."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from models import BalancePayment, Refund, db
from tests.factories import UserFactory, VariantFactory
from tests.integration.test_stripe import (
    confirm,
    levels,
    order,
    place,
    register_webhook,
    shopper_with_cart,
)

pytestmark = pytest.mark.committed


def edit(client, auth_headers, order_id, item_id, quantity, key):
    admin = UserFactory(role="admin")
    db.session.commit()
    answer = client.post(f"/api/v1/admin/orders/{order_id}/edits",
                         headers={**auth_headers(admin), "Idempotency-Key": key},
                         json={"change": [{"order_item_id": item_id, "quantity": quantity}]})
    assert answer.status_code == 201, answer.json
    return answer.json


def test_an_unpaid_edit_changes_the_payment_intents_amount(
        client, auth_headers, stripe_provider, customer_stripe, localstripe, live_server,
        published, run_consumers):
    register_webhook(localstripe, f"{live_server.url}/api/v1/webhooks/stripe")
    variant = VariantFactory(on_hand=5, price=2500)
    placed = place(client, auth_headers, shopper_with_cart(variant, 1))
    intent_id = placed["payment"]["payment_intent_id"]
    edited = edit(client, auth_headers, placed["order"]["id"],
                  placed["order"]["items"][0]["id"], 3, "up")
    run_consumers()
    intent = customer_stripe.v1.payment_intents.retrieve(intent_id)
    # (localstripe echoes an updated amount as the string it was sent.)
    assert int(intent.amount) == edited["order"]["total"] > placed["order"]["total"]
    assert confirm(customer_stripe, intent_id, "pm_card_visa").status == "succeeded"
    published("payment.event_received")
    run_consumers()
    paid = order(placed["order"]["id"])
    assert (paid.status, paid.amount_paid, paid.balance_due) == (
        "paid", edited["order"]["total"], 0)
    assert levels(variant.id) == (2, 0)


def test_a_balance_paid_with_its_own_payment_intent_then_both_refunded(
        client, auth_headers, stripe_provider, customer_stripe, localstripe, live_server,
        published, run_consumers):
    register_webhook(localstripe, f"{live_server.url}/api/v1/webhooks/stripe")
    variant = VariantFactory(on_hand=5, price=2500)
    user = shopper_with_cart(variant, 1)
    placed = place(client, auth_headers, user)
    first = placed["payment"]["payment_intent_id"]
    confirm(customer_stripe, first, "pm_card_visa")
    published("payment.event_received")
    run_consumers()

    edited = edit(client, auth_headers, placed["order"]["id"],
                  placed["order"]["items"][0]["id"], 2, "rise")
    due = edited["order"]["balance_due"]
    assert due == edited["order"]["total"] - placed["order"]["total"] > 0
    run_consumers()
    started = client.post(f"/api/v1/orders/{placed['order']['id']}/balance-payment",
                          headers=auth_headers(user))
    assert started.status_code == 200, started.json
    balance_intent = started.json["payment_intent_id"]
    assert balance_intent != first and started.json["client_secret"].startswith(balance_intent)
    intent = customer_stripe.v1.payment_intents.retrieve(balance_intent)
    assert (intent.amount, intent.metadata["order_id"]) == (due, str(placed["order"]["id"]))
    assert intent.metadata["balance_payment_id"] == str(started.json["balance_payment"]["id"])
    assert confirm(customer_stripe, balance_intent, "pm_card_visa").status == "succeeded"
    published("payment.event_received")
    run_consumers()
    paid = order(placed["order"]["id"])
    assert (paid.amount_paid, paid.balance_due) == (edited["order"]["total"], 0)
    assert db.session.scalar(sa.select(BalancePayment.status)) == "succeeded"
    db.session.commit()

    cancelled = client.post(f"/api/v1/orders/{placed['order']['id']}/cancel",
                            headers=auth_headers(user))
    assert cancelled.status_code == 200, cancelled.json
    # The request shared this test's session, whose answer read the order back: end that
    # read (on SQLite it holds the write lock the tasks need).
    db.session.commit()
    run_consumers()
    at_stripe = {intent_id: sum(r.amount for r in customer_stripe.v1.refunds.list(
        params={"payment_intent": intent_id}).data) for intent_id in (first, balance_intent)}
    assert at_stripe == {first: placed["order"]["total"], balance_intent: due}
    done = order(placed["order"]["id"])
    assert (done.status, done.payment_status, done.amount_refunded) == (
        "cancelled", "refunded", done.amount_paid)
    assert db.session.scalars(sa.select(Refund.status)).all() == ["succeeded", "succeeded"]
    assert levels(variant.id) == (5, 0)
