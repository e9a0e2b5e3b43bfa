"""Rebuilding consumers' read models with `zhuyu outbox republish`: after a consumer lost
its store (or its read models and inbox), the producers' outboxes bring it back to the
same rows, through its own queue only, and nobody is notified twice."""
from __future__ import annotations

import json
from datetime import date, timedelta

import pytest
import requests
import sqlalchemy as sa

from kit.db import make_engine
from services.complaints import models as complaints_models
from services.notify import models as notify_models
from services.visits import models as visits_models
from tests.ops.tools import wait_for, zhuyu

pytestmark = [pytest.mark.integration, pytest.mark.slow]

QUEUES = ("visits.events", "complaints.events", "notify.events")
ALL_DAY = {day: [["00:00", "23:59"]] for day in ("mon", "tue", "wed", "thu", "fri", "sat", "sun")}


def rows(url: str, table: sa.Table) -> list[dict]:
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            return [dict(r._mapping) for r in conn.execute(sa.select(table).order_by(*table.primary_key.columns))]
    finally:
        engine.dispose()


def count(url: str, table: sa.Table, *where) -> int:
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            return conn.execute(sa.select(sa.func.count()).select_from(table).where(*where)).scalar()
    finally:
        engine.dispose()


def wipe(url: str, tables: list[sa.Table] | None = None) -> None:
    """The store lost: every table dropped (then `zhuyu migrate`), or only `tables` emptied."""
    engine = make_engine(url)
    try:
        with engine.begin() as conn:
            if tables is None:
                everything = sa.MetaData()
                everything.reflect(conn)
                everything.drop_all(conn)
            else:
                for table in tables:
                    conn.execute(table.delete())
    finally:
        engine.dispose()


def visit_to_checkout(api: str, headers: dict, point_id: str, card: str, assistant_id: str) -> str:
    def check_in():  # visits learns of the elder and the commitment through the broker
        response = requests.post(f"{api}/visits", headers=headers, timeout=10,
                                 json={"citizen_card_no": card, "service_point_id": point_id})
        return response.json() if response.status_code == 201 else None

    url = f"{api}/visits/{wait_for(check_in)['id']}"
    on_duty = {"staff_id": assistant_id}  # the admin user is linked to no staff member: each step names one
    screened = wait_for(lambda: (lambda r: r if r.status_code == 200 else None)(requests.post(
        f"{url}/screening", headers=headers, timeout=10, json=on_duty | {
            "mental_state": "good", "infectious_disease": False, "alcohol": False,
            "reminders_given": ["anti_slip", "anti_hypoxia", "anti_fainting", "call_for_help", "medication",
                                "point_specific"]})))
    assert screened.json()["status"] == "screened", screened.text
    wait_for(lambda: requests.post(f"{url}/bath", headers=headers, timeout=10,
                                   json={"assistant_staff_id": assistant_id}).status_code == 200)
    assert requests.post(f"{url}/rest", headers=headers, json=on_duty, timeout=10).status_code == 200
    done = requests.post(f"{url}/checkout", headers=headers, json=on_duty | {"early_leave_reason": "家属来接"},
                         timeout=10)
    assert done.json()["status"] == "checked_out", done.text
    return url.rsplit("/", 1)[1]


def fill_the_city(suite) -> None:
    """The demo city, an elder's update, and a visit to its end (for complaints' copy of visits)."""
    zhuyu(suite.env, "demo")
    api = suite.gateway + "/api/v1"
    headers = {"Authorization": f"Bearer {suite.token()}"}
    point = requests.get(f"{api}/service-points", headers=headers, timeout=10).json()["items"][0]
    assert requests.patch(f"{api}/service-points/{point['id']}", headers=headers, timeout=10,
                          json={"opening_hours": ALL_DAY}).status_code == 200
    elders = requests.get(f"{api}/elders", params={"service_point_id": point["id"], "limit": 200}, headers=headers,
                          timeout=10).json()["items"]
    staff = requests.get(f"{api}/staff", params={"service_point_id": point["id"]}, headers=headers,
                         timeout=10).json()["items"]
    assistant = next(s for s in staff if "bathing_assistant" in s["roles"])
    admin_staff = next(s for s in staff if "point_admin" in s["roles"])
    elder = elders[0]
    for step, body in (("assessments", {"level": 2, "assessed_on": (date.today() - timedelta(days=30)).isoformat(), "assessor": "医生", "reference": "R"}),
                       ("safety-commitments", {"signer_name": "本人", "signer_relation": "self", "text_version": "v1",
                                               "witness_staff_id": admin_staff["id"]})):
        assert requests.post(f"{api}/elders/{elder['id']}/{step}", headers=headers, json=body,
                             timeout=10).status_code == 201
    assert requests.patch(f"{api}/elders/{elder['id']}", headers=headers, json={"address": "新地址1号"},
                          timeout=10).status_code == 200
    if assistant["gender"] != elder["gender"]:
        assistant = next((s for s in staff if "bathing_assistant" in s["roles"] and s["gender"] == elder["gender"]),
                         assistant)
    visit_to_checkout(api, headers, point["id"], elder["citizen_card_no"], assistant["id"])


def settled(suite, vhost: str, rabbit) -> None:
    """Every consumer has caught up and notify has sent what it had to send."""
    env = suite.env
    wait_for(lambda: all(rabbit.queue_depth(vhost, q) == 0 for q in QUEUES), timeout=60)
    wait_for(lambda: count(env["COMPLAINTS_DATABASE_URL"], complaints_models.visits) == 1, timeout=30)
    wait_for(lambda: count(env["NOTIFY_DATABASE_URL"], notify_models.notifications,
                           notify_models.notifications.c.event_type == "complaints.survey.invited") > 0, timeout=30)
    wait_for(lambda: count(env["NOTIFY_DATABASE_URL"], notify_models.notifications,
                           notify_models.notifications.c.status == "queued") == 0, timeout=60)


def republish(env: dict, producer: str, queue: str) -> dict:
    return json.loads(zhuyu(env, "outbox", "republish", producer, "--to-queue", queue).stdout)


def test_consumers_rebuild_their_read_models_from_the_outboxes_without_notifying_twice(suite, rabbit, amqp_url):
    vhost = amqp_url.rsplit("/", 1)[1]
    env = suite.env
    visits_url, complaints_url, notify_url = (env[f"{n}_DATABASE_URL"] for n in ("VISITS", "COMPLAINTS", "NOTIFY"))
    fill_the_city(suite)
    settled(suite, vhost, rabbit)
    assert suite.stop() == 0

    read_models = {
        visits_url: [visits_models.elders, visits_models.staff, visits_models.points],
        complaints_url: [complaints_models.staff, complaints_models.visits],
        notify_url: [notify_models.elders, notify_models.staff],
    }
    before = {(url, t.name): rows(url, t) for url, tables in read_models.items() for t in tables}
    assert all(before.values()), "every read model should hold rows before the loss"
    notifications = rows(notify_url, notify_models.notifications)
    sms = rows(notify_url, notify_models.sink_messages)
    invitations = rows(complaints_url, complaints_models.survey_invitations)
    complaints_outbox = count(complaints_url, complaints_models.messaging.outbox)
    assert sms and invitations

    # Complaints and notify lost their read models and inboxes (their own records, survey
    # invitations and notifications, are kept: see below); visits lost its whole store.
    # One queue at a time: the others receive nothing (the suite is stopped, so the depths hold).
    wipe(complaints_url, [complaints_models.staff, complaints_models.visits, complaints_models.messaging.inbox])
    wipe(notify_url, [notify_models.elders, notify_models.staff, notify_models.messaging.inbox])
    visits_sent = republish(env, "visits", "complaints.events")
    assert visits_sent["types"] == {"visits.visit.checked_out": 1}, "only the types complaints is bound to"
    assert [rabbit.queue_depth(vhost, q) for q in QUEUES] == [0, 1, 0]

    wipe(visits_url)
    zhuyu(env, "migrate", "visits")
    assert count(visits_url, visits_models.elders) == 0
    sent = republish(env, "registration", "visits.events")
    assert sent["published"] > 0 and sent["not_yet_relayed"] == 0
    assert [rabbit.queue_depth(vhost, q) for q in QUEUES] == [sent["published"], 1, 0]
    sent_complaints = republish(env, "registration", "complaints.events")["published"] + 1
    sent_notify = republish(env, "registration", "notify.events")["published"]
    assert [rabbit.queue_depth(vhost, q) for q in QUEUES] == [sent["published"], sent_complaints, sent_notify]

    suite.start()
    wait_for(lambda: all(rabbit.queue_depth(vhost, q) == 0 for q in QUEUES), timeout=60)
    wait_for(lambda: all(rows(url, table) == before[(url, table.name)]
                         for url, tables in read_models.items() for table in tables), timeout=30)
    assert suite.stop() == 0

    for url, tables in read_models.items():
        for table in tables:
            assert rows(url, table) == before[(url, table.name)], f"{table.name} in {url}"
    # Nobody was told anything twice: the same notifications, each SMS sent once, no new
    # survey invitation (nor its event, which would be a new message to the family).
    assert rows(notify_url, notify_models.notifications) == notifications
    assert rows(notify_url, notify_models.sink_messages) == sms
    assert rows(complaints_url, complaints_models.survey_invitations) == invitations
    assert count(complaints_url, complaints_models.messaging.outbox) == complaints_outbox
