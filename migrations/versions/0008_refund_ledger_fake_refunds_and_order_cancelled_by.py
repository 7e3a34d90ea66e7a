"""The refund ledger's guard (succeeded plus pending refunds never exceed the order's
payment, as a trigger), the fake provider's refunds, and who cancelled an order.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-01 22:30:00

"""
from alembic import op
import sqlalchemy as sa


revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None

# The trigger takes the order's row lock before it sums, so two transactions adding refunds
# to one order take turns even when the application forgot to lock it.
POSTGRES_GUARD = """
CREATE FUNCTION refunds_within_payment() RETURNS trigger AS $$
DECLARE
    captured integer;
    held bigint;
BEGIN
    IF NEW.status = 'failed' THEN
        RETURN NEW;
    END IF;
    SELECT total INTO captured FROM orders WHERE id = NEW.order_id FOR UPDATE;
    SELECT COALESCE(SUM(amount), 0) INTO held FROM refunds
     WHERE order_id = NEW.order_id AND status <> 'failed' AND id <> NEW.id;
    IF held + NEW.amount > captured THEN
        RAISE EXCEPTION 'refunds of order % would exceed its payment: % + % > %',
            NEW.order_id, held, NEW.amount, captured USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END
$$ LANGUAGE plpgsql;
CREATE TRIGGER refunds_within_payment BEFORE INSERT OR UPDATE OF amount, status ON refunds
    FOR EACH ROW EXECUTE FUNCTION refunds_within_payment();
"""
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


def upgrade():
    op.create_table('fake_refunds',
    sa.Column('id', sa.String(length=64), nullable=False),
    sa.Column('payment_id', sa.String(length=64), nullable=False),
    sa.Column('idempotency_key', sa.String(length=255), nullable=True),
    sa.Column('amount', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('metadata', sa.JSON(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['payment_id'], ['fake_payments.id'], name=op.f('fk_fake_refunds_payment_id_fake_payments'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_fake_refunds')),
    sa.UniqueConstraint('idempotency_key', name=op.f('uq_fake_refunds_idempotency_key'))
    )
    with op.batch_alter_table('fake_refunds', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_fake_refunds_payment_id'), ['payment_id'], unique=False)
    with op.batch_alter_table('orders', schema=None) as batch_op:
        batch_op.add_column(sa.Column('cancelled_by', sa.String(length=16), nullable=True))
    if op.get_bind().dialect.name == 'postgresql':
        op.execute(POSTGRES_GUARD)
    else:
        op.execute(SQLITE_GUARD.format(name='insert', event='INSERT'))
        op.execute(SQLITE_GUARD.format(name='update', event='UPDATE OF amount, status'))


def downgrade():
    if op.get_bind().dialect.name == 'postgresql':
        op.execute('DROP TRIGGER refunds_within_payment ON refunds')
        op.execute('DROP FUNCTION refunds_within_payment()')
    else:
        op.execute('DROP TRIGGER refunds_within_payment_insert')
        op.execute('DROP TRIGGER refunds_within_payment_update')
    with op.batch_alter_table('orders', schema=None) as batch_op:
        batch_op.drop_column('cancelled_by')
    with op.batch_alter_table('fake_refunds', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_fake_refunds_payment_id'))
    op.drop_table('fake_refunds')
