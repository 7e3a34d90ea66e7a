"""Leases and fences: an email claim's lease, the outbox redo time of events whose consumers
have not finished, a webhook delivery's lease token, the operation an idempotency key was
used for, and the moment before which a user's tokens are dead.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-01 22:50:00

"""
from alembic import op
import sqlalchemy as sa


revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('email_messages', schema=None) as batch_op:
        batch_op.add_column(sa.Column('claimed_until', sa.DateTime(timezone=True), nullable=True))
    with op.batch_alter_table('outbox_events', schema=None) as batch_op:
        batch_op.add_column(sa.Column('redo_at', sa.DateTime(timezone=True), nullable=True))
        batch_op.create_index('ix_outbox_events_unfinished', ['redo_at'], unique=False,
                              postgresql_where=sa.text('redo_at IS NOT NULL'),
                              sqlite_where=sa.text('redo_at IS NOT NULL'))
    with op.batch_alter_table('webhook_deliveries', schema=None) as batch_op:
        batch_op.add_column(sa.Column('lease_token', sa.String(length=32), nullable=True))
    with op.batch_alter_table('idempotency_keys', schema=None) as batch_op:
        batch_op.add_column(sa.Column('scope', sa.String(length=300), server_default='',
                                      nullable=False))
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.add_column(sa.Column('tokens_valid_after', sa.DateTime(timezone=True),
                                      nullable=True))


def downgrade():
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.drop_column('tokens_valid_after')
    with op.batch_alter_table('idempotency_keys', schema=None) as batch_op:
        batch_op.drop_column('scope')
    with op.batch_alter_table('webhook_deliveries', schema=None) as batch_op:
        batch_op.drop_column('lease_token')
    with op.batch_alter_table('outbox_events', schema=None) as batch_op:
        batch_op.drop_index('ix_outbox_events_unfinished',
                            postgresql_where=sa.text('redo_at IS NOT NULL'),
                            sqlite_where=sa.text('redo_at IS NOT NULL'))
        batch_op.drop_column('redo_at')
    with op.batch_alter_table('email_messages', schema=None) as batch_op:
        batch_op.drop_column('claimed_until')
