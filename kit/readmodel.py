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


def apply_states(session: Session, table: sa.Table, states: list[tuple[str, int, dict]]) -> set[str]:
    """`apply_state` for a run of states (key, sequence, values) in three statements
    whatever its length: the held sequences read at once, then the new rows inserted and
    the newer ones updated, each as one multi-row statement. Of several states of one key
    the newest counts, as it would had they come one by one. The keys applied."""
    newest: dict[str, tuple[int, dict]] = {}
    for key, sequence, values in states:
        if key not in newest or sequence > newest[key][0]:
            newest[key] = (sequence, values)
    if not newest:
        return set()
    held = dict(session.execute(sa.select(table.c.id, table.c.sequence).where(table.c.id.in_(list(newest)))).all())
    inserts = [{"id": key, "sequence": sequence, **values} for key, (sequence, values) in newest.items()
               if key not in held]
    updates = [{"key": key, "sequence": sequence, **values} for key, (sequence, values) in newest.items()
               if key in held and held[key] < sequence]
    if inserts:
        session.execute(table.insert(), inserts)
    if updates:  # a column's own name is reserved for its SET clause: the values are bound as new_<name>
        columns = [name for name in updates[0] if name != "key"]
        session.execute(table.update().where(table.c.id == sa.bindparam("key"))
                        .values({name: sa.bindparam(f"new_{name}") for name in columns}),
                        [{"key": row["key"], **{f"new_{name}": row[name] for name in columns}} for row in updates])
    return {row["id"] for row in inserts} | {row["key"] for row in updates}
