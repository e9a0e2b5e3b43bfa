"""citizen cards given once: every card number ever given, current or retired, with its elder

Revision ID: c3a5e7f90b12
Revises: b7d41c2e9a10
Create Date: 2026-12-01 03:00:00

"""
from datetime import datetime, timezone
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa

import kit.types  # noqa: F401  (column types rendered as kit.types.*)


revision: str = 'c3a5e7f90b12'
down_revision: Union[str, Sequence[str], None] = 'b7d41c2e9a10'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    cards = op.create_table('citizen_cards',
                            sa.Column('card_no', sa.String(length=32), nullable=False),
                            sa.Column('elder_id', sa.String(length=36), nullable=False),
                            sa.Column('given_at', kit.types.UtcDateTime(timezone=True), nullable=False),
                            sa.ForeignKeyConstraint(['elder_id'], ['elders.id']),
                            sa.PrimaryKeyConstraint('card_no'))
    op.create_index(op.f('ix_citizen_cards_elder_id'), 'citizen_cards', ['elder_id'], unique=False)
    # Current numbers first: where a retired number was given again, its holder keeps it.
    elders = sa.table('elders', sa.column('id', sa.String), sa.column('citizen_card_no', sa.String),
                      sa.column('previous_citizen_card_nos', sa.JSON))
    rows = op.get_bind().execute(sa.select(elders.c.id, elders.c.citizen_card_no,
                                           elders.c.previous_citizen_card_nos)).all()
    now = datetime.now(timezone.utc)
    given: dict[str, str] = {row.citizen_card_no: row.id for row in rows}
    for row in rows:
        for card in row.previous_citizen_card_nos or []:
            given.setdefault(card, row.id)
    if given:
        op.bulk_insert(cards, [{"card_no": card, "elder_id": elder_id, "given_at": now}
                               for card, elder_id in given.items()])


def downgrade() -> None:
    op.drop_index(op.f('ix_citizen_cards_elder_id'), table_name='citizen_cards')
    op.drop_table('citizen_cards')
