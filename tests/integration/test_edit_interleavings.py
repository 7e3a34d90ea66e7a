"""Order edits against what else moves an order, forced on PostgreSQL as the other
interleavings are (``tests.harness``): an edit against the payment's webhook (both orders), the
reservation's expiry against an edit (both orders), and two edits of one order. Stock is
conserved per location in every one, and the money adds up: what was paid, what is due."""

from __future__ import annotations

import secrets
from datetime import timedelta

import pytest
import sqlalchemy as sa
from flask_jwt_extended import create_access_token

from models import BalancePayment, Order, db, utcnow
from services import orders
from tests.factories import UserFactory
from tests.harness import paused, run_in_thread, wait_until_blocked
from tests.integration.test_checkout_concurrency import _customers
from tests.integration.test_interleavings import (
    _apply_payment,
    _checkout,
    _conserved,
    _east,
    _settle,
    _variant,
)

pytestmark = [pytest.mark.postgres, pytest.mark.committed]


def _admin(app) -> dict:
    with app.app_context():
        admin = UserFactory(role="admin")
        db.session.commit()
        return {"Authorization": f"Bearer {create_access_token(str(admin.id))}"}


def _placed(app, units=2, on_hand=5, east=0):
    """An unpaid order of ``units`` of a new variant (``on_hand`` at default, ``east`` at
    a second location, of lower priority); its answer, variant id and East's code."""
    variant_id = _variant(app, on_hand=on_hand)
    east_code = _east(app, variant_id, east)[1] if east else None
    (headers,) = _customers(app, 1, [(variant_id, units)], prefix=f"e{secrets.token_hex(3)}")
    placed = _checkout(app, headers, "place")()
    assert placed.status_code == 201, placed.json
    return placed.json, variant_id, east_code


def _edit(app, admin, order_id, item_id, quantity, key="edit"):
    def send():
        return app.test_client().post(
            f"/api/v1/admin/orders/{order_id}/edits",
            headers={**admin, "Idempotency-Key": key},
            json={"change": [{"order_item_id": item_id, "quantity": quantity}]})
    return send


def _order(app, order_id):
    with app.app_context():
        order = db.session.get(Order, order_id)
        balances = db.session.execute(
            sa.select(BalancePayment.amount, BalancePayment.status)
            .where(BalancePayment.order_id == order_id).order_by(BalancePayment.id)).all()
        return order.status, order.total, order.amount_paid, order.balance_due, balances


def test_edit_x_payment_webhook(app):
    """The edit holds the order (2 → 3 units) while the webhook of a payment for the old
    total is applied: the webhook waits, then takes the payment and asks the rest as a
    balance. The three units are sold, none twice."""
    placed, variant_id, _ = _placed(app)
    order, item = placed["order"], placed["order"]["items"][0]
    admin = _admin(app)
    _settle(app, placed["payment"]["payment_intent_id"])
    with paused("edit.order_locked", _edit(app, admin, order["id"], item["id"], 3)) as edited:
        applied = run_in_thread(_apply_payment(app, placed["payment"]["payment_intent_id"]))
        wait_until_blocked(db.engine)
    assert edited().status_code == 201
    assert applied() == ["paid"]
    status, total, amount_paid, due, balances = _order(app, order["id"])
    assert (status, amount_paid) == ("paid", order["total"])
    assert due == total - order["total"] > 0 and balances == [(due, "pending")]
    assert _conserved(app, variant_id) == {"default": (2, 0)}


def test_payment_read_back_x_edit(app):
    """The webhook read the payment (for the old total) before the edit, and applies it
    after the edit committed: the same end as the other order."""
    placed, variant_id, _ = _placed(app)
    order, item = placed["order"], placed["order"]["items"][0]
    admin = _admin(app)
    _settle(app, placed["payment"]["payment_intent_id"])
    intent = placed["payment"]["payment_intent_id"]
    with paused("payment.read_back", _apply_payment(app, intent)) as applied:
        assert _edit(app, admin, order["id"], item["id"], 3)().status_code == 201
    assert applied() == ["paid"]
    status, total, amount_paid, due, balances = _order(app, order["id"])
    assert (status, amount_paid) == ("paid", order["total"])
    assert due == total - order["total"] > 0 and balances == [(due, "pending")]
    assert _conserved(app, variant_id) == {"default": (2, 0)}


def test_expiry_x_edit(app):
    """The expiry sweep holds the lapsed order; an edit of it waits on the order's lock,
    then finds it cancelled (409). Every unit held is back, at its location."""
    placed, variant_id, east = _placed(app, units=3, on_hand=2, east=4)
    order, item = placed["order"], placed["order"]["items"][0]
    admin = _admin(app)
    assert _conserved(app, variant_id) == {"default": (2, 0), east: (4, 3)}

    def sweep():
        with app.app_context():
            later = utcnow() + timedelta(seconds=app.config["RESERVATION_TTL_SECONDS"] + 1)
            expired = orders.expire_reservations(later)
            db.session.commit()
            return expired

    with paused("expiry.orders_locked", sweep) as swept:
        edited = run_in_thread(_edit(app, admin, order["id"], item["id"], 1))
        wait_until_blocked(db.engine)
    assert swept() == 1
    refused = edited()
    assert refused.status_code == 409 and refused.json["error_code"] == "order_not_editable"
    assert _order(app, order["id"])[0] == "cancelled"
    assert _conserved(app, variant_id) == {"default": (2, 0), east: (4, 0)}


def test_edit_x_expiry(app):
    """The edit holds the order (3 → 5 units, 2 more from default) as its hold lapses: the
    sweep skips the locked order, the edit lands, and the next sweep releases exactly what
    the edited order holds, at each location."""
    placed, variant_id, east = _placed(app, units=3, on_hand=2, east=4)
    order, item = placed["order"], placed["order"]["items"][0]
    admin = _admin(app)

    def sweep():
        with app.app_context():
            later = utcnow() + timedelta(seconds=app.config["RESERVATION_TTL_SECONDS"] + 1)
            expired = orders.expire_reservations(later)
            db.session.commit()
            return expired

    with paused("edit.order_locked", _edit(app, admin, order["id"], item["id"], 5)) as edited:
        assert sweep() == 0                               # SKIP LOCKED: not blocked
    assert edited().status_code == 201
    assert _conserved(app, variant_id) == {"default": (2, 2), east: (4, 3)}
    assert sweep() == 1
    assert _conserved(app, variant_id) == {"default": (2, 0), east: (4, 0)}


def test_edit_x_edit_of_a_paid_order(app):
    """Two edits of one paid order at once (1 → 2, then → 4): the second waits, then
    replaces the first's balance by one for everything owed."""
    placed, variant_id, _ = _placed(app, units=1, on_hand=10)
    order, item = placed["order"], placed["order"]["items"][0]
    admin = _admin(app)
    intent = placed["payment"]["payment_intent_id"]
    _settle(app, intent)
    assert _apply_payment(app, intent)() == ["paid"]
    with paused("edit.order_locked", _edit(app, admin, order["id"], item["id"], 2, "a")) as a:
        b = run_in_thread(_edit(app, admin, order["id"], item["id"], 4, "b"))
        wait_until_blocked(db.engine)
    assert (a().status_code, b().status_code) == (201, 201)
    status, total, amount_paid, due, balances = _order(app, order["id"])
    assert (status, amount_paid, due) == ("paid", order["total"], total - order["total"])
    assert balances == [(balances[0][0], "cancelled"), (due, "pending")]
    assert _conserved(app, variant_id) == {"default": (6, 0)}
