"""A dated home visit whose tutor has a study-room session then is marked as needing a substitute.

Revision ID: a1
Revises: e1
Create Date: 2026-11-30 07:00:00
"""

from alembic import op
import sqlalchemy as sa


revision = 'a1'
down_revision = 'e1'
branch_labels = None
depends_on = None


def upgrade() -> None:

    with op.batch_alter_table('visit_occurrence', schema=None) as batch_op:
        batch_op.add_column(sa.Column('busy_elsewhere', sa.Boolean(), nullable=False, server_default=sa.false()))


def downgrade() -> None:

    with op.batch_alter_table('visit_occurrence', schema=None) as batch_op:
        batch_op.drop_column('busy_elsewhere')
