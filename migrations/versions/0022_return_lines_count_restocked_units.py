"""A return line counts its restocked units (the rest of what was received was damaged),
instead of one yes-or-no for the whole line.

Revision ID: 0022
Revises: 0021
Create Date: 2026-12-02 06:40:00

"""
from alembic import op
import sqlalchemy as sa


revision = '0022'
down_revision = '0021'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('return_lines', schema=None) as batch_op:
        batch_op.add_column(sa.Column('restocked_quantity', sa.Integer(), nullable=True))
    op.execute("UPDATE return_lines SET restocked_quantity = CASE WHEN restocked "
               "THEN received_quantity ELSE 0 END WHERE received_quantity IS NOT NULL")
    with op.batch_alter_table('return_lines', schema=None) as batch_op:
        batch_op.drop_column('restocked')
        batch_op.create_check_constraint(
            'ck_return_lines_restocked_within_received',
            'restocked_quantity IS NULL OR (restocked_quantity >= 0 AND '
            'restocked_quantity <= received_quantity)')


def downgrade():
    with op.batch_alter_table('return_lines', schema=None) as batch_op:
        batch_op.drop_constraint('ck_return_lines_restocked_within_received', type_='check')
        batch_op.add_column(sa.Column('restocked', sa.Boolean(), nullable=True))
    op.execute("UPDATE return_lines SET restocked = (restocked_quantity > 0) "
               "WHERE restocked_quantity IS NOT NULL")
    with op.batch_alter_table('return_lines', schema=None) as batch_op:
        batch_op.drop_column('restocked_quantity')
