"""Guest checkout: orders and discount redemptions without a user, a guest order's nonce
(its token is derived from it), and idempotency keys owned by a guest cart.

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-02 02:10:00

"""
from alembic import op
import sqlalchemy as sa


revision = '0014'
down_revision = '0013'
branch_labels = None
depends_on = None

# SQLite rebuilds a table to change a column's nullability, and refuses while a trigger
# (the refund ledger's guard of 0008, which reads orders) names it: the guard is taken
# down around the rebuild and put back as it was.
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
        batch_op.alter_column('user_id', existing_type=sa.Integer(), nullable=True)
        batch_op.add_column(sa.Column('guest_nonce', sa.String(length=64), nullable=True))
    _rebuild_orders(change)
    with op.batch_alter_table('discount_redemptions', schema=None) as batch_op:
        batch_op.alter_column('user_id', existing_type=sa.Integer(), nullable=True)
    with op.batch_alter_table('idempotency_keys', schema=None) as batch_op:
        batch_op.alter_column('user_id', existing_type=sa.Integer(), nullable=True)
        batch_op.add_column(sa.Column('guest_cart', sa.String(length=64), nullable=True))
        batch_op.create_unique_constraint('uq_idempotency_keys_guest_cart_key',
                                          ['guest_cart', 'key'])
        batch_op.create_check_constraint('ck_idempotency_keys_one_owner',
                                         '(user_id IS NULL) <> (guest_cart IS NULL)')


def downgrade():
    # Guests' rows have no user to keep them by: they go (a lossy downgrade, for a
    # database that never took a guest order in earnest).
    op.execute("DELETE FROM idempotency_keys WHERE user_id IS NULL")
    op.execute("DELETE FROM discount_redemptions WHERE user_id IS NULL")
    op.execute("DELETE FROM refunds WHERE order_id IN "
               "(SELECT id FROM orders WHERE user_id IS NULL)")
    op.execute("DELETE FROM orders WHERE user_id IS NULL")
    with op.batch_alter_table('idempotency_keys', schema=None) as batch_op:
        batch_op.drop_constraint('ck_idempotency_keys_one_owner', type_='check')
        batch_op.drop_constraint('uq_idempotency_keys_guest_cart_key', type_='unique')
        batch_op.drop_column('guest_cart')
        batch_op.alter_column('user_id', existing_type=sa.Integer(), nullable=False)
    with op.batch_alter_table('discount_redemptions', schema=None) as batch_op:
        batch_op.alter_column('user_id', existing_type=sa.Integer(), nullable=False)
    def change(batch_op):
        batch_op.drop_column('guest_nonce')
        batch_op.alter_column('user_id', existing_type=sa.Integer(), nullable=False)
    _rebuild_orders(change)
