"""Read models kept from event-carried state: apply an aggregate's state only when the
event is newer than what is held, so redeliveries and reordering keep the newest."""
from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.orm import Session


def apply_state(session: Session, table: sa.Table, key: str, sequence: int, values: dict) -> bool:
    """Upsert `values` for `key` if `sequence` is newer than the row's; True if applied.
    The table has an `id` primary key and a `sequence` column."""
    held = session.execute(sa.select(table.c.sequence).where(table.c.id == key)).scalar()
    if held is not None and held >= sequence:
        return False
    if held is None:
        session.execute(table.insert().values(id=key, sequence=sequence, **values))
    else:
        session.execute(table.update().where(table.c.id == key).values(sequence=sequence, **values))
    return True
