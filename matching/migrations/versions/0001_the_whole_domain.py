"""The whole domain: programme, sites, calendar, households, students, tutors, plans, accounts, audit, outbox.

Revision ID: 0001
Revises: 
Create Date: 2026-11-22 12:16:13.250749
"""

from alembic import op
import sqlalchemy as sa


revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:

    op.create_table('programme',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('municipality', sa.String(length=100), nullable=False),
    sa.Column('school_year', sa.Integer(), nullable=False),
    sa.Column('starts_on', sa.Date(), nullable=False),
    sa.Column('ends_on', sa.Date(), nullable=False),
    sa.Column('timezone', sa.String(length=64), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_programme'))
    )
    op.create_table('household',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('programme_id', sa.Integer(), nullable=False),
    sa.Column('guardian_name', sa.String(length=100), nullable=False),
    sa.Column('guardian_name_kana', sa.String(length=100), nullable=False),
    sa.Column('phone', sa.String(length=30), nullable=False),
    sa.Column('email', sa.String(length=254), nullable=False),
    sa.Column('postal_code', sa.String(length=8), nullable=False),
    sa.Column('address', sa.String(length=300), nullable=False),
    sa.Column('lat', sa.Float(), nullable=False),
    sa.Column('lon', sa.Float(), nullable=False),
    sa.Column('language', sa.String(length=16), nullable=False),
    sa.Column('preferred_channel', sa.Enum('email', 'letter', 'phone', name='channel', native_enum=False, length=32), nullable=False),
    sa.Column('consent_share_contact', sa.Boolean(), nullable=False),
    sa.Column('consent_share_contact_on', sa.Date(), nullable=True),
    sa.Column('consent_data_use', sa.Boolean(), nullable=False),
    sa.Column('consent_data_use_on', sa.Date(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['programme_id'], ['programme.id'], name=op.f('fk_household_programme_id_programme')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_household'))
    )
    with op.batch_alter_table('household', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_household_programme_id'), ['programme_id'], unique=False)

    op.create_table('site',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('programme_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('address', sa.String(length=300), nullable=False),
    sa.Column('lat', sa.Float(), nullable=False),
    sa.Column('lon', sa.Float(), nullable=False),
    sa.Column('capacity', sa.Integer(), nullable=False),
    sa.Column('target_sessions', sa.Integer(), nullable=False),
    sa.Column('min_days_between_sessions', sa.Integer(), nullable=False),
    sa.Column('min_tutors_per_session', sa.Integer(), nullable=False),
    sa.Column('children_per_tutor', sa.Integer(), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['programme_id'], ['programme.id'], name=op.f('fk_site_programme_id_programme')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_site'))
    )
    with op.batch_alter_table('site', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_site_programme_id'), ['programme_id'], unique=False)

    op.create_table('tutor',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('programme_id', sa.Integer(), nullable=False),
    sa.Column('family_name', sa.String(length=50), nullable=False),
    sa.Column('given_name', sa.String(length=50), nullable=False),
    sa.Column('family_name_kana', sa.String(length=50), nullable=False),
    sa.Column('given_name_kana', sa.String(length=50), nullable=False),
    sa.Column('kind', sa.Enum('student_volunteer', 'retired_teacher', 'paid_staff', 'other', name='tutorkind', native_enum=False, length=32), nullable=False),
    sa.Column('affiliation', sa.String(length=100), nullable=False),
    sa.Column('email', sa.String(length=254), nullable=False),
    sa.Column('phone', sa.String(length=30), nullable=False),
    sa.Column('gender', sa.String(length=16), nullable=True),
    sa.Column('languages', sa.String(length=100), nullable=False),
    sa.Column('address', sa.String(length=300), nullable=False),
    sa.Column('lat', sa.Float(), nullable=False),
    sa.Column('lon', sa.Float(), nullable=False),
    sa.Column('max_visits_per_week', sa.Integer(), nullable=False),
    sa.Column('max_sessions_per_month', sa.Integer(), nullable=False),
    sa.Column('max_travel_minutes', sa.Integer(), nullable=False),
    sa.Column('pledge_signed_on', sa.Date(), nullable=True),
    sa.Column('active_from', sa.Date(), nullable=False),
    sa.Column('active_until', sa.Date(), nullable=True),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('version_id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['programme_id'], ['programme.id'], name=op.f('fk_tutor_programme_id_programme')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_tutor'))
    )
    with op.batch_alter_table('tutor', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_tutor_family_name'), ['family_name'], unique=False)
        batch_op.create_index(batch_op.f('ix_tutor_family_name_kana'), ['family_name_kana'], unique=False)
        batch_op.create_index(batch_op.f('ix_tutor_programme_id'), ['programme_id'], unique=False)

    op.create_table('calendar_entry',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('programme_id', sa.Integer(), nullable=False),
    sa.Column('site_id', sa.Integer(), nullable=True),
    sa.Column('kind', sa.Enum('holiday', 'closure', 'school_holiday', 'exam', 'intensive', name='calendarkind', native_enum=False, length=32), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('starts_on', sa.Date(), nullable=False),
    sa.Column('ends_on', sa.Date(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['programme_id'], ['programme.id'], name=op.f('fk_calendar_entry_programme_id_programme')),
    sa.ForeignKeyConstraint(['site_id'], ['site.id'], name=op.f('fk_calendar_entry_site_id_site')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_calendar_entry'))
    )
    with op.batch_alter_table('calendar_entry', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_calendar_entry_programme_id'), ['programme_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_calendar_entry_site_id'), ['site_id'], unique=False)

    op.create_table('calendar_feed_token',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('tutor_id', sa.Integer(), nullable=False),
    sa.Column('token_hash', sa.String(length=64), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('revoked_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['tutor_id'], ['tutor.id'], name=op.f('fk_calendar_feed_token_tutor_id_tutor')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_calendar_feed_token')),
    sa.UniqueConstraint('token_hash', name=op.f('uq_calendar_feed_token_token_hash'))
    )
    with op.batch_alter_table('calendar_feed_token', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_calendar_feed_token_tutor_id'), ['tutor_id'], unique=False)

    op.create_table('household_token',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('household_id', sa.Integer(), nullable=False),
    sa.Column('token_hash', sa.String(length=64), nullable=False),
    sa.Column('short_code', sa.String(length=16), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('expires_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('revoked_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['household_id'], ['household.id'], name=op.f('fk_household_token_household_id_household')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_household_token')),
    sa.UniqueConstraint('token_hash', name=op.f('uq_household_token_token_hash'))
    )
    with op.batch_alter_table('household_token', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_household_token_household_id'), ['household_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_household_token_short_code'), ['short_code'], unique=False)

    op.create_table('site_opening',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('site_id', sa.Integer(), nullable=False),
    sa.Column('weekday', sa.Integer(), nullable=False),
    sa.Column('start_minute', sa.Integer(), nullable=False),
    sa.Column('end_minute', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['site_id'], ['site.id'], name=op.f('fk_site_opening_site_id_site')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_site_opening'))
    )
    with op.batch_alter_table('site_opening', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_site_opening_site_id'), ['site_id'], unique=False)

    op.create_table('student',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('household_id', sa.Integer(), nullable=False),
    sa.Column('family_name', sa.String(length=50), nullable=False),
    sa.Column('given_name', sa.String(length=50), nullable=False),
    sa.Column('family_name_kana', sa.String(length=50), nullable=False),
    sa.Column('given_name_kana', sa.String(length=50), nullable=False),
    sa.Column('grade', sa.Integer(), nullable=False),
    sa.Column('school', sa.String(length=100), nullable=False),
    sa.Column('gender', sa.String(length=16), nullable=True),
    sa.Column('mode', sa.Enum('home_visit', 'study_room', name='mode', native_enum=False, length=32), nullable=False),
    sa.Column('home_site_id', sa.Integer(), nullable=True),
    sa.Column('priority', sa.Integer(), nullable=False),
    sa.Column('required_tutor_gender', sa.String(length=16), nullable=True),
    sa.Column('referral_source', sa.Enum('caseworker', 'school', 'guardian', 'other', name='referralsource', native_enum=False, length=32), nullable=False),
    sa.Column('eligibility', sa.Enum('welfare', 'low_income', 'single_parent', 'other', name='eligibility', native_enum=False, length=32), nullable=False),
    sa.Column('caseworker_notes', sa.Text(), nullable=False),
    sa.Column('waiting_since', sa.Date(), nullable=True),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('version_id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['home_site_id'], ['site.id'], name=op.f('fk_student_home_site_id_site')),
    sa.ForeignKeyConstraint(['household_id'], ['household.id'], name=op.f('fk_student_household_id_household')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_student'))
    )
    with op.batch_alter_table('student', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_student_family_name'), ['family_name'], unique=False)
        batch_op.create_index(batch_op.f('ix_student_family_name_kana'), ['family_name_kana'], unique=False)
        batch_op.create_index(batch_op.f('ix_student_home_site_id'), ['home_site_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_student_household_id'), ['household_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_student_school'), ['school'], unique=False)

    op.create_table('tutor_availability',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('tutor_id', sa.Integer(), nullable=False),
    sa.Column('weekday', sa.Integer(), nullable=False),
    sa.Column('start_minute', sa.Integer(), nullable=False),
    sa.Column('end_minute', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['tutor_id'], ['tutor.id'], name=op.f('fk_tutor_availability_tutor_id_tutor')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_tutor_availability'))
    )
    with op.batch_alter_table('tutor_availability', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_tutor_availability_tutor_id'), ['tutor_id'], unique=False)

    op.create_table('tutor_exception',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('tutor_id', sa.Integer(), nullable=False),
    sa.Column('starts_on', sa.Date(), nullable=False),
    sa.Column('ends_on', sa.Date(), nullable=False),
    sa.Column('reason', sa.String(length=200), nullable=False),
    sa.Column('reported_by_tutor', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['tutor_id'], ['tutor.id'], name=op.f('fk_tutor_exception_tutor_id_tutor')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_tutor_exception'))
    )
    with op.batch_alter_table('tutor_exception', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_tutor_exception_tutor_id'), ['tutor_id'], unique=False)

    op.create_table('tutor_site',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('tutor_id', sa.Integer(), nullable=False),
    sa.Column('site_id', sa.Integer(), nullable=False),
    sa.Column('preferred', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['site_id'], ['site.id'], name=op.f('fk_tutor_site_site_id_site')),
    sa.ForeignKeyConstraint(['tutor_id'], ['tutor.id'], name=op.f('fk_tutor_site_tutor_id_tutor')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_tutor_site'))
    )
    with op.batch_alter_table('tutor_site', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_tutor_site_site_id'), ['site_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_tutor_site_tutor_id'), ['tutor_id'], unique=False)

    op.create_table('tutor_subject',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('tutor_id', sa.Integer(), nullable=False),
    sa.Column('subject', sa.String(length=16), nullable=False),
    sa.Column('min_grade', sa.Integer(), nullable=False),
    sa.Column('max_grade', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['tutor_id'], ['tutor.id'], name=op.f('fk_tutor_subject_tutor_id_tutor')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_tutor_subject'))
    )
    with op.batch_alter_table('tutor_subject', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_tutor_subject_tutor_id'), ['tutor_id'], unique=False)

    op.create_table('user_account',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('login', sa.String(length=100), nullable=False),
    sa.Column('display_name', sa.String(length=100), nullable=False),
    sa.Column('password_hash', sa.String(length=200), nullable=False),
    sa.Column('role', sa.Enum('admin', 'coordinator', 'tutor', name='role', native_enum=False, length=32), nullable=False),
    sa.Column('tutor_id', sa.Integer(), nullable=True),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('last_login_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['tutor_id'], ['tutor.id'], name=op.f('fk_user_account_tutor_id_tutor')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_user_account')),
    sa.UniqueConstraint('login', name=op.f('uq_user_account_login')),
    sa.UniqueConstraint('tutor_id', name=op.f('uq_user_account_tutor_id'))
    )
    op.create_table('audit_entry',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=True),
    sa.Column('action', sa.String(length=50), nullable=False),
    sa.Column('entity', sa.String(length=50), nullable=False),
    sa.Column('entity_id', sa.Integer(), nullable=True),
    sa.Column('detail', sa.JSON(), nullable=False),
    sa.ForeignKeyConstraint(['user_id'], ['user_account.id'], name=op.f('fk_audit_entry_user_id_user_account')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_entry'))
    )
    with op.batch_alter_table('audit_entry', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_audit_entry_at'), ['at'], unique=False)
        batch_op.create_index(batch_op.f('ix_audit_entry_user_id'), ['user_id'], unique=False)

    op.create_table('forbidden_pair',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('student_id', sa.Integer(), nullable=False),
    sa.Column('tutor_id', sa.Integer(), nullable=False),
    sa.Column('reason', sa.String(length=200), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['student_id'], ['student.id'], name=op.f('fk_forbidden_pair_student_id_student')),
    sa.ForeignKeyConstraint(['tutor_id'], ['tutor.id'], name=op.f('fk_forbidden_pair_tutor_id_tutor')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_forbidden_pair'))
    )
    with op.batch_alter_table('forbidden_pair', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_forbidden_pair_student_id'), ['student_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_forbidden_pair_tutor_id'), ['tutor_id'], unique=False)

    op.create_table('household_message',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('household_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('handled_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('handled_by_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['handled_by_id'], ['user_account.id'], name=op.f('fk_household_message_handled_by_id_user_account')),
    sa.ForeignKeyConstraint(['household_id'], ['household.id'], name=op.f('fk_household_message_household_id_household')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_household_message'))
    )
    with op.batch_alter_table('household_message', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_household_message_household_id'), ['household_id'], unique=False)

    op.create_table('plan',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('programme_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.Enum('visits', 'rooms', name='plankind', native_enum=False, length=32), nullable=False),
    sa.Column('status', sa.Enum('draft', 'published', 'archived', name='planstatus', native_enum=False, length=32), nullable=False),
    sa.Column('version', sa.Integer(), nullable=True),
    sa.Column('based_on_id', sa.Integer(), nullable=True),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('published_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('published_by_id', sa.Integer(), nullable=True),
    sa.Column('solver_status', sa.String(length=16), nullable=False),
    sa.Column('objective', sa.Float(), nullable=True),
    sa.Column('bound', sa.Float(), nullable=True),
    sa.Column('report', sa.JSON(), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('lock_version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['based_on_id'], ['plan.id'], name=op.f('fk_plan_based_on_id_plan')),
    sa.ForeignKeyConstraint(['created_by_id'], ['user_account.id'], name=op.f('fk_plan_created_by_id_user_account')),
    sa.ForeignKeyConstraint(['programme_id'], ['programme.id'], name=op.f('fk_plan_programme_id_programme')),
    sa.ForeignKeyConstraint(['published_by_id'], ['user_account.id'], name=op.f('fk_plan_published_by_id_user_account')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_plan'))
    )
    with op.batch_alter_table('plan', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_plan_programme_id'), ['programme_id'], unique=False)

    op.create_table('student_availability',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('student_id', sa.Integer(), nullable=False),
    sa.Column('weekday', sa.Integer(), nullable=False),
    sa.Column('start_minute', sa.Integer(), nullable=False),
    sa.Column('end_minute', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['student_id'], ['student.id'], name=op.f('fk_student_availability_student_id_student')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_student_availability'))
    )
    with op.batch_alter_table('student_availability', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_student_availability_student_id'), ['student_id'], unique=False)

    op.create_table('student_need',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('student_id', sa.Integer(), nullable=False),
    sa.Column('subject', sa.String(length=16), nullable=False),
    sa.Column('level', sa.String(length=50), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('minutes_per_visit', sa.Integer(), nullable=False),
    sa.Column('visits_per_week', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['student_id'], ['student.id'], name=op.f('fk_student_need_student_id_student')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_student_need'))
    )
    with op.batch_alter_table('student_need', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_student_need_student_id'), ['student_id'], unique=False)

    op.create_table('notification',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=32), nullable=False),
    sa.Column('tutor_id', sa.Integer(), nullable=True),
    sa.Column('household_id', sa.Integer(), nullable=True),
    sa.Column('plan_id', sa.Integer(), nullable=True),
    sa.Column('channel', sa.Enum('email', 'letter', 'phone', name='channel', native_enum=False, length=32), nullable=False),
    sa.Column('language', sa.String(length=16), nullable=False),
    sa.Column('address', sa.String(length=254), nullable=False),
    sa.Column('subject', sa.String(length=200), nullable=False),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('status', sa.Enum('pending', 'sent', 'failed', 'printed', name='notificationstatus', native_enum=False, length=32), nullable=False),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('last_error', sa.String(length=500), nullable=False),
    sa.Column('next_attempt_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('sent_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['household_id'], ['household.id'], name=op.f('fk_notification_household_id_household')),
    sa.ForeignKeyConstraint(['plan_id'], ['plan.id'], name=op.f('fk_notification_plan_id_plan')),
    sa.ForeignKeyConstraint(['tutor_id'], ['tutor.id'], name=op.f('fk_notification_tutor_id_tutor')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_notification'))
    )
    with op.batch_alter_table('notification', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_notification_household_id'), ['household_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_notification_status'), ['status'], unique=False)
        batch_op.create_index(batch_op.f('ix_notification_tutor_id'), ['tutor_id'], unique=False)

    op.create_table('plan_change',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('plan_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.Enum('kept', 'moved', 'new', 'dropped', name='changekind', native_enum=False, length=32), nullable=False),
    sa.Column('student_id', sa.Integer(), nullable=True),
    sa.Column('tutor_id', sa.Integer(), nullable=True),
    sa.Column('site_id', sa.Integer(), nullable=True),
    sa.Column('detail', sa.JSON(), nullable=False),
    sa.ForeignKeyConstraint(['plan_id'], ['plan.id'], name=op.f('fk_plan_change_plan_id_plan')),
    sa.ForeignKeyConstraint(['site_id'], ['site.id'], name=op.f('fk_plan_change_site_id_site')),
    sa.ForeignKeyConstraint(['student_id'], ['student.id'], name=op.f('fk_plan_change_student_id_student')),
    sa.ForeignKeyConstraint(['tutor_id'], ['tutor.id'], name=op.f('fk_plan_change_tutor_id_tutor')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_plan_change'))
    )
    with op.batch_alter_table('plan_change', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_plan_change_plan_id'), ['plan_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_plan_change_student_id'), ['student_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_plan_change_tutor_id'), ['tutor_id'], unique=False)

    op.create_table('room_pin',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('plan_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.Enum('session', 'staff', 'child_site', name='roompinkind', native_enum=False, length=32), nullable=False),
    sa.Column('site_id', sa.Integer(), nullable=False),
    sa.Column('on_date', sa.Date(), nullable=True),
    sa.Column('tutor_id', sa.Integer(), nullable=True),
    sa.Column('student_id', sa.Integer(), nullable=True),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['created_by_id'], ['user_account.id'], name=op.f('fk_room_pin_created_by_id_user_account')),
    sa.ForeignKeyConstraint(['plan_id'], ['plan.id'], name=op.f('fk_room_pin_plan_id_plan')),
    sa.ForeignKeyConstraint(['site_id'], ['site.id'], name=op.f('fk_room_pin_site_id_site')),
    sa.ForeignKeyConstraint(['student_id'], ['student.id'], name=op.f('fk_room_pin_student_id_student')),
    sa.ForeignKeyConstraint(['tutor_id'], ['tutor.id'], name=op.f('fk_room_pin_tutor_id_tutor')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_room_pin'))
    )
    with op.batch_alter_table('room_pin', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_room_pin_plan_id'), ['plan_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_room_pin_site_id'), ['site_id'], unique=False)

    op.create_table('session',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('plan_id', sa.Integer(), nullable=False),
    sa.Column('site_id', sa.Integer(), nullable=False),
    sa.Column('on_date', sa.Date(), nullable=False),
    sa.Column('start_minute', sa.Integer(), nullable=False),
    sa.Column('end_minute', sa.Integer(), nullable=False),
    sa.Column('status', sa.Enum('planned', 'confirmed', 'cancelled', name='occurrencestatus', native_enum=False, length=32), nullable=False),
    sa.ForeignKeyConstraint(['plan_id'], ['plan.id'], name=op.f('fk_session_plan_id_plan')),
    sa.ForeignKeyConstraint(['site_id'], ['site.id'], name=op.f('fk_session_site_id_site')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_session'))
    )
    with op.batch_alter_table('session', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_session_on_date'), ['on_date'], unique=False)
        batch_op.create_index(batch_op.f('ix_session_plan_id'), ['plan_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_session_site_id'), ['site_id'], unique=False)

    op.create_table('solve_job',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('programme_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.Enum('visits', 'rooms', name='plankind', native_enum=False, length=32), nullable=False),
    sa.Column('status', sa.Enum('queued', 'running', 'succeeded', 'failed', 'cancelled', name='jobstatus', native_enum=False, length=32), nullable=False),
    sa.Column('requested_by_id', sa.Integer(), nullable=True),
    sa.Column('base_plan_id', sa.Integer(), nullable=True),
    sa.Column('result_plan_id', sa.Integer(), nullable=True),
    sa.Column('progress', sa.JSON(), nullable=False),
    sa.Column('cancel_requested', sa.Boolean(), nullable=False),
    sa.Column('error', sa.String(length=500), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('started_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('finished_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['base_plan_id'], ['plan.id'], name=op.f('fk_solve_job_base_plan_id_plan')),
    sa.ForeignKeyConstraint(['programme_id'], ['programme.id'], name=op.f('fk_solve_job_programme_id_programme')),
    sa.ForeignKeyConstraint(['requested_by_id'], ['user_account.id'], name=op.f('fk_solve_job_requested_by_id_user_account')),
    sa.ForeignKeyConstraint(['result_plan_id'], ['plan.id'], name=op.f('fk_solve_job_result_plan_id_plan')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_solve_job'))
    )
    with op.batch_alter_table('solve_job', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_solve_job_programme_id'), ['programme_id'], unique=False)

    op.create_table('student_site_assignment',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('plan_id', sa.Integer(), nullable=False),
    sa.Column('student_id', sa.Integer(), nullable=False),
    sa.Column('site_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['plan_id'], ['plan.id'], name=op.f('fk_student_site_assignment_plan_id_plan')),
    sa.ForeignKeyConstraint(['site_id'], ['site.id'], name=op.f('fk_student_site_assignment_site_id_site')),
    sa.ForeignKeyConstraint(['student_id'], ['student.id'], name=op.f('fk_student_site_assignment_student_id_student')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_student_site_assignment'))
    )
    with op.batch_alter_table('student_site_assignment', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_student_site_assignment_plan_id'), ['plan_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_student_site_assignment_site_id'), ['site_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_student_site_assignment_student_id'), ['student_id'], unique=False)

    op.create_table('visit',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('plan_id', sa.Integer(), nullable=False),
    sa.Column('student_id', sa.Integer(), nullable=False),
    sa.Column('need_id', sa.Integer(), nullable=False),
    sa.Column('subject', sa.String(length=16), nullable=False),
    sa.Column('tutor_id', sa.Integer(), nullable=False),
    sa.Column('weekday', sa.Integer(), nullable=False),
    sa.Column('start_minute', sa.Integer(), nullable=False),
    sa.Column('end_minute', sa.Integer(), nullable=False),
    sa.Column('travel_minutes', sa.Integer(), nullable=False),
    sa.Column('confirmed_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['need_id'], ['student_need.id'], name=op.f('fk_visit_need_id_student_need')),
    sa.ForeignKeyConstraint(['plan_id'], ['plan.id'], name=op.f('fk_visit_plan_id_plan')),
    sa.ForeignKeyConstraint(['student_id'], ['student.id'], name=op.f('fk_visit_student_id_student')),
    sa.ForeignKeyConstraint(['tutor_id'], ['tutor.id'], name=op.f('fk_visit_tutor_id_tutor')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_visit'))
    )
    with op.batch_alter_table('visit', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_visit_need_id'), ['need_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_visit_plan_id'), ['plan_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_visit_student_id'), ['student_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_visit_tutor_id'), ['tutor_id'], unique=False)

    op.create_table('visit_pin',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('plan_id', sa.Integer(), nullable=False),
    sa.Column('need_id', sa.Integer(), nullable=False),
    sa.Column('tutor_id', sa.Integer(), nullable=False),
    sa.Column('weekday', sa.Integer(), nullable=False),
    sa.Column('start_minute', sa.Integer(), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['created_by_id'], ['user_account.id'], name=op.f('fk_visit_pin_created_by_id_user_account')),
    sa.ForeignKeyConstraint(['need_id'], ['student_need.id'], name=op.f('fk_visit_pin_need_id_student_need')),
    sa.ForeignKeyConstraint(['plan_id'], ['plan.id'], name=op.f('fk_visit_pin_plan_id_plan')),
    sa.ForeignKeyConstraint(['tutor_id'], ['tutor.id'], name=op.f('fk_visit_pin_tutor_id_tutor')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_visit_pin'))
    )
    with op.batch_alter_table('visit_pin', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_visit_pin_need_id'), ['need_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_visit_pin_plan_id'), ['plan_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_visit_pin_tutor_id'), ['tutor_id'], unique=False)

    op.create_table('session_staff',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('session_id', sa.Integer(), nullable=False),
    sa.Column('tutor_id', sa.Integer(), nullable=False),
    sa.Column('confirmed_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['session_id'], ['session.id'], name=op.f('fk_session_staff_session_id_session')),
    sa.ForeignKeyConstraint(['tutor_id'], ['tutor.id'], name=op.f('fk_session_staff_tutor_id_tutor')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_session_staff'))
    )
    with op.batch_alter_table('session_staff', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_session_staff_session_id'), ['session_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_session_staff_tutor_id'), ['tutor_id'], unique=False)

    op.create_table('visit_occurrence',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('visit_id', sa.Integer(), nullable=False),
    sa.Column('on_date', sa.Date(), nullable=False),
    sa.Column('start_minute', sa.Integer(), nullable=False),
    sa.Column('end_minute', sa.Integer(), nullable=False),
    sa.Column('status', sa.Enum('planned', 'confirmed', 'cancelled', name='occurrencestatus', native_enum=False, length=32), nullable=False),
    sa.Column('substitute_tutor_id', sa.Integer(), nullable=True),
    sa.Column('household_confirmed_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['substitute_tutor_id'], ['tutor.id'], name=op.f('fk_visit_occurrence_substitute_tutor_id_tutor')),
    sa.ForeignKeyConstraint(['visit_id'], ['visit.id'], name=op.f('fk_visit_occurrence_visit_id_visit')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_visit_occurrence'))
    )
    with op.batch_alter_table('visit_occurrence', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_visit_occurrence_on_date'), ['on_date'], unique=False)
        batch_op.create_index(batch_op.f('ix_visit_occurrence_visit_id'), ['visit_id'], unique=False)




def downgrade() -> None:

    with op.batch_alter_table('visit_occurrence', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_visit_occurrence_visit_id'))
        batch_op.drop_index(batch_op.f('ix_visit_occurrence_on_date'))

    op.drop_table('visit_occurrence')
    with op.batch_alter_table('session_staff', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_session_staff_tutor_id'))
        batch_op.drop_index(batch_op.f('ix_session_staff_session_id'))

    op.drop_table('session_staff')
    with op.batch_alter_table('visit_pin', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_visit_pin_tutor_id'))
        batch_op.drop_index(batch_op.f('ix_visit_pin_plan_id'))
        batch_op.drop_index(batch_op.f('ix_visit_pin_need_id'))

    op.drop_table('visit_pin')
    with op.batch_alter_table('visit', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_visit_tutor_id'))
        batch_op.drop_index(batch_op.f('ix_visit_student_id'))
        batch_op.drop_index(batch_op.f('ix_visit_plan_id'))
        batch_op.drop_index(batch_op.f('ix_visit_need_id'))

    op.drop_table('visit')
    with op.batch_alter_table('student_site_assignment', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_student_site_assignment_student_id'))
        batch_op.drop_index(batch_op.f('ix_student_site_assignment_site_id'))
        batch_op.drop_index(batch_op.f('ix_student_site_assignment_plan_id'))

    op.drop_table('student_site_assignment')
    with op.batch_alter_table('solve_job', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_solve_job_programme_id'))

    op.drop_table('solve_job')
    with op.batch_alter_table('session', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_session_site_id'))
        batch_op.drop_index(batch_op.f('ix_session_plan_id'))
        batch_op.drop_index(batch_op.f('ix_session_on_date'))

    op.drop_table('session')
    with op.batch_alter_table('room_pin', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_room_pin_site_id'))
        batch_op.drop_index(batch_op.f('ix_room_pin_plan_id'))

    op.drop_table('room_pin')
    with op.batch_alter_table('plan_change', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_plan_change_tutor_id'))
        batch_op.drop_index(batch_op.f('ix_plan_change_student_id'))
        batch_op.drop_index(batch_op.f('ix_plan_change_plan_id'))

    op.drop_table('plan_change')
    with op.batch_alter_table('notification', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_notification_tutor_id'))
        batch_op.drop_index(batch_op.f('ix_notification_status'))
        batch_op.drop_index(batch_op.f('ix_notification_household_id'))

    op.drop_table('notification')
    with op.batch_alter_table('student_need', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_student_need_student_id'))

    op.drop_table('student_need')
    with op.batch_alter_table('student_availability', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_student_availability_student_id'))

    op.drop_table('student_availability')
    with op.batch_alter_table('plan', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_plan_programme_id'))

    op.drop_table('plan')
    with op.batch_alter_table('household_message', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_household_message_household_id'))

    op.drop_table('household_message')
    with op.batch_alter_table('forbidden_pair', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_forbidden_pair_tutor_id'))
        batch_op.drop_index(batch_op.f('ix_forbidden_pair_student_id'))

    op.drop_table('forbidden_pair')
    with op.batch_alter_table('audit_entry', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_audit_entry_user_id'))
        batch_op.drop_index(batch_op.f('ix_audit_entry_at'))

    op.drop_table('audit_entry')
    op.drop_table('user_account')
    with op.batch_alter_table('tutor_subject', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_tutor_subject_tutor_id'))

    op.drop_table('tutor_subject')
    with op.batch_alter_table('tutor_site', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_tutor_site_tutor_id'))
        batch_op.drop_index(batch_op.f('ix_tutor_site_site_id'))

    op.drop_table('tutor_site')
    with op.batch_alter_table('tutor_exception', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_tutor_exception_tutor_id'))

    op.drop_table('tutor_exception')
    with op.batch_alter_table('tutor_availability', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_tutor_availability_tutor_id'))

    op.drop_table('tutor_availability')
    with op.batch_alter_table('student', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_student_school'))
        batch_op.drop_index(batch_op.f('ix_student_household_id'))
        batch_op.drop_index(batch_op.f('ix_student_home_site_id'))
        batch_op.drop_index(batch_op.f('ix_student_family_name_kana'))
        batch_op.drop_index(batch_op.f('ix_student_family_name'))

    op.drop_table('student')
    with op.batch_alter_table('site_opening', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_site_opening_site_id'))

    op.drop_table('site_opening')
    with op.batch_alter_table('household_token', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_household_token_short_code'))
        batch_op.drop_index(batch_op.f('ix_household_token_household_id'))

    op.drop_table('household_token')
    with op.batch_alter_table('calendar_feed_token', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_calendar_feed_token_tutor_id'))

    op.drop_table('calendar_feed_token')
    with op.batch_alter_table('calendar_entry', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_calendar_entry_site_id'))
        batch_op.drop_index(batch_op.f('ix_calendar_entry_programme_id'))

    op.drop_table('calendar_entry')
    with op.batch_alter_table('tutor', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_tutor_programme_id'))
        batch_op.drop_index(batch_op.f('ix_tutor_family_name_kana'))
        batch_op.drop_index(batch_op.f('ix_tutor_family_name'))

    op.drop_table('tutor')
    with op.batch_alter_table('site', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_site_programme_id'))

    op.drop_table('site')
    with op.batch_alter_table('household', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_household_programme_id'))

    op.drop_table('household')
    op.drop_table('programme')

