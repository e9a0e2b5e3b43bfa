"""outbox for revocations

Revision ID: 7c2e4b91d0a3
Revises: 5e1d0c2a7b90
Create Date: 2026-12-01 02:40:00.000000

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa

import kit.types  # noqa: F401  (column types rendered as kit.types.*)


# revision identifiers, used by Alembic.
revision: str = '7c2e4b91d0a3'
down_revision: Union[str, Sequence[str], None] = '5e1d0c2a7b90'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema: the messaging tables (kit.messaging) of the gateway's outbox."""
    op.create_table('aggregate_sequence',
    sa.Column('subject', sa.String(length=64), nullable=False),
    sa.Column('last', sa.BigInteger(), nullable=False),
    sa.PrimaryKeyConstraint('subject')
    )
    op.create_table('inbox',
    sa.Column('event_id', sa.String(length=36), nullable=False),
    sa.Column('type', sa.String(length=120), nullable=False),
    sa.Column('source', sa.String(length=64), nullable=False),
    sa.Column('handled_at', kit.types.UtcDateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('event_id')
    )
    op.create_table('outbox',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), autoincrement=True, nullable=False),
    sa.Column('event_id', sa.String(length=36), nullable=False),
    sa.Column('type', sa.String(length=120), nullable=False),
    sa.Column('subject', sa.String(length=64), nullable=False),
    sa.Column('sequence', sa.BigInteger(), nullable=False),
    sa.Column('body', sa.LargeBinary(), nullable=False),
    sa.Column('traceparent', sa.String(length=64), nullable=True),
    sa.Column('created_at', kit.types.UtcDateTime(timezone=True), nullable=False),
    sa.Column('sent_at', kit.types.UtcDateTime(timezone=True), nullable=True),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('event_id')
    )
    with op.batch_alter_table('outbox', schema=None) as batch_op:
        batch_op.create_index('ix_outbox_unsent', ['id'], unique=False, postgresql_where=sa.text('sent_at IS NULL'),
                              sqlite_where=sa.text('sent_at IS NULL'))
    op.create_table('relay_lease',
    sa.Column('name', sa.String(length=32), nullable=False),
    sa.Column('owner', sa.String(length=64), nullable=False),
    sa.Column('expires_at', sa.Float(), nullable=False),
    sa.PrimaryKeyConstraint('name')
    )


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_table('relay_lease')
    with op.batch_alter_table('outbox', schema=None) as batch_op:
        batch_op.drop_index('ix_outbox_unsent', postgresql_where=sa.text('sent_at IS NULL'),
                            sqlite_where=sa.text('sent_at IS NULL'))
    op.drop_table('outbox')
    op.drop_table('inbox')
    op.drop_table('aggregate_sequence')
