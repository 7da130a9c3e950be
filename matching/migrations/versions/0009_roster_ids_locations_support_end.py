"""Roster import ids, homes without coordinates, tutors' postal codes, and why a child's support ended.

The day support ended (student.support_ended_on) comes with the attendance revision before this one.

Revision ID: e1
Revises: f1
Create Date: 2026-11-30 06:40:00
"""

from alembic import op
import sqlalchemy as sa


revision = 'e1'
down_revision = 'f1'
branch_labels = None
depends_on = None

_REASONS = sa.Enum('graduated', 'moved', 'declined', 'other', name='supportendreason', native_enum=False, length=32)


def upgrade() -> None:
    with op.batch_alter_table('household', schema=None) as batch_op:
        batch_op.add_column(sa.Column('external_key', sa.String(length=64), nullable=True))
        batch_op.alter_column('lat', existing_type=sa.Float(), nullable=True)
        batch_op.alter_column('lon', existing_type=sa.Float(), nullable=True)
        batch_op.create_unique_constraint('uq_household_external_key', ['programme_id', 'external_key'])

    with op.batch_alter_table('student', schema=None) as batch_op:
        batch_op.add_column(sa.Column('external_id', sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column('support_end_reason', _REASONS, nullable=True))
        batch_op.create_index(batch_op.f('ix_student_external_id'), ['external_id'], unique=False)

    with op.batch_alter_table('tutor', schema=None) as batch_op:
        batch_op.add_column(sa.Column('external_id', sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column('postal_code', sa.String(length=8), nullable=False, server_default=''))
        batch_op.alter_column('lat', existing_type=sa.Float(), nullable=True)
        batch_op.alter_column('lon', existing_type=sa.Float(), nullable=True)
        batch_op.create_unique_constraint('uq_tutor_external_id', ['programme_id', 'external_id'])

    with op.batch_alter_table('site', schema=None) as batch_op:
        batch_op.add_column(sa.Column('external_id', sa.String(length=64), nullable=True))
        batch_op.create_unique_constraint('uq_site_external_id', ['programme_id', 'external_id'])


def downgrade() -> None:
    with op.batch_alter_table('site', schema=None) as batch_op:
        batch_op.drop_constraint('uq_site_external_id', type_='unique')
        batch_op.drop_column('external_id')

    with op.batch_alter_table('tutor', schema=None) as batch_op:
        batch_op.drop_constraint('uq_tutor_external_id', type_='unique')
        batch_op.alter_column('lon', existing_type=sa.Float(), nullable=False)
        batch_op.alter_column('lat', existing_type=sa.Float(), nullable=False)
        batch_op.drop_column('postal_code')
        batch_op.drop_column('external_id')

    with op.batch_alter_table('student', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_student_external_id'))
        batch_op.drop_column('support_end_reason')
        batch_op.drop_column('external_id')

    with op.batch_alter_table('household', schema=None) as batch_op:
        batch_op.drop_constraint('uq_household_external_key', type_='unique')
        batch_op.alter_column('lon', existing_type=sa.Float(), nullable=False)
        batch_op.alter_column('lat', existing_type=sa.Float(), nullable=False)
        batch_op.drop_column('external_key')
