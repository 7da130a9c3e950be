"""Furigana order indexes for the list pages: (family_name_kana, given_name_kana, id) on student and tutor.

The children and tutors lists are ordered by furigana then id; with an index in that order a page is
read off the index instead of sorting every row. Each index replaces the one on family_name_kana alone,
which it makes redundant (its leading column).

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22 12:34:24.997736
"""

from alembic import op


revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    for table in ('student', 'tutor'):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_index(batch_op.f(f'ix_{table}_family_name_kana'))
            batch_op.create_index(f'ix_{table}_furigana_order', ['family_name_kana', 'given_name_kana', 'id'],
                                  unique=False)


def downgrade() -> None:
    for table in ('tutor', 'student'):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_index(f'ix_{table}_furigana_order')
            batch_op.create_index(batch_op.f(f'ix_{table}_family_name_kana'), ['family_name_kana'], unique=False)
