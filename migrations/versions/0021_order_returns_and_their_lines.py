"""Returns: a customer's return of shipped units, and each line's receipt (restocked to a
location, or not).

Revision ID: 0021
Revises: 0020
Create Date: 2026-12-02 06:20:00

"""
from alembic import op
import sqlalchemy as sa


revision = '0021'
down_revision = '0020'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('order_returns',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('order_id', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('refund_total', sa.Integer(), nullable=False),
    sa.Column('refund_id', sa.Integer(), nullable=True),
    sa.Column('note', sa.String(length=500), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint("status IN ('requested', 'approved', 'rejected', 'received', 'refunded')", name=op.f('ck_order_returns_status')),
    sa.CheckConstraint('refund_total >= 0', name=op.f('ck_order_returns_refund_total_not_negative')),
    sa.ForeignKeyConstraint(['order_id'], ['orders.id'], name=op.f('fk_order_returns_order_id_orders'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['refund_id'], ['refunds.id'], name=op.f('fk_order_returns_refund_id_refunds'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_order_returns')),
    sa.UniqueConstraint('refund_id', name=op.f('uq_order_returns_refund_id'))
    )
    op.create_index(op.f('ix_order_returns_order_id'), 'order_returns', ['order_id'], unique=False)
    op.create_table('return_lines',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('return_id', sa.Integer(), nullable=False),
    sa.Column('order_item_id', sa.Integer(), nullable=False),
    sa.Column('quantity', sa.Integer(), nullable=False),
    sa.Column('reason', sa.String(length=200), nullable=False),
    sa.Column('received_quantity', sa.Integer(), nullable=True),
    sa.Column('restocked', sa.Boolean(), nullable=True),
    sa.Column('location_id', sa.Integer(), nullable=True),
    sa.Column('received_at', sa.DateTime(timezone=True), nullable=True),
    sa.CheckConstraint('quantity > 0', name=op.f('ck_return_lines_quantity_positive')),
    sa.CheckConstraint('received_quantity IS NULL OR (received_quantity >= 0 AND received_quantity <= quantity)', name=op.f('ck_return_lines_received_within_quantity')),
    sa.ForeignKeyConstraint(['location_id'], ['locations.id'], name=op.f('fk_return_lines_location_id_locations'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['order_item_id'], ['order_items.id'], name=op.f('fk_return_lines_order_item_id_order_items'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['return_id'], ['order_returns.id'], name=op.f('fk_return_lines_return_id_order_returns'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_return_lines')),
    sa.UniqueConstraint('return_id', 'order_item_id', name='uq_return_lines_return_id_order_item_id')
    )
    op.create_index(op.f('ix_return_lines_return_id'), 'return_lines', ['return_id'], unique=False)


def downgrade():
    op.drop_index(op.f('ix_return_lines_return_id'), table_name='return_lines')
    op.drop_table('return_lines')
    op.drop_index(op.f('ix_order_returns_order_id'), table_name='order_returns')
    op.drop_table('order_returns')
