"""The real-time stream kept in the database (used when no Redis is configured): one row
per message the Socket.io server sends, appended once per outbox event.

Revision ID: 0024
Revises: 0023
Create Date: 2026-12-02 08:40:00

"""
from alembic import op
import sqlalchemy as sa


revision = '0024'
down_revision = '0023'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('realtime_events',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), autoincrement=True,
              nullable=False),
    sa.Column('outbox_event_id', sa.BigInteger(), nullable=False),
    sa.Column('seq', sa.SmallInteger(), nullable=False),
    sa.Column('type', sa.String(length=64), nullable=False),
    sa.Column('rooms', sa.JSON(), nullable=False),
    sa.Column('data', sa.JSON(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_realtime_events')),
    sa.UniqueConstraint('outbox_event_id', 'seq', name='uq_realtime_events_outbox_event_id_seq')
    )
    with op.batch_alter_table('realtime_events', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_realtime_events_created_at'), ['created_at'],
                              unique=False)


def downgrade():
    with op.batch_alter_table('realtime_events', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_realtime_events_created_at'))
    op.drop_table('realtime_events')
