"""point names for reports

Revision ID: 8c1d2e7f4a90
Revises: 1c72767ae1b5
Create Date: 2026-12-02 10:00:00.000000

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa

import kit.types  # noqa: F401  (column types rendered as kit.types.*)


# revision identifiers, used by Alembic.
revision: str = '8c1d2e7f4a90'
down_revision: Union[str, Sequence[str], None] = '1c72767ae1b5'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.create_table('points',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('sequence', sa.BigInteger(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_table('points')
