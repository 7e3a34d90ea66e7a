"""Hosted Stripe Checkout: an order's payment flow (a PaymentIntent the storefront
confirms, or a Checkout Session), its session and the addresses the hosted page returns to.

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-02 05:10:00

"""
from alembic import op
import sqlalchemy as sa


revision = '0017'
down_revision = '0016'
branch_labels = None
depends_on = None

# SQLite rebuilds orders to add a check constraint, and refuses while the refund ledger's
# guard (0008's trigger, which reads orders) names it: taken down around the rebuild.
SQLITE_GUARD = """
CREATE TRIGGER refunds_within_payment_{name} BEFORE {event} ON refunds
WHEN NEW.status <> 'failed'
 AND (SELECT COALESCE(SUM(amount), 0) FROM refunds
       WHERE order_id = NEW.order_id AND status <> 'failed' AND id IS NOT NEW.id)
     + NEW.amount > (SELECT total FROM orders WHERE id = NEW.order_id)
BEGIN
    SELECT RAISE(ABORT, 'refunds would exceed the payment');
END;
"""


def _rebuild_orders(change):
    sqlite = op.get_bind().dialect.name == 'sqlite'
    if sqlite:
        op.execute('DROP TRIGGER refunds_within_payment_insert')
        op.execute('DROP TRIGGER refunds_within_payment_update')
    with op.batch_alter_table('orders', schema=None) as batch_op:
        change(batch_op)
    if sqlite:
        op.execute(SQLITE_GUARD.format(name='insert', event='INSERT'))
        op.execute(SQLITE_GUARD.format(name='update', event='UPDATE OF amount, status'))


def upgrade():
    def change(batch_op):
        batch_op.add_column(sa.Column('payment_flow', sa.String(length=20),
                                      server_default='payment_intent', nullable=False))
        batch_op.add_column(sa.Column('checkout_session_id', sa.String(length=255), nullable=True))
        batch_op.add_column(sa.Column('checkout_success_url', sa.String(length=2000), nullable=True))
        batch_op.add_column(sa.Column('checkout_cancel_url', sa.String(length=2000), nullable=True))
        batch_op.create_unique_constraint(batch_op.f('uq_orders_checkout_session_id'),
                                          ['checkout_session_id'])
        batch_op.create_check_constraint(
            'ck_orders_payment_flow', "payment_flow IN ('payment_intent', 'checkout_session')")
    _rebuild_orders(change)


def downgrade():
    def change(batch_op):
        batch_op.drop_constraint('ck_orders_payment_flow', type_='check')
        batch_op.drop_constraint(batch_op.f('uq_orders_checkout_session_id'), type_='unique')
        batch_op.drop_column('checkout_cancel_url')
        batch_op.drop_column('checkout_success_url')
        batch_op.drop_column('checkout_session_id')
        batch_op.drop_column('payment_flow')
    _rebuild_orders(change)
