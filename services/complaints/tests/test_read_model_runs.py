"""Registration's staff and points taken a run at a time (`kit.consumer.Many`): the
read models end as the same events one by one would leave them."""
from __future__ import annotations

import uuid

import pytest

from services.complaints.models import points, staff
from tests import payloads
from tests.runs import handle_run, registration_event as event, rows as table

pytestmark = pytest.mark.integration


@pytest.fixture
def svc(build_service):
    return build_service("complaints")


def test_runs_of_staff_and_points_end_as_one_by_one(svc):
    point, other, admin, agent = (str(uuid.uuid4()) for _ in range(4))
    handle_run(svc, [event("registration.service_point.created", point, 1, payloads.point(id=point, name="一")),
                     event("registration.service_point.updated", point, 3, payloads.point(id=point, name="一新")),
                     event("registration.service_point.updated", point, 2, payloads.point(id=point, name="一旧")),
                     event("registration.service_point.created", other, 1, payloads.point(id=other, name="二"))])
    assert table(svc, points, "name", "sequence") == {point: ("一新", 3), other: ("二", 1)}
    handle_run(svc, [event("registration.staff.created", admin, 1,
                           payloads.staff(id=admin, roles=["point_admin"], service_point_id=point)),
                     event("registration.staff.created", agent, 1, payloads.staff(id=agent, roles=["cs_agent"],
                                                                                  service_point_id=None)),
                     event("registration.staff.updated", admin, 2,
                           payloads.staff(id=admin, roles=["point_admin"], service_point_id=point, active=False))])
    assert table(svc, staff, "roles", "service_point_id", "active", "sequence") == {
        admin: (["point_admin"], point, False, 2), agent: (["cs_agent"], None, True, 1)}
