"""A new plan version keeps what was arranged: calendar ids of dated items, session substitutes, and the
rule breaks a coordinator confirmed on a hand-made visit or session edit.

Existing dated items keep the iCalendar UID they were published with (their id), so subscribed calendars
see no change from the upgrade.

Revision ID: b1
Revises: k1
Create Date: 2026-11-30 06:40:00
"""

from alembic import op
import sqlalchemy as sa


revision = 'b1'
down_revision = 'k1'
branch_labels = None
depends_on = None


def upgrade() -> None:
    for table in ('session', 'visit_occurrence'):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(sa.Column('calendar_uid', sa.String(length=40), nullable=True))
        op.execute(sa.text(f"UPDATE {table} SET calendar_uid = CAST(id AS VARCHAR(40))"))
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.alter_column('calendar_uid', existing_type=sa.String(length=40), nullable=False)
    with op.batch_alter_table('session_staff', schema=None) as batch_op:
        batch_op.add_column(sa.Column('substitute_for_id', sa.Integer(), nullable=True))
        batch_op.create_foreign_key(batch_op.f('fk_session_staff_substitute_for_id_tutor'), 'tutor',
                                    ['substitute_for_id'], ['id'])
    for table in ('visit', 'session'):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(sa.Column('override_codes', sa.JSON(), nullable=True))
        op.execute(sa.text(f"UPDATE {table} SET override_codes = '[]'"))
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.alter_column('override_codes', existing_type=sa.JSON(), nullable=False)


def downgrade() -> None:
    for table in ('session', 'visit'):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column('override_codes')
    with op.batch_alter_table('session_staff', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_session_staff_substitute_for_id_tutor'), type_='foreignkey')
        batch_op.drop_column('substitute_for_id')
    for table in ('visit_occurrence', 'session'):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column('calendar_uid')
