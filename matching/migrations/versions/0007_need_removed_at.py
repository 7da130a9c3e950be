"""A removed need keeps its row (removed_at) so the visits of published plans still point at it.

Revision ID: c1
Revises: d1
Create Date: 2026-11-30 06:40:00
"""

from alembic import op
import sqlalchemy as sa


revision = 'c1'
down_revision = 'd1'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('student_need', schema=None) as batch_op:
        batch_op.add_column(sa.Column('removed_at', sa.DateTime(timezone=True), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('student_need', schema=None) as batch_op:
        batch_op.drop_column('removed_at')
