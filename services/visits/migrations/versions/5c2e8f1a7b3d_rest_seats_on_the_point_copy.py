"""rest seats on the point copy: the rest hall's seats, counted at the rest step

Revision ID: 5c2e8f1a7b3d
Revises: 7c1e5b2a9d40
Create Date: 2026-11-30 22:45:00

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


revision: str = '5c2e8f1a7b3d'
down_revision: Union[str, Sequence[str], None] = '7c1e5b2a9d40'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    # Null until registration's next event about the point carries its seats.
    with op.batch_alter_table('service_points', schema=None) as batch_op:
        batch_op.add_column(sa.Column('rest_seats', sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('service_points', schema=None) as batch_op:
        batch_op.drop_column('rest_seats')
