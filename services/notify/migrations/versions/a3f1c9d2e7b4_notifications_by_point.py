"""notifications and webhooks by point

Revision ID: a3f1c9d2e7b4
Revises: d844c0767ed4
Create Date: 2026-11-30 23:00:00.000000

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa

import kit.types  # noqa: F401  (column types rendered as kit.types.*)


# revision identifiers, used by Alembic.
revision: str = 'a3f1c9d2e7b4'
down_revision: Union[str, Sequence[str], None] = 'd844c0767ed4'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    with op.batch_alter_table('notifications') as batch:
        batch.add_column(sa.Column('service_point_id', sa.String(length=36), nullable=True))
        batch.create_index('ix_notifications_service_point_id', ['service_point_id'])
    with op.batch_alter_table('webhooks') as batch:
        batch.add_column(sa.Column('service_point_id', sa.String(length=36), nullable=True))


def downgrade() -> None:
    """Downgrade schema."""
    with op.batch_alter_table('webhooks') as batch:
        batch.drop_column('service_point_id')
    with op.batch_alter_table('notifications') as batch:
        batch.drop_index('ix_notifications_service_point_id')
        batch.drop_column('service_point_id')
