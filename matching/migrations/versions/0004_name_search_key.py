"""Name search key: each child's and tutor's name and reading folded to one spelling (hiragana, full width).

Search finds ササキ, ｻｻｷ and ささき alike by matching the folded query against this key. On PostgreSQL a
trigram GIN index (pg_trgm, a trusted extension) serves the substring match at 10,000 children; on SQLite a
plain index is made, since a list that size is read in milliseconds there anyway.

Revision ID: k1
Revises: 0003
"""

import sqlalchemy as sa
from alembic import op

from matching.models.base import name_key_of


revision = 'k1'
down_revision = '0003'
branch_labels = None
depends_on = None

_TABLES = ('student', 'tutor')


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == 'postgresql':
        op.execute('CREATE EXTENSION IF NOT EXISTS pg_trgm')
    for table in _TABLES:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(sa.Column('name_key', sa.String(length=210), nullable=False, server_default=''))
        rows = bind.execute(sa.text(
            f'SELECT id, family_name, given_name, family_name_kana, given_name_kana FROM {table}')).all()
        for row in rows:
            bind.execute(sa.text(f'UPDATE {table} SET name_key = :key WHERE id = :id'),
                         {'key': name_key_of(*row[1:]), 'id': row[0]})
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.alter_column('name_key', server_default=None)
            batch_op.create_index(f'ix_{table}_name_key', ['name_key'], unique=False,
                                  postgresql_using='gin', postgresql_ops={'name_key': 'gin_trgm_ops'})


def downgrade() -> None:
    for table in _TABLES:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_index(f'ix_{table}_name_key')
            batch_op.drop_column('name_key')
