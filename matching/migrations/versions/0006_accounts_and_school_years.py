"""Accounts that can be invited and whose sessions can be ended; a programme's office and closed years.

Revision ID: d1
Revises: b1
Create Date: 2026-11-30 06:30:00
"""

from alembic import op
import sqlalchemy as sa


revision = 'd1'
down_revision = 'b1'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'account_token',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('account_id', sa.Integer(), nullable=False),
        sa.Column('purpose', sa.String(length=16), nullable=False),
        sa.Column('delivery', sa.String(length=16), nullable=False),
        sa.Column('token_hash', sa.String(length=64), nullable=False),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('created_by_id', sa.Integer(), nullable=True),
        sa.Column('expires_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('used_at', sa.DateTime(timezone=True), nullable=True),
        sa.Column('revoked_at', sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(['account_id'], ['user_account.id'],
                                name=op.f('fk_account_token_account_id_user_account')),
        sa.ForeignKeyConstraint(['created_by_id'], ['user_account.id'],
                                name=op.f('fk_account_token_created_by_id_user_account')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_account_token')),
        sa.UniqueConstraint('token_hash', name=op.f('uq_account_token_token_hash')),
    )
    with op.batch_alter_table('account_token', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_account_token_account_id'), ['account_id'], unique=False)

    with op.batch_alter_table('user_account', schema=None) as batch_op:
        batch_op.add_column(sa.Column('email', sa.String(length=254), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('session_version', sa.Integer(), nullable=False, server_default='0'))

    with op.batch_alter_table('programme', schema=None) as batch_op:
        batch_op.add_column(sa.Column('office_name', sa.String(length=100), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('office_phone', sa.String(length=30), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('office_email', sa.String(length=254), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('office_hours', sa.String(length=100), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('closed_on', sa.Date(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('programme', schema=None) as batch_op:
        for name in ('closed_on', 'office_hours', 'office_email', 'office_phone', 'office_name'):
            batch_op.drop_column(name)
    with op.batch_alter_table('user_account', schema=None) as batch_op:
        batch_op.drop_column('session_version')
        batch_op.drop_column('email')
    with op.batch_alter_table('account_token', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_account_token_account_id'))
    op.drop_table('account_token')
