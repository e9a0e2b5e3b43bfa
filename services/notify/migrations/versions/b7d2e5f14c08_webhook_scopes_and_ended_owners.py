"""webhook scopes and ended owners

Revision ID: b7d2e5f14c08
Revises: a3f1c9d2e7b4
Create Date: 2026-12-01 02:30:00.000000

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa

import kit.types  # noqa: F401  (column types rendered as kit.types.*)


# revision identifiers, used by Alembic.
revision: str = 'b7d2e5f14c08'
down_revision: Union[str, Sequence[str], None] = 'a3f1c9d2e7b4'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema. A webhook made before scopes were recorded has none: it receives
    nothing until its owner makes it again, and says so (inactive, with the reason), so its
    owner sees why in `GET /webhooks` instead of waiting for deliveries that never come."""
    with op.batch_alter_table('webhooks') as batch:
        batch.add_column(sa.Column('scopes', sa.JSON(), nullable=True))
        batch.add_column(sa.Column('revoked', sa.Boolean(), nullable=False, server_default=sa.false()))
    webhooks = sa.table('webhooks', sa.column('active', sa.Boolean()), sa.column('disabled_reason', sa.Text()))
    op.execute(webhooks.update().where(webhooks.c.active == sa.true()).values(
        active=False, disabled_reason="made before a webhook recorded its owner's scopes: make it again"))
    op.create_table('ended_owners',
    sa.Column('id', sa.String(length=64), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('ended_at', kit.types.UtcDateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_table('ended_owners')
    with op.batch_alter_table('webhooks') as batch:
        batch.drop_column('revoked')
        batch.drop_column('scopes')
