"""Shipping zones (a country in one zone at most) and their methods, tax rates by country
and region, variants' weights, and the shipping method and tax lines an order was charged.

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-02 02:20:00

"""
from alembic import op
import sqlalchemy as sa


revision = '0015'
down_revision = '0014'
branch_labels = None
depends_on = None

# SQLite rebuilds orders to drop a column, and refuses while the refund ledger's guard
# (0008's trigger, which reads orders) names it: taken down around the rebuild, put back.
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
    op.create_table('shipping_zones',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_shipping_zones'))
    )
    op.create_table('shipping_zone_countries',
    sa.Column('country', sa.String(length=2), nullable=False),
    sa.Column('zone_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['zone_id'], ['shipping_zones.id'], name=op.f('fk_shipping_zone_countries_zone_id_shipping_zones'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('country', name=op.f('pk_shipping_zone_countries'))
    )
    with op.batch_alter_table('shipping_zone_countries', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_shipping_zone_countries_zone_id'), ['zone_id'], unique=False)
    op.create_table('shipping_methods',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('zone_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('currency', sa.String(length=3), nullable=False),
    sa.Column('price', sa.Integer(), nullable=False),
    sa.Column('free_over', sa.Integer(), nullable=True),
    sa.Column('rates', sa.JSON(), nullable=False),
    sa.Column('carrier', sa.String(length=50), nullable=True),
    sa.Column('service', sa.String(length=100), nullable=True),
    sa.Column('estimated_days', sa.Integer(), nullable=True),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint("kind IN ('flat', 'weight', 'carrier')", name=op.f('ck_shipping_methods_kind')),
    sa.ForeignKeyConstraint(['zone_id'], ['shipping_zones.id'], name=op.f('fk_shipping_methods_zone_id_shipping_zones'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_shipping_methods'))
    )
    with op.batch_alter_table('shipping_methods', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_shipping_methods_zone_id'), ['zone_id'], unique=False)
    op.create_table('tax_rates',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('country', sa.String(length=2), nullable=False),
    sa.Column('region', sa.String(length=100), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('rate_bps', sa.Integer(), nullable=False),
    sa.Column('applies_to_shipping', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_tax_rates')),
    sa.UniqueConstraint('country', 'region', name=op.f('uq_tax_rates_country'))
    )
    with op.batch_alter_table('variants', schema=None) as batch_op:
        batch_op.add_column(sa.Column('weight_g', sa.Integer(), server_default='0', nullable=False))
    with op.batch_alter_table('orders', schema=None) as batch_op:
        batch_op.add_column(sa.Column('shipping_method', sa.JSON(), nullable=True))
        batch_op.add_column(sa.Column('tax_lines', sa.JSON(), server_default='[]', nullable=False))


def downgrade():
    sqlite = op.get_bind().dialect.name == 'sqlite'
    if sqlite:
        op.execute('DROP TRIGGER refunds_within_payment_insert')
        op.execute('DROP TRIGGER refunds_within_payment_update')
    with op.batch_alter_table('orders', schema=None) as batch_op:
        batch_op.drop_column('tax_lines')
        batch_op.drop_column('shipping_method')
    if sqlite:
        op.execute(SQLITE_GUARD.format(name='insert', event='INSERT'))
        op.execute(SQLITE_GUARD.format(name='update', event='UPDATE OF amount, status'))
    with op.batch_alter_table('variants', schema=None) as batch_op:
        batch_op.drop_column('weight_g')
    op.drop_table('tax_rates')
    with op.batch_alter_table('shipping_methods', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_shipping_methods_zone_id'))
    op.drop_table('shipping_methods')
    with op.batch_alter_table('shipping_zone_countries', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_shipping_zone_countries_zone_id'))
    op.drop_table('shipping_zone_countries')
    op.drop_table('shipping_zones')
