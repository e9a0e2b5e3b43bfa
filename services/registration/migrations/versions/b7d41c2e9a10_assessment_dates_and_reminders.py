"""assessment dates and reminders: the latest assessment's date on the elder, the reminders sent

Revision ID: b7d41c2e9a10
Revises: aeb0cdec43b9
Create Date: 2026-12-02 09:00:00

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa

import kit.types  # noqa: F401  (column types rendered as kit.types.*)


revision: str = 'b7d41c2e9a10'
down_revision: Union[str, Sequence[str], None] = 'aeb0cdec43b9'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

# The latest assessment is the one with the latest date (the last recorded among equal
# dates): existing records take their level and date from it.
LATEST = ("(SELECT a.{column} FROM assessments a WHERE a.elder_id = elders.id "
          "ORDER BY a.assessed_on DESC, a.created_at DESC LIMIT 1)")


def upgrade() -> None:
    with op.batch_alter_table('elders', schema=None) as batch_op:
        batch_op.add_column(sa.Column('latest_assessed_on', sa.Date(), nullable=True))
    op.execute(f"UPDATE elders SET latest_assessed_on = {LATEST.format(column='assessed_on')}, "
               f"latest_assessment_level = {LATEST.format(column='level')}")
    op.create_table('assessment_notices',
                    sa.Column('elder_id', sa.String(length=36), nullable=False),
                    sa.Column('assessed_on', sa.Date(), nullable=False),
                    sa.Column('at', kit.types.UtcDateTime(timezone=True), nullable=False),
                    sa.PrimaryKeyConstraint('elder_id', 'assessed_on'))


def downgrade() -> None:
    op.drop_table('assessment_notices')
    with op.batch_alter_table('elders', schema=None) as batch_op:
        batch_op.drop_column('latest_assessed_on')
