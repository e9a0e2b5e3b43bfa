"""follow-up plans: their details (first reading, discharge, service agreement) and closure

Revision ID: e4b9d2c7a1f6
Revises: 5c2e8f1a7b3d
Create Date: 2026-12-01 02:45:00.000000

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = 'e4b9d2c7a1f6'
down_revision: Union[str, Sequence[str], None] = '5c2e8f1a7b3d'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    with op.batch_alter_table('follow_up_plans', schema=None) as batch_op:
        batch_op.add_column(sa.Column('details', sa.JSON(), nullable=True))
        batch_op.add_column(sa.Column('closed_on', sa.Date(), nullable=True))
        batch_op.add_column(sa.Column('closure_reason', sa.String(length=20), nullable=True))


def downgrade() -> None:
    """Downgrade schema."""
    with op.batch_alter_table('follow_up_plans', schema=None) as batch_op:
        batch_op.drop_column('closure_reason')
        batch_op.drop_column('closed_on')
        batch_op.drop_column('details')
