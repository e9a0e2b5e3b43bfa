"""baths in use counted per point and day

Revision ID: 7c1e5b2a9d40
Revises: b7e3c1a9d2f4
Create Date: 2026-12-01 10:00:00.000000

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '7c1e5b2a9d40'
down_revision: Union[str, Sequence[str], None] = 'b7e3c1a9d2f4'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """The counter of baths in use per point and day, started from the baths running now."""
    op.create_table(
        'bath_places',
        sa.Column('service_point_id', sa.String(length=36), nullable=False),
        sa.Column('local_date', sa.Date(), nullable=False),
        sa.Column('in_use', sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint('service_point_id', 'local_date'),
    )
    op.execute("INSERT INTO bath_places (service_point_id, local_date, in_use) "
               "SELECT service_point_id, local_date, count(*) FROM visits WHERE status = 'bathing' "
               "GROUP BY service_point_id, local_date")


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_table('bath_places')
