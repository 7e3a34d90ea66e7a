"""Prices in several currencies: variants' prices in other currencies than their own,
products' price ranges per currency, the currency a cart is priced in, and the daily sales
rollup kept per currency.

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-02 04:40:00

"""
from alembic import op
import sqlalchemy as sa


revision = '0016'
down_revision = '0015'
branch_labels = None
depends_on = None


def _daily_sales(*currency_column):
    op.create_table('daily_sales',
    sa.Column('day', sa.Date(), nullable=False),
    *currency_column,
    sa.Column('orders', sa.Integer(), nullable=False),
    sa.Column('gross', sa.BigInteger(), nullable=False),
    sa.Column('refunds', sa.BigInteger(), nullable=False),
    sa.Column('units', sa.Integer(), nullable=False),
    sa.Column('computed_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('day', *[column.name for column in currency_column],
                            name=op.f('pk_daily_sales'))
    )


def upgrade():
    op.create_table('variant_prices',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('variant_id', sa.Integer(), nullable=False),
    sa.Column('currency', sa.String(length=3), nullable=False),
    sa.Column('amount', sa.Integer(), nullable=False),
    sa.Column('compare_at_price', sa.Integer(), nullable=True),
    sa.CheckConstraint('amount > 0', name=op.f('ck_variant_prices_amount_positive')),
    sa.ForeignKeyConstraint(['variant_id'], ['variants.id'], name=op.f('fk_variant_prices_variant_id_variants'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_variant_prices')),
    sa.UniqueConstraint('variant_id', 'currency', name='uq_variant_prices_variant_id_currency')
    )
    op.create_table('product_prices',
    sa.Column('product_id', sa.Integer(), nullable=False),
    sa.Column('currency', sa.String(length=3), nullable=False),
    sa.Column('price_min', sa.Integer(), nullable=False),
    sa.Column('price_max', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['product_id'], ['products.id'], name=op.f('fk_product_prices_product_id_products'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('product_id', 'currency', name=op.f('pk_product_prices'))
    )
    op.create_index('ix_product_prices_currency_price_min', 'product_prices', ['currency', 'price_min'], unique=False)
    # Every priced product's range in its own currency: listings in a currency read these.
    op.execute("INSERT INTO product_prices (product_id, currency, price_min, price_max) "
               "SELECT id, currency, price_min, price_max FROM products "
               "WHERE price_min IS NOT NULL")
    with op.batch_alter_table('carts', schema=None) as batch_op:
        batch_op.add_column(sa.Column('currency', sa.String(length=3), nullable=True))
    # A cart with lines is in its lines' currency, as it was priced before.
    op.execute("UPDATE carts SET currency = (SELECT v.currency FROM cart_items i "
               "JOIN variants v ON v.id = i.variant_id WHERE i.cart_id = carts.id "
               "ORDER BY i.id LIMIT 1)")
    # The rollup is derived from orders and refunds, and a day missing from it is
    # computed again when read: it is rebuilt per currency rather than converted.
    op.drop_table('daily_sales')
    _daily_sales(sa.Column('currency', sa.String(length=3), nullable=False))


def downgrade():
    op.drop_table('daily_sales')
    _daily_sales()
    with op.batch_alter_table('carts', schema=None) as batch_op:
        batch_op.drop_column('currency')
    op.drop_index('ix_product_prices_currency_price_min', table_name='product_prices')
    op.drop_table('product_prices')
    op.drop_table('variant_prices')
