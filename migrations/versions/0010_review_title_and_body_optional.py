"""A review's title and body are optional: a rating alone is a review.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-01 22:45:00

"""
from alembic import op
import sqlalchemy as sa


revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('reviews', schema=None) as batch_op:
        batch_op.alter_column('title', existing_type=sa.String(length=200), nullable=True)
        batch_op.alter_column('body', existing_type=sa.Text(), nullable=True)


def downgrade():
    op.execute("UPDATE reviews SET title = '' WHERE title IS NULL")
    op.execute("UPDATE reviews SET body = '' WHERE body IS NULL")
    with op.batch_alter_table('reviews', schema=None) as batch_op:
        batch_op.alter_column('body', existing_type=sa.Text(), nullable=False)
        batch_op.alter_column('title', existing_type=sa.String(length=200), nullable=False)
