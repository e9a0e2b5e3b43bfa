"""What each step of a visit sends to the store: the visit is read once, with its elder,
its point and its timeline; the answer is rendered from what is in hand; on PostgreSQL the
visit's change goes with its timeline row in one statement, and its event is numbered and
written in one more. Counted, not timed: a step that reads its rows again fails here."""
from __future__ import annotations

import contextlib

import pytest
import sqlalchemy as sa

from kit.broker import free_port
from services.visits.tests.test_api import SCREEN_OK, Registration, elder_state, registration  # noqa: F401
from tests.callers import ADMIN

pytestmark = pytest.mark.integration


@pytest.fixture
def svc(build_service, monkeypatch):
    monkeypatch.setenv("REGISTRATION_URL", f"http://127.0.0.1:{free_port()}")  # registration is down
    return build_service("visits")


@contextlib.contextmanager
def statements(engine: sa.Engine):
    sent: list[str] = []

    def count(_conn, _cursor, statement, _parameters, _context, _executemany):
        sent.append(" ".join(statement.split()))

    sa.event.listen(engine, "before_cursor_execute", count)
    try:
        yield sent
    finally:
        sa.event.remove(engine, "before_cursor_execute", count)


def starting(sent: list[str], prefix: str) -> list[str]:
    return [statement for statement in sent if statement.startswith(prefix)]


def test_each_step_reads_its_visit_once_and_renders_from_what_it_holds(svc):
    reg = Registration(svc)
    client = svc.app().test_client()
    point = reg.point()
    reg.elder(point, "CARD0001")
    assistant = reg.assistant(point)
    postgresql = svc.store.engine.dialect.name == "postgresql"
    with statements(svc.store.engine) as sent:
        visit = client.post("/visits", json={"citizen_card_no": "CARD0001", "service_point_id": point}, headers=ADMIN)
    assert visit.status_code == 201
    if postgresql:  # the visit with its first timeline row, then its event
        assert not starting(sent, "INSERT INTO visits") and not starting(sent, "INSERT INTO visit_timeline")
        assert len([s for s in sent if "INSERT INTO visits" in s and "INSERT INTO visit_timeline" in s]) == 1
    url = f"/visits/{visit.get_json()['id']}"
    on_duty = {"staff_id": reg.on_duty[point]}  # a qualified staff member of the point does each step
    steps = [("screening", SCREEN_OK | on_duty, "screened"), ("bath", {"assistant_staff_id": assistant}, "bath_started"),
             ("rest", on_duty, "rest_started"), ("checkout", on_duty | {"early_leave_reason": "家属来接"}, "checked_out")]
    actions = ["checked_in"]
    for step, body, action in steps:
        with statements(svc.store.engine) as sent:
            answer = client.post(f"{url}/{step}", json=body, headers=ADMIN)
        assert answer.status_code == 200, answer.get_json()
        actions.append(action)
        if step != "screening":  # the answer's timeline: every step so far, none read again
            assert [entry["action"] for entry in answer.get_json()["timeline"]] == actions
        visit_reads = starting(sent, "SELECT visits.id, visits.elder_id")
        assert len(visit_reads) == 1 and "JOIN elders" in visit_reads[0] and "JOIN visit_timeline" in visit_reads[0]
        assert starting(sent, "SELECT elders") == [] and starting(sent, "SELECT visit_timeline") == []
        if step == "bath":  # the assistant, and whether bathing another elder, in one read
            assert len(starting(sent, "SELECT staff.id")) == 1 and "EXISTS" in starting(sent, "SELECT staff.id")[0]
            assert starting(sent, "SELECT visits.id FROM visits") == []
        else:  # the staff member doing the step is read with the visit
            assert "JOIN staff" in visit_reads[0] and starting(sent, "SELECT staff") == [], step
        # only the rest locks the point again, to count its seats
        assert len(starting(sent, "SELECT service_points")) == (1 if step == "rest" else 0), step
        if postgresql:
            assert not starting(sent, "UPDATE visits") and not starting(sent, "INSERT INTO visit_timeline")
            changes = [s for s in sent if "UPDATE visits" in s]
            assert len(changes) == 1 and "INSERT INTO visit_timeline" in changes[0]
            events = [s for s in sent if "INSERT INTO outbox" in s]
            assert len(events) == 1 and "aggregate_sequence" in events[0]
            assert not [s for s in sent if "aggregate_sequence" in s and "INSERT INTO outbox" not in s]
    shown = client.get(url, headers=ADMIN).get_json()
    assert [entry["action"] for entry in shown["timeline"]] == actions


def test_a_check_in_asks_the_store_whether_it_holds_the_point_until_it_does(svc):
    reg = Registration(svc)
    client = svc.app().test_client()
    point = reg.point()
    asked = []
    for card in ("CARD0001", "CARD0002"):
        reg.elder(point, card)
        with statements(svc.store.engine) as sent:
            answer = client.post("/visits", json={"citizen_card_no": card, "service_point_id": point}, headers=ADMIN)
        assert answer.status_code == 201
        asked.append(len(starting(sent, "SELECT service_points.id FROM service_points")))
    assert asked == [1, 0]


def test_a_check_in_reads_what_it_decides_on_in_one_statement(registration):
    """Registration's answer, then one read: the point, the elder's open visit, whether
    this copy holds the elder or has the card on someone else, and the elder's subsidies.
    The copy is written only where it lacks the elder (or has the card elsewhere)."""
    svc, stub = registration
    reg, client = Registration(svc), svc.app().test_client()
    point = reg.point()
    cards = {card: reg.elder(point, card) for card in ("CARD0001", "CARD0002")}
    for card, elder in cards.items():
        stub.elders[card] = elder_state(point, card, id=elder)
    stub.elders["NEWCARD3"] = elder_state(point, "NEWCARD3")  # not in this copy yet
    assert client.post("/visits", json={"citizen_card_no": "CARD0001", "service_point_id": point},
                       headers=ADMIN).status_code == 201  # the point is known from here on
    for card, copied in (("CARD0002", True), ("NEWCARD3", False)):
        with statements(svc.store.engine) as sent:
            answer = client.post("/visits", json={"citizen_card_no": card, "service_point_id": point}, headers=ADMIN)
        assert answer.status_code == 201, answer.get_json()
        reads = [s for s in sent if s.startswith("SELECT")]
        facts = starting(sent, "SELECT service_points.id")
        assert len(facts) == 1 and "LEFT OUTER JOIN subsidies" in facts[0] and facts[0].count("EXISTS") == 3
        assert not starting(sent, "UPDATE elders")
        if copied:
            assert reads == facts and not starting(sent, "INSERT INTO elders")
        else:  # kept in the copy at sequence 0
            assert len(starting(sent, "INSERT INTO elders")) == 1
    again = client.post("/visits", json={"citizen_card_no": "NEWCARD3", "service_point_id": point}, headers=ADMIN)
    assert again.get_json()["code"] == "ALREADY_IN_VISIT"
