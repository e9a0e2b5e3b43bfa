"""Read models kept from event-carried state: a run of states applied at once ends as the
same states applied one by one, on either store."""
from __future__ import annotations

import random

import pytest
import sqlalchemy as sa
from sqlalchemy.orm import Session

from kit.db import make_engine
from kit.readmodel import apply_state, apply_states

metadata = sa.MetaData()
things = sa.Table("things", metadata, sa.Column("id", sa.String(36), primary_key=True),
                  sa.Column("name", sa.String(40), nullable=False), sa.Column("tags", sa.JSON, nullable=False),
                  sa.Column("sequence", sa.BigInteger, nullable=False))


@pytest.fixture
def engine(database_urls):
    engine = make_engine(database_urls("readmodel"))
    metadata.create_all(engine)
    yield engine
    engine.dispose()


def rows(engine) -> dict:
    with Session(engine) as session:
        return {r.id: (r.name, r.tags, r.sequence) for r in session.execute(sa.select(things)).all()}


def test_a_run_applied_at_once_ends_as_applied_one_by_one(engine):
    chance = random.Random(7)
    with Session(engine) as session, session.begin():  # some rows held already, some newer than the run
        for key in ("a", "b", "c"):
            apply_state(session, things, key, 5, {"name": f"held {key}", "tags": []})
    run = [(chance.choice("abcdef"), chance.randint(1, 9), {"name": f"n{i}", "tags": [i]}) for i in range(40)]
    expected = dict(rows(engine))
    for key, sequence, values in run:  # the oracle: one by one, the newest sequence wins, ties keep the first
        if key not in expected or expected[key][2] < sequence:
            expected[key] = (values["name"], values["tags"], sequence)
    with Session(engine) as session, session.begin():
        applied = apply_states(session, things, run)
    assert rows(engine) == expected
    assert applied == {key for key in expected if key not in "abc" or expected[key][2] > 5}


def test_states_no_newer_than_held_change_nothing(engine):
    with Session(engine) as session, session.begin():
        apply_state(session, things, "a", 3, {"name": "held", "tags": ["x"]})
    with Session(engine) as session, session.begin():
        assert apply_states(session, things, [("a", 3, {"name": "same", "tags": []}),
                                              ("a", 2, {"name": "older", "tags": []})]) == set()
        assert apply_states(session, things, []) == set()
    assert rows(engine) == {"a": ("held", ["x"], 3)}
