"""Order edits and the balance payments of paid orders whose total rose; an order's
``amount_paid`` (the refund ledger's bound, once a total can fall below what was paid) and
``balance_due``; refunds name the payment they give back from; the fake provider keeps one
payment per idempotency key (an order may now have several).

Revision ID: 0023
Revises: 0022
Create Date: 2026-12-02 08:10:00

"""
from alembic import op
import sqlalchemy as sa


revision = '0023'
down_revision = '0022'
branch_labels = None
depends_on = None

# The ledger's guard, bound by what was captured (``amount_paid``) instead of the total:
# an edit may lower the total below what was paid and refund the difference.
POSTGRES_GUARD = """
CREATE OR REPLACE FUNCTION refunds_within_payment() RETURNS trigger AS $$
DECLARE
    captured integer;
    held bigint;
BEGIN
    IF NEW.status = 'failed' THEN
        RETURN NEW;
    END IF;
    SELECT {bound} INTO captured FROM orders WHERE id = NEW.order_id FOR UPDATE;
    SELECT COALESCE(SUM(amount), 0) INTO held FROM refunds
     WHERE order_id = NEW.order_id AND status <> 'failed' AND id <> NEW.id;
    IF held + NEW.amount > captured THEN
        RAISE EXCEPTION 'refunds of order % would exceed its payment: % + % > %',
            NEW.order_id, held, NEW.amount, captured USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END
$$ LANGUAGE plpgsql;
"""
SQLITE_GUARD = """
CREATE TRIGGER refunds_within_payment_{name} BEFORE {event} ON refunds
WHEN NEW.status <> 'failed'
 AND (SELECT COALESCE(SUM(amount), 0) FROM refunds
       WHERE order_id = NEW.order_id AND status <> 'failed' AND id IS NOT NEW.id)
     + NEW.amount > (SELECT {bound} FROM orders WHERE id = NEW.order_id)
BEGIN
    SELECT RAISE(ABORT, 'refunds would exceed the payment');
END;
"""


def _guard(bound: str) -> None:
    if op.get_bind().dialect.name == 'postgresql':
        op.execute(POSTGRES_GUARD.format(bound=bound))
    else:
        op.execute(SQLITE_GUARD.format(name='insert', event='INSERT', bound=bound))
        op.execute(SQLITE_GUARD.format(name='update', event='UPDATE OF amount, status',
                                       bound=bound))


def _rebuild_orders(change, bound: str) -> None:
    # SQLite rebuilds orders to change a check constraint, and refuses while the guard
    # (which reads orders) names it: taken down around the rebuild, as in 0017.
    sqlite = op.get_bind().dialect.name == 'sqlite'
    if sqlite:
        op.execute('DROP TRIGGER refunds_within_payment_insert')
        op.execute('DROP TRIGGER refunds_within_payment_update')
    with op.batch_alter_table('orders', schema=None) as batch_op:
        change(batch_op)
    _guard(bound)


def upgrade():
    def add_amounts(batch_op):
        batch_op.add_column(sa.Column('amount_paid', sa.Integer(), server_default='0',
                                      nullable=False))
        batch_op.add_column(sa.Column('balance_due', sa.Integer(), server_default='0',
                                      nullable=False))

    with op.batch_alter_table('orders', schema=None) as batch_op:
        add_amounts(batch_op)
    # Every order paid so far was paid its total, once.
    op.execute('UPDATE orders SET amount_paid = total WHERE paid_at IS NOT NULL')

    def bound_by_paid(batch_op):
        batch_op.drop_constraint(batch_op.f('ck_orders_amount_refunded_within_total'), type_='check')
        batch_op.create_check_constraint(
            batch_op.f('ck_orders_amount_refunded_within_paid'),
            'amount_refunded >= 0 AND amount_refunded <= amount_paid')
        batch_op.create_check_constraint(batch_op.f('ck_orders_paid_and_due'),
                                         'amount_paid >= 0 AND balance_due >= 0')
    _rebuild_orders(bound_by_paid, 'amount_paid')

    op.create_table('balance_payments',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('order_id', sa.Integer(), nullable=False),
    sa.Column('amount', sa.Integer(), nullable=False),
    sa.Column('currency', sa.String(length=3), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('payment_intent_id', sa.String(length=255), nullable=True),
    sa.Column('paid_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint('amount > 0', name=op.f('ck_balance_payments_amount_positive')),
    sa.CheckConstraint("status IN ('pending', 'succeeded', 'cancelled')",
                       name=op.f('ck_balance_payments_status')),
    sa.ForeignKeyConstraint(['order_id'], ['orders.id'],
                            name=op.f('fk_balance_payments_order_id_orders'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_balance_payments')),
    sa.UniqueConstraint('payment_intent_id', name=op.f('uq_balance_payments_payment_intent_id'))
    )
    with op.batch_alter_table('balance_payments', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_balance_payments_order_id'), ['order_id'],
                              unique=False)
        batch_op.create_index('uq_balance_payments_one_pending', ['order_id'], unique=True,
                              postgresql_where=sa.text("status = 'pending'"),
                              sqlite_where=sa.text("status = 'pending'"))
    op.create_table('order_edits',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('order_id', sa.Integer(), nullable=False),
    sa.Column('edited_by_id', sa.Integer(), nullable=True),
    sa.Column('changes', sa.JSON(), nullable=False),
    sa.Column('lines_before', sa.JSON(), nullable=False),
    sa.Column('lines_after', sa.JSON(), nullable=False),
    sa.Column('total_before', sa.Integer(), nullable=False),
    sa.Column('total_after', sa.Integer(), nullable=False),
    sa.Column('currency', sa.String(length=3), nullable=False),
    sa.Column('refund_id', sa.Integer(), nullable=True),
    sa.Column('balance_payment_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['balance_payment_id'], ['balance_payments.id'],
                            name=op.f('fk_order_edits_balance_payment_id_balance_payments'),
                            ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['edited_by_id'], ['users.id'],
                            name=op.f('fk_order_edits_edited_by_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['order_id'], ['orders.id'],
                            name=op.f('fk_order_edits_order_id_orders'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['refund_id'], ['refunds.id'],
                            name=op.f('fk_order_edits_refund_id_refunds'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_order_edits'))
    )
    with op.batch_alter_table('order_edits', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_order_edits_order_id'), ['order_id'], unique=False)
    sqlite = op.get_bind().dialect.name == 'sqlite'
    if sqlite:
        # The rebuild of refunds would drop its triggers with the old table.
        op.execute('DROP TRIGGER refunds_within_payment_insert')
        op.execute('DROP TRIGGER refunds_within_payment_update')
    with op.batch_alter_table('refunds', schema=None) as batch_op:
        batch_op.add_column(sa.Column('payment_intent_id', sa.String(length=255), nullable=True))
        batch_op.add_column(sa.Column('part_of_id', sa.Integer(), nullable=True))
        batch_op.create_foreign_key(batch_op.f('fk_refunds_part_of_id_refunds'), 'refunds',
                                    ['part_of_id'], ['id'], ondelete='CASCADE')
    if sqlite:
        _guard('amount_paid')
    with op.batch_alter_table('fake_payments', schema=None) as batch_op:
        batch_op.add_column(sa.Column('idempotency_key', sa.String(length=255), nullable=True))
        batch_op.add_column(sa.Column('metadata', sa.JSON(), server_default='{}',
                                      nullable=False))
    op.execute("UPDATE fake_payments SET idempotency_key = "
               "'stockroom-order-' || order_id || '-payment'")
    with op.batch_alter_table('fake_payments', schema=None) as batch_op:
        batch_op.alter_column('idempotency_key', existing_type=sa.String(length=255),
                              nullable=False)
        batch_op.drop_constraint(batch_op.f('uq_fake_payments_order_id'), type_='unique')
        batch_op.create_unique_constraint(batch_op.f('uq_fake_payments_idempotency_key'),
                                          ['idempotency_key'])
        batch_op.create_index(batch_op.f('ix_fake_payments_order_id'), ['order_id'],
                              unique=False)


def downgrade():
    with op.batch_alter_table('fake_payments', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_fake_payments_order_id'))
        batch_op.drop_constraint(batch_op.f('uq_fake_payments_idempotency_key'), type_='unique')
        batch_op.create_unique_constraint(batch_op.f('uq_fake_payments_order_id'), ['order_id'])
        batch_op.drop_column('metadata')
        batch_op.drop_column('idempotency_key')
    sqlite = op.get_bind().dialect.name == 'sqlite'
    if sqlite:
        op.execute('DROP TRIGGER refunds_within_payment_insert')
        op.execute('DROP TRIGGER refunds_within_payment_update')
    with op.batch_alter_table('refunds', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_refunds_part_of_id_refunds'), type_='foreignkey')
        batch_op.drop_column('part_of_id')
        batch_op.drop_column('payment_intent_id')
    if sqlite:
        _guard('amount_paid')
    with op.batch_alter_table('order_edits', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_order_edits_order_id'))
    op.drop_table('order_edits')
    with op.batch_alter_table('balance_payments', schema=None) as batch_op:
        batch_op.drop_index('uq_balance_payments_one_pending')
        batch_op.drop_index(batch_op.f('ix_balance_payments_order_id'))
    op.drop_table('balance_payments')

    def bound_by_total(batch_op):
        batch_op.drop_constraint(batch_op.f('ck_orders_paid_and_due'), type_='check')
        batch_op.drop_constraint(batch_op.f('ck_orders_amount_refunded_within_paid'), type_='check')
        batch_op.create_check_constraint(
            batch_op.f('ck_orders_amount_refunded_within_total'),
            'amount_refunded >= 0 AND amount_refunded <= total')
        batch_op.drop_column('balance_due')
        batch_op.drop_column('amount_paid')
    _rebuild_orders(bound_by_total, 'total')
