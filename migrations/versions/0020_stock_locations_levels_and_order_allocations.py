"""Stock locations: a ``default`` location holding every variant's stock as it was, stock
per (variant, location), and where each order's units are held.

Revision ID: 0020
Revises: 0019
Create Date: 2026-12-02 06:00:00

"""
from alembic import op
import sqlalchemy as sa


revision = '0020'
down_revision = '0019'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('locations',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=32), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('country', sa.String(length=2), nullable=True),
    sa.Column('priority', sa.Integer(), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_locations')),
    sa.UniqueConstraint('code', name=op.f('uq_locations_code'))
    )
    op.create_table('stock_levels',
    sa.Column('variant_id', sa.Integer(), nullable=False),
    sa.Column('location_id', sa.Integer(), nullable=False),
    sa.Column('on_hand', sa.Integer(), nullable=False),
    sa.Column('reserved', sa.Integer(), nullable=False),
    sa.CheckConstraint('on_hand >= 0', name=op.f('ck_stock_levels_on_hand_not_negative')),
    sa.CheckConstraint('reserved <= on_hand', name=op.f('ck_stock_levels_reserved_within_on_hand')),
    sa.CheckConstraint('reserved >= 0', name=op.f('ck_stock_levels_reserved_not_negative')),
    sa.ForeignKeyConstraint(['location_id'], ['locations.id'], name=op.f('fk_stock_levels_location_id_locations'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['variant_id'], ['variants.id'], name=op.f('fk_stock_levels_variant_id_variants'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('variant_id', 'location_id', name=op.f('pk_stock_levels'))
    )
    op.create_index(op.f('ix_stock_levels_location_id'), 'stock_levels', ['location_id'], unique=False)
    op.create_table('order_allocations',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('order_id', sa.Integer(), nullable=False),
    sa.Column('variant_id', sa.Integer(), nullable=False),
    sa.Column('location_id', sa.Integer(), nullable=False),
    sa.Column('quantity', sa.Integer(), nullable=False),
    sa.CheckConstraint('quantity > 0', name=op.f('ck_order_allocations_quantity_positive')),
    sa.ForeignKeyConstraint(['location_id'], ['locations.id'], name=op.f('fk_order_allocations_location_id_locations'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['order_id'], ['orders.id'], name=op.f('fk_order_allocations_order_id_orders'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['variant_id'], ['variants.id'], name=op.f('fk_order_allocations_variant_id_variants'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_order_allocations')),
    sa.UniqueConstraint('order_id', 'variant_id', 'location_id', name='uq_order_allocations_order_variant_location')
    )
    op.create_index(op.f('ix_order_allocations_order_id'), 'order_allocations', ['order_id'], unique=False)
    # One transaction (PostgreSQL's DDL is transactional): every figure moves into the
    # default location at once, nothing is ever counted in neither or both.
    op.execute("INSERT INTO locations (code, name, country, priority, active, created_at, "
               "updated_at) VALUES ('default', 'Default', NULL, 100, true, CURRENT_TIMESTAMP, "
               "CURRENT_TIMESTAMP)")
    op.execute("INSERT INTO stock_levels (variant_id, location_id, on_hand, reserved) "
               "SELECT v.id, l.id, v.on_hand, v.reserved FROM variants v "
               "JOIN locations l ON l.code = 'default'")
    # Units held or taken by orders: at the default location, where all stock was. A
    # cancelled order holds nothing (a late payment takes its stock again, allocating anew).
    op.execute("INSERT INTO order_allocations (order_id, variant_id, location_id, quantity) "
               "SELECT i.order_id, i.variant_id, l.id, SUM(i.quantity) FROM order_items i "
               "JOIN orders o ON o.id = i.order_id JOIN locations l ON l.code = 'default' "
               "WHERE i.variant_id IS NOT NULL AND o.status <> 'cancelled' "
               "GROUP BY i.order_id, i.variant_id, l.id")


def downgrade():
    op.drop_index(op.f('ix_order_allocations_order_id'), table_name='order_allocations')
    op.drop_table('order_allocations')
    op.drop_index(op.f('ix_stock_levels_location_id'), table_name='stock_levels')
    op.drop_table('stock_levels')
    op.drop_table('locations')
