"""Attendance (visit outcomes, session roll calls), the 中3 year-end 進路, and when a child's support ended.

Revision ID: f1
Revises: c1
Create Date: 2026-11-30 06:20:50.544716
"""

from alembic import op
import sqlalchemy as sa


revision = 'f1'
down_revision = 'c1'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('student_progression',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('student_id', sa.Integer(), nullable=False),
    sa.Column('school_year', sa.Integer(), nullable=False),
    sa.Column('outcome', sa.Enum('public_full_time', 'public_part_time', 'correspondence', 'private', 'technical_college', 'other', 'undecided', name='progression', native_enum=False, length=32), nullable=False),
    sa.Column('note', sa.String(length=200), nullable=False),
    sa.Column('recorded_by_id', sa.Integer(), nullable=True),
    sa.Column('recorded_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['recorded_by_id'], ['user_account.id'], name=op.f('fk_student_progression_recorded_by_id_user_account')),
    sa.ForeignKeyConstraint(['student_id'], ['student.id'], name=op.f('fk_student_progression_student_id_student')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_student_progression')),
    sa.UniqueConstraint('student_id', 'school_year', name=op.f('uq_student_progression_student_id'))
    )
    with op.batch_alter_table('student_progression', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_student_progression_student_id'), ['student_id'], unique=False)

    op.create_table('roll_call',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('session_id', sa.Integer(), nullable=False),
    sa.Column('held', sa.Boolean(), nullable=False),
    sa.Column('cancel_reason', sa.String(length=200), nullable=False),
    sa.Column('actual_start_minute', sa.Integer(), nullable=True),
    sa.Column('actual_end_minute', sa.Integer(), nullable=True),
    sa.Column('note', sa.String(length=200), nullable=False),
    sa.Column('recorded_by_id', sa.Integer(), nullable=True),
    sa.Column('recorded_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['recorded_by_id'], ['user_account.id'], name=op.f('fk_roll_call_recorded_by_id_user_account')),
    sa.ForeignKeyConstraint(['session_id'], ['session.id'], name=op.f('fk_roll_call_session_id_session')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_roll_call')),
    sa.UniqueConstraint('session_id', name=op.f('uq_roll_call_session_id'))
    )
    op.create_table('roll_call_child',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('roll_call_id', sa.Integer(), nullable=False),
    sa.Column('student_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['roll_call_id'], ['roll_call.id'], name=op.f('fk_roll_call_child_roll_call_id_roll_call')),
    sa.ForeignKeyConstraint(['student_id'], ['student.id'], name=op.f('fk_roll_call_child_student_id_student')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_roll_call_child')),
    sa.UniqueConstraint('roll_call_id', 'student_id', name=op.f('uq_roll_call_child_roll_call_id'))
    )
    with op.batch_alter_table('roll_call_child', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_roll_call_child_roll_call_id'), ['roll_call_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_roll_call_child_student_id'), ['student_id'], unique=False)

    op.create_table('roll_call_tutor',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('roll_call_id', sa.Integer(), nullable=False),
    sa.Column('tutor_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['roll_call_id'], ['roll_call.id'], name=op.f('fk_roll_call_tutor_roll_call_id_roll_call')),
    sa.ForeignKeyConstraint(['tutor_id'], ['tutor.id'], name=op.f('fk_roll_call_tutor_tutor_id_tutor')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_roll_call_tutor')),
    sa.UniqueConstraint('roll_call_id', 'tutor_id', name=op.f('uq_roll_call_tutor_roll_call_id'))
    )
    with op.batch_alter_table('roll_call_tutor', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_roll_call_tutor_roll_call_id'), ['roll_call_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_roll_call_tutor_tutor_id'), ['tutor_id'], unique=False)

    op.create_table('visit_attendance',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('occurrence_id', sa.Integer(), nullable=False),
    sa.Column('outcome', sa.Enum('done', 'child_absent', 'tutor_absent', 'cancelled', name='visitoutcome', native_enum=False, length=32), nullable=False),
    sa.Column('note', sa.String(length=200), nullable=False),
    sa.Column('recorded_by_id', sa.Integer(), nullable=True),
    sa.Column('recorded_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['occurrence_id'], ['visit_occurrence.id'], name=op.f('fk_visit_attendance_occurrence_id_visit_occurrence')),
    sa.ForeignKeyConstraint(['recorded_by_id'], ['user_account.id'], name=op.f('fk_visit_attendance_recorded_by_id_user_account')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_visit_attendance')),
    sa.UniqueConstraint('occurrence_id', name=op.f('uq_visit_attendance_occurrence_id'))
    )
    with op.batch_alter_table('student', schema=None) as batch_op:
        batch_op.add_column(sa.Column('support_ended_on', sa.Date(), nullable=True))
        batch_op.add_column(sa.Column('anonymised_on', sa.Date(), nullable=True))
        batch_op.create_index(batch_op.f('ix_student_support_ended_on'), ['support_ended_on'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('student', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_student_support_ended_on'))
        batch_op.drop_column('anonymised_on')
        batch_op.drop_column('support_ended_on')

    op.drop_table('visit_attendance')
    with op.batch_alter_table('roll_call_tutor', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_roll_call_tutor_tutor_id'))
        batch_op.drop_index(batch_op.f('ix_roll_call_tutor_roll_call_id'))

    op.drop_table('roll_call_tutor')
    with op.batch_alter_table('roll_call_child', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_roll_call_child_student_id'))
        batch_op.drop_index(batch_op.f('ix_roll_call_child_roll_call_id'))

    op.drop_table('roll_call_child')
    op.drop_table('roll_call')
    with op.batch_alter_table('student_progression', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_student_progression_student_id'))

    op.drop_table('student_progression')
