"""Stripe Tax: the calculation an order was charged, the tax transaction recorded once it
was paid, and each refund's reversal of it.

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-02 05:20:00

"""
from alembic import op
import sqlalchemy as sa


revision = '0018'
down_revision = '0017'
branch_labels = None
depends_on = None


def upgrade():
    # Plain added columns: SQLite adds them in place (no rebuild of orders, whose
    # refund-ledger trigger would refuse one).
    op.add_column('orders', sa.Column('tax_calculation_id', sa.String(length=255), nullable=True))
    op.add_column('orders', sa.Column('tax_transaction_id', sa.String(length=255), nullable=True))
    op.add_column('refunds', sa.Column('tax_reversal_id', sa.String(length=255), nullable=True))


def downgrade():
    sqlite = op.get_bind().dialect.name == 'sqlite'
    if sqlite:
        # SQLite 3.35+ drops a plain column in place too.
        op.execute('ALTER TABLE refunds DROP COLUMN tax_reversal_id')
        op.execute('ALTER TABLE orders DROP COLUMN tax_transaction_id')
        op.execute('ALTER TABLE orders DROP COLUMN tax_calculation_id')
        return
    op.drop_column('refunds', 'tax_reversal_id')
    op.drop_column('orders', 'tax_transaction_id')
    op.drop_column('orders', 'tax_calculation_id')
