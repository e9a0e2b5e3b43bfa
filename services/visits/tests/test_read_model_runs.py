"""Registration's events taken a run at a time (`kit.consumer.Many`): the read models end
as the same events handled one by one would leave them, in a few statements per run."""
from __future__ import annotations

import uuid

import pytest

from services.visits.models import elders, points, staff, subsidies
from services.visits.tests.test_step_statements import statements
from tests import payloads
from tests.runs import handle_run, registration_event as event, rows as table

pytestmark = pytest.mark.integration


@pytest.fixture
def svc(build_service):
    return build_service("visits")


def test_a_run_of_elders_ends_as_one_by_one_in_few_statements(svc):
    point, ids = str(uuid.uuid4()), [str(uuid.uuid4()) for _ in range(20)]
    taken = []
    for n, elder_id in enumerate(ids):  # each registered, then updated, then (stale) an old copy
        state = payloads.elder(id=elder_id, citizen_card_no=f"RUN{n:04d}", service_point_id=point)
        taken += [event("registration.elder.registered", elder_id, 1, state),
                  event("registration.elder.updated", elder_id, 2, state | {"latest_assessment_level": 3})]
    taken.append(event("registration.elder.updated", ids[0], 1, payloads.elder(
        id=ids[0], citizen_card_no="RUN0000", service_point_id=point, name="旧")))
    with statements(svc.store.engine) as sent:
        handle_run(svc, taken)
    assert table(svc, elders, "citizen_card_no", "latest_assessment_level", "name", "sequence") == {
        elder_id: (f"RUN{n:04d}", 3, "张阿姨", 2) for n, elder_id in enumerate(ids)}
    assert len([s for s in sent if not s.startswith("BEGIN")]) <= 4  # not three or more per event


def test_a_card_passing_between_elders_in_a_run_keeps_the_order(svc):
    first, second, point = str(uuid.uuid4()), str(uuid.uuid4()), str(uuid.uuid4())
    handle_run(svc, [event("registration.elder.registered", first, 1,
                           payloads.elder(id=first, citizen_card_no="CARD1", service_point_id=point)),
                     event("registration.elder.registered", second, 1,
                           payloads.elder(id=second, citizen_card_no="CARD1", service_point_id=point))])
    assert table(svc, elders, "citizen_card_no") == {first: (f"retired:{first}",), second: ("CARD1",)}


def test_runs_of_staff_points_and_subsidies(svc):
    point, other, assistant = str(uuid.uuid4()), str(uuid.uuid4()), str(uuid.uuid4())
    handle_run(svc, [event("registration.service_point.created", point, 1, payloads.point(id=point, name="一")),
                     event("registration.service_point.created", other, 1, payloads.point(id=other, name="二")),
                     event("registration.service_point.updated", point, 2, payloads.point(id=point, name="一新"))])
    assert table(svc, points, "name", "sequence") == {point: ("一新", 2), other: ("二", 1)}
    handle_run(svc, [event("registration.staff.created", assistant, 1,
                           payloads.staff(id=assistant, service_point_id=point)),
                     event("registration.staff.updated", assistant, 2,
                           payloads.staff(id=assistant, service_point_id=point, qualified=False))])
    assert table(svc, staff, "qualified", "sequence") == {assistant: (False, 2)}
    approved, pending, elder = str(uuid.uuid4()), str(uuid.uuid4()), str(uuid.uuid4())
    handle_run(svc, [event("registration.subsidy.decided", approved, 1, payloads.subsidy(id=approved, elder_id=elder)),
                     event("registration.subsidy.decided", pending, 1, payloads.subsidy(
                         id=pending, elder_id=elder, status="rejected", approved=False, stage="reviewed",
                         valid_from=None, valid_until=None))])
    assert table(svc, subsidies, "status") == {approved: ("approved",)}  # only those that fund visits
