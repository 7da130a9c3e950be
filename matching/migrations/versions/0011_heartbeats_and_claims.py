"""A running solve's heartbeat, and the moment a sender claimed a notice.

Revision ID: g1
Revises: a1
"""

from alembic import op
import sqlalchemy as sa


revision = 'g1'
down_revision = 'a1'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('solve_job', schema=None) as batch_op:
        batch_op.add_column(sa.Column('heartbeat_at', sa.DateTime(timezone=True), nullable=True))
    with op.batch_alter_table('notification', schema=None) as batch_op:
        batch_op.add_column(sa.Column('claimed_at', sa.DateTime(timezone=True), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('notification', schema=None) as batch_op:
        batch_op.drop_column('claimed_at')
    with op.batch_alter_table('solve_job', schema=None) as batch_op:
        batch_op.drop_column('heartbeat_at')
