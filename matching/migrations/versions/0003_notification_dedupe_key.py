"""Notices that must go out only once (reminders) carry a unique dedupe key.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-22 13:29:44.484418
"""

from alembic import op
import sqlalchemy as sa


revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:

    with op.batch_alter_table('notification', schema=None) as batch_op:
        batch_op.add_column(sa.Column('dedupe_key', sa.String(length=100), nullable=True))
        batch_op.create_unique_constraint(batch_op.f('uq_notification_dedupe_key'), ['dedupe_key'])




def downgrade() -> None:

    with op.batch_alter_table('notification', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('uq_notification_dedupe_key'), type_='unique')
        batch_op.drop_column('dedupe_key')


