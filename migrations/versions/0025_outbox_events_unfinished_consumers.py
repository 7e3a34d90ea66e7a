"""An outbox event names its consumers that have not finished: an event with two (an email
and a real-time broadcast) is done when both are, not when the first one is.

Revision ID: 0025
Revises: 0024
Create Date: 2026-12-02 14:00:00

"""
from alembic import op
import sqlalchemy as sa


revision = '0025'
down_revision = '0024'
branch_labels = None
depends_on = None


def upgrade():
    # Rows written before keep NULL: their first consumer to finish marks them done, as
    # before.
    op.add_column('outbox_events', sa.Column('unfinished', sa.String(length=512)))


def downgrade():
    with op.batch_alter_table('outbox_events') as batch_op:
        batch_op.drop_column('unfinished')
