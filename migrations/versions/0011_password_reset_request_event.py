"""A password reset remembers the request (outbox event) it answers.

The request now only records an event, the same work for a known and an unknown email;
the email task makes the reset, once per request.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-02 01:10:00

"""
from alembic import op
import sqlalchemy as sa


revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('password_reset_tokens', schema=None) as batch_op:
        batch_op.add_column(sa.Column(
            'request_event_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'),
            nullable=True))
        batch_op.create_unique_constraint(
            'uq_password_reset_tokens_request_event_id', ['request_event_id'])


def downgrade():
    with op.batch_alter_table('password_reset_tokens', schema=None) as batch_op:
        batch_op.drop_constraint('uq_password_reset_tokens_request_event_id', type_='unique')
        batch_op.drop_column('request_event_id')
