"""login throttle per source and token versions

Revision ID: 5e1d0c2a7b90
Revises: 1cbaafea0921
Create Date: 2026-11-30 19:30:00.000000

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa

import kit.types  # noqa: F401  (column types rendered as kit.types.*)


# revision identifiers, used by Alembic.
revision: str = '5e1d0c2a7b90'
down_revision: Union[str, Sequence[str], None] = '1cbaafea0921'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    # Counts of wrong passwords are short-lived: the table is made anew with its new key.
    op.drop_table('login_failures')
    op.create_table('login_failures',
    sa.Column('username', sa.String(length=64), nullable=False),
    sa.Column('source', sa.String(length=64), nullable=False),
    sa.Column('failures', sa.Integer(), nullable=False),
    sa.Column('locked_until', kit.types.UtcDateTime(timezone=True), nullable=True),
    sa.Column('updated_at', kit.types.UtcDateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('username', 'source')
    )
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.add_column(sa.Column('token_version', sa.Integer(), server_default='0', nullable=False))


def downgrade() -> None:
    """Downgrade schema."""
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.drop_column('token_version')
    op.drop_table('login_failures')
    op.create_table('login_failures',
    sa.Column('username', sa.String(length=64), nullable=False),
    sa.Column('failures', sa.Integer(), nullable=False),
    sa.Column('locked_until', kit.types.UtcDateTime(timezone=True), nullable=True),
    sa.PrimaryKeyConstraint('username')
    )
