"""funding of visits: approved subsidies, who pays for each visit, prices per bath, the monthly settlement

Revision ID: b7e3c1a9d2f4
Revises: 668c464588f4
Create Date: 2026-11-30 22:50:00.000000

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa

import kit.types


# revision identifiers, used by Alembic.
revision: str = 'b7e3c1a9d2f4'
down_revision: Union[str, Sequence[str], None] = '668c464588f4'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.create_table(
        'subsidies',
        sa.Column('id', sa.String(length=36), nullable=False),
        sa.Column('elder_id', sa.String(length=36), nullable=False),
        sa.Column('category', sa.String(length=20), nullable=False),
        sa.Column('status', sa.String(length=12), nullable=False),
        sa.Column('valid_from', sa.Date(), nullable=True),
        sa.Column('valid_until', sa.Date(), nullable=True),
        sa.Column('ended_at', kit.types.UtcDateTime(), nullable=True),
        sa.Column('sequence', sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint('id'),
    )
    op.create_index('ix_subsidies_elder_id', 'subsidies', ['elder_id'], unique=False)
    op.create_table(
        'prices',
        sa.Column('id', sa.String(length=36), nullable=False),
        sa.Column('funding', sa.String(length=12), nullable=False),
        sa.Column('category', sa.String(length=20), nullable=True),
        sa.Column('service_point_id', sa.String(length=36), nullable=True),
        sa.Column('amount', sa.Numeric(precision=10, scale=2), nullable=False),
        sa.Column('effective_from', sa.Date(), nullable=False),
        sa.Column('set_by', sa.String(length=64), nullable=True),
        sa.Column('created_at', kit.types.UtcDateTime(), nullable=False),
        sa.PrimaryKeyConstraint('id'),
    )
    op.create_table(
        'settlements',
        sa.Column('month', sa.String(length=7), nullable=False),
        sa.Column('report', sa.JSON(), nullable=False),
        sa.Column('created_at', kit.types.UtcDateTime(), nullable=False),
        sa.PrimaryKeyConstraint('month'),
    )
    with op.batch_alter_table('visits', schema=None) as batch_op:
        batch_op.add_column(sa.Column('funding_source', sa.String(length=12), nullable=True))
        batch_op.add_column(sa.Column('funding_category', sa.String(length=20), nullable=True))
        batch_op.create_index('ix_visits_checked_out', ['checked_out_at'], unique=False)


def downgrade() -> None:
    """Downgrade schema."""
    with op.batch_alter_table('visits', schema=None) as batch_op:
        batch_op.drop_index('ix_visits_checked_out')
        batch_op.drop_column('funding_category')
        batch_op.drop_column('funding_source')
    op.drop_table('settlements')
    op.drop_table('prices')
    op.drop_index('ix_subsidies_elder_id', table_name='subsidies')
    op.drop_table('subsidies')
