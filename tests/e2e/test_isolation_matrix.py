"""Every operation x every role x own point / other point, through the gateway of the whole
suite, on each store.

The cases are made from the permission table itself (`gateway.permissions.Table`, built from
the documents the running services serve, as the gateway builds it), never from a list kept
here: a new operation is called as every role the moment it exists, and one whose path names
a parameter `IDS` cannot fill fails this test. Two service points, A and B, each hold one of
every record the paths name; users of every role bound to A (and a key bound to A holding
every scope) call each operation once with A's ids and once with B's. What must hold:

- a caller the table does not allow never gets a 2xx;
- a caller bound to A never gets a 2xx on B's record: 403 or 404, so a write's body got past
  validation and it was the point that refused it;
- a list read by a caller bound to A holds none of B's ids (nor B's name) anywhere in its
  answer, CSV and XLSX exports included, and asking for B's point is 403;
- nothing is a 5xx.
"""
from __future__ import annotations

import collections
import io
import os
import time
import uuid
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import requests

from gateway.permissions import Entry, Table, permits
from kit.access import API_CLIENT, ROLES, SCOPES
from kit.broker import free_port
from kit.downloads import XLSX
from kit.registry import SERVICES
from testkit.suite import RunningSuite, suite_environment
from tests.openapi_documents import service_documents

PASSWORD = "matrix-password-1"
TZ = ZoneInfo("Asia/Shanghai")
ALL_DAY = {day: [["00:00", "23:59"]] for day in ("mon", "tue", "wed", "thu", "fri", "sat", "sun")}
TRAINED = {"experience_years": 3, "health_certificate": {"number": "H-2026-1", "issued_on": "2026-01-01",
                                                         "expires_on": "2099-01-01"},
           "care_training": {"completed_on": "2024-01-01"}}
# The roles a user may hold unbound and still be city-wide (the others are point staff).
CITY_WIDE = ("admin", "city_operator", "cs_agent", "cs_supervisor")

# Path parameter -> which seeded record fills it. A point's own record, or one record shared by
# both points: the hotline's (calls, templates, shifts, handovers: the desk is city-wide), the
# calendar, a survey link.
IDS = {
    "point_id": "point", "elder_id": "elder", "card": "card", "staff_id": "staff",
    "application_id": "application", "booking_id": "booking", "visit_id": "visit", "incident_id": "incident",
    "plan_id": "plan", "follow_up_id": "follow_up", "complaint_id": "complaint",
    "notification_id": "notification", "webhook_id": "webhook", "delivery_id": "delivery",
    "recipient_id": "elder",
    "call_id": "shared:call", "template_id": "shared:template", "shift_id": "shared:shift", "handover_id": "shared:handover",
    "year": "shared:year", "token": "shared:token",
}

# A body for every write that takes one, valid enough to get past validation, with `{name}`
# standing for the record of the point the case is about (A's or B's).
BODIES = {
    ("POST", "/service-points"): {"name": "新助浴点", "address": "文三路9号", "district": "西湖区", "bath_capacity": 1,
                                  "rest_seats": 2, "opening_hours": {}},
    ("PATCH", "/service-points/{point_id}"): {"rest_seats": 6},
    ("POST", "/elders"): "elder",  # made fresh per call (unique numbers)
    ("PATCH", "/elders/{elder_id}"): {"address": "文三路3号"},
    ("POST", "/elders/{elder_id}/suspend"): {"reason": "住院"},
    ("POST", "/elders/{elder_id}/reactivate"): {},
    ("POST", "/elders/{elder_id}/close"): {"reason": "moved"},
    ("POST", "/elders/{elder_id}/reopen"): {"reason": "回来了"},
    ("POST", "/elders/{elder_id}/assessments"): {"level": 2, "assessed_on": "{today}", "assessor": "社区医生",
                                                 "reference": "PG-2"},
    ("POST", "/elders/{elder_id}/safety-commitments"): {"signer_name": "张阿姨", "signer_relation": "self",
                                                        "text_version": "v1", "witness_staff_id": "{staff}"},
    ("POST", "/elders/{elder_id}/consents"): {"kind": "sms", "granted": True, "signer_name": "张阿姨",
                                              "signer_relation": "self"},
    ("POST", "/staff"): {"name": "新员工", "gender": "female", "roles": ["bathing_assistant"], "phone": "13700002222",
                         "service_point_id": "{point}", "experience_years": 1},
    ("PATCH", "/staff/{staff_id}"): {"phone": "13700003333"},
    ("POST", "/subsidy-applications"): {"elder_id": "{elder}", "category": "dibao",
                                        "household_registered_locally": True, "resides_locally": True},
    ("POST", "/subsidy-applications/{application_id}/review"): {"approved": True},
    ("POST", "/subsidy-applications/{application_id}/approve"): {"approved": True},
    ("POST", "/subsidy-applications/{application_id}/end"): {"reason": "迁出"},
    ("POST", "/bookings"): {"elder_id": "{elder}", "service_point_id": "{point}", "slot_start": "{slot}"},
    ("POST", "/bookings/{booking_id}/cancel"): {},
    ("POST", "/visits"): {"citizen_card_no": "{card}", "service_point_id": "{point}"},
    ("POST", "/visits/{visit_id}/screening"): {
        "mental_state": "good", "infectious_disease": False, "alcohol": False, "systolic": 125, "diastolic": 80,
        "reminders_given": ["anti_slip", "anti_hypoxia", "anti_fainting", "call_for_help", "medication",
                            "point_specific"]},
    ("POST", "/visits/{visit_id}/bath"): {"assistant_staff_id": "{assistant}"},
    ("POST", "/visits/{visit_id}/rest"): {},
    ("POST", "/visits/{visit_id}/checkout"): {},
    ("POST", "/visits/{visit_id}/end-early"): {"reason": "unwell"},
    ("POST", "/visits/{visit_id}/incidents"): {"kind": "fall", "severity": "minor", "description": "滑倒"},
    ("POST", "/incidents/{incident_id}/outcome"): {"outcome": "first_aid"},
    ("POST", "/follow-up-plans"): {"elder_id": "{elder}", "programme": "home_visit", "staff_id": "{doctor}"},
    ("POST", "/follow-up-plans/{plan_id}/close"): {"reason": "goals_met"},
    ("POST", "/follow-ups/{follow_up_id}/record"): {"visited_on": "{today}", "face_to_face": True},
    ("POST", "/prices"): {"amount": 30, "effective_from": "{today}", "funding": "self_pay",
                          "service_point_id": "{point}"},
    ("POST", "/complaints"): {"channel": "phone", "type": "complaint", "category": "safety",
                              "service_point_id": "{point}", "complainant": {"name": "李先生", "phone": "13800001111"},
                              "content": "水太凉"},
    ("POST", "/complaints/{complaint_id}/assign"): {"staff_id": "{staff}"},
    ("POST", "/complaints/{complaint_id}/replies"): {"content": "已处理"},
    ("POST", "/complaints/{complaint_id}/follow-ups"): {"note": "再联系", "reason_open": "等回复"},
    ("POST", "/complaints/{complaint_id}/investigation"): {"findings": "属实"},
    ("POST", "/complaints/{complaint_id}/pause"): {"reason": "等家属"},
    ("POST", "/complaints/{complaint_id}/resume"): {},
    ("POST", "/complaints/{complaint_id}/resolve"): {"resolution": "已道歉"},
    ("POST", "/complaints/{complaint_id}/callback"): {"reached": True, "satisfied": True},
    ("POST", "/complaints/{complaint_id}/escalate"): {"reason": "未解决"},
    ("POST", "/complaints/{complaint_id}/review"): {"approved": True},
    ("POST", "/complaints/{complaint_id}/merge"): {"into": "{second_complaint}"},
    ("POST", "/complaints/{complaint_id}/close"): {},
    ("POST", "/complaints/{complaint_id}/misconduct"): {"staff_id": "{staff}", "verified": True, "note": "态度差"},
    ("POST", "/surveys"): {"subject_type": "complaint", "subject_id": "{complaint}", "score": 5},
    ("POST", "/surveys/by-token/{token}"): {"score": 5},
    ("POST", "/calls"): {"caller": "13800001111", "started_at": "{now}", "answered": True, "duration_s": 60,
                         "complaint_id": "{complaint}"},
    ("POST", "/calls/{call_id}/callback"): {"reached": True},
    ("PUT", "/calendar/{year}"): {"year": 2026, "holidays": [], "source": "国务院办公厅"},
    ("POST", "/reply-templates"): {"title": "致歉", "text": "非常抱歉"},
    ("PATCH", "/reply-templates/{template_id}"): {"text": "非常抱歉。"},
    ("POST", "/duty-shifts"): {"starts_at": "{now}", "ends_at": "{later}", "staff_ids": ["{agent}"]},
    ("POST", "/duty-shifts/{shift_id}/handover"): {"note": "交班"},
    ("POST", "/handovers/{handover_id}/accept"): {},
    ("POST", "/webhooks"): {"url": "{hook_url}", "event_types": ["*"]},
    ("POST", "/webhooks/{webhook_id}/enable"): {},
    ("POST", "/webhooks/{webhook_id}/test"): {},
    ("POST", "/webhooks/{webhook_id}/deliveries/{delivery_id}/replay"): {},
    ("PUT", "/recipients/{recipient_id}/preferences"): {"channels": ["sms"], "opt_out": []},
}

# Query strings a list needs (each dict one call); `{point}` is the case's point.
QUERIES = {
    "/visits/daily-figures": [{"service_point_id": "{point}"}],
    "/visits/figures": [{"from": "{month_start}", "to": "{today}"}],
    "/visits/figures/points": [{"from": "{month_start}", "to": "{today}"}],
    "/follow-ups/meeting-rate": [{"from": "{month_start}", "to": "{today}"}],
    "/follow-ups/meeting-rate/points": [{"from": "{month_start}", "to": "{today}"}],
    "/reports/settlement": [{"month": "{month}", "format": kind} for kind in ("json", "csv", "xlsx")],
    "/reports/monthly": [{"month": "{month}", "format": kind} for kind in ("json", "csv", "xlsx")],
    "/stats/complaints": [{"month": "{month}"}],
}

# What spoils the records later cases use runs last, in this order.
LAST_WORDS = ("merge", "close", "end", "cancel", "checkout", "end-early", "suspend", "reopen")


@dataclass
class Caller:
    name: str
    role: str
    headers: dict
    bound: bool  # to point A
    scopes: frozenset[str] = frozenset()


@dataclass
class Tally:
    counts: collections.Counter = field(default_factory=collections.Counter)
    failures: list[str] = field(default_factory=list)
    city_wide_lists_with_b: set[str] = field(default_factory=set)

    def fail(self, message: str) -> None:
        self.failures.append(message)


# --- the suite and its records --------------------------------------------------------------

@pytest.fixture
def suite(suite_env, database_urls, tmp_path):
    env = suite_environment(dict(os.environ), tmp_path / "var", database_urls)
    env |= {"ZHUYU_RATE_LIMIT_USER": "1000000 per minute", "ZHUYU_RATE_LIMIT_KEY_PER_MINUTE": "1000000",
            "ZHUYU_RATE_LIMIT_LOGIN": "1000 per minute"}
    running = RunningSuite(env, tmp_path / "var", tmp_path / "suite.log")
    running.start()
    yield running
    running.stop()


class Api:
    def __init__(self, base: str, headers: dict):
        self.base, self.headers = base, headers

    def call(self, method: str, path: str, body=None, params=None) -> requests.Response:
        return requests.request(method, self.base + path, json=body, params=params, headers=self.headers, timeout=30)

    def make(self, path: str, body: dict, method: str = "POST") -> dict:
        response = self.call(method, path, body)
        assert response.status_code in (200, 201, 202), (path, response.status_code, response.text)
        return response.json()

    def eventually(self, path: str, body: dict) -> dict:
        """`make`, once the service has learnt through the broker of the records `body` names."""
        def attempt():
            response = self.call("POST", path, body)
            return response.json() if response.status_code in (200, 201) else None
        return wait_for(f"POST {path}", attempt)


def id_number(serial: int) -> str:
    """A valid resident ID number (GB 11643), female, born 1942-06-15."""
    first17 = f"33010519420615{100 + serial % 400 * 2:03d}"
    weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    return first17 + "10X98765432"[sum(int(d) * w for d, w in zip(first17, weights)) % 11]


_serials = iter(range(1, 400))


def elder_body(point: str, tag: str) -> dict:
    serial = next(_serials)
    return {"name": f"老人{tag}{serial}", "gender": "female", "birth_date": "1942-06-15", "id_number": id_number(serial),
            "citizen_card_no": f"HZ{tag}{serial:05d}", "phone": "13912341234", "address": "文三路2号",
            "district": "西湖区", "service_point_id": point,
            "emergency_contacts": [{"name": "李明", "relation": "儿子", "phone": "13800001111"}]}


def wait_for(what: str, probe, seconds: float = 30):
    deadline = time.monotonic() + seconds
    while True:
        found = probe()
        if found:
            return found
        assert time.monotonic() < deadline, f"{what} never came"
        time.sleep(0.3)


def seed_point(admin: Api, base: str, tag: str) -> dict:
    """One point with one of every record a path names, made through the gateway."""
    point = admin.make("/service-points", {
        "name": f"助浴点{tag}-{uuid.uuid4().hex[:6]}", "address": "杭州市西湖区文三路1号", "district": "西湖区",
        "bath_capacity": 4, "rest_seats": 6, "opening_hours": ALL_DAY, "safety_reminders": ["地面湿滑"]})
    ids = {"point": point["id"], "point_name": point["name"]}

    def staff(name: str, roles: list[str], at: str | None = point["id"]) -> str:
        return admin.make("/staff", {"name": name, "gender": "female", "roles": roles, "service_point_id": at,
                                     "phone": "13700001111", **TRAINED})["id"]

    ids["staff"] = staff(f"站长{tag}", ["point_admin"])
    ids["assistant"] = staff(f"助浴员{tag}", ["bathing_assistant"])
    ids["doctor"] = staff(f"医生{tag}", ["case_manager"])
    body = elder_body(point["id"], tag)
    elder = admin.make("/elders", body)
    ids["elder"], ids["card"] = elder["id"], body["citizen_card_no"]
    admin.make(f"/elders/{elder['id']}/assessments", {"level": 2, "assessed_on": today(), "assessor": "社区医生",
                                                      "reference": "PG-1"})
    admin.make(f"/elders/{elder['id']}/safety-commitments", {"signer_name": body["name"], "signer_relation": "self",
                                                             "text_version": "v1", "witness_staff_id": ids["staff"]})

    ids["visit"] = admin.eventually("/visits", {"citizen_card_no": ids["card"], "service_point_id": point["id"]})["id"]
    ids["booking"] = admin.make("/bookings", {"elder_id": elder["id"], "service_point_id": point["id"],
                                              "slot_start": slot()})["id"]
    ids["incident"] = admin.make(f"/visits/{ids['visit']}/incidents",
                                 {"kind": "fall", "severity": "minor", "description": "滑倒"})["id"]
    ids["plan"] = admin.eventually("/follow-up-plans", {"elder_id": elder["id"], "programme": "home_visit",
                                                  "staff_id": ids["doctor"]})["id"]
    ids["follow_up"] = wait_for("a follow-up", lambda: next(iter(admin.make(
        f"/follow-ups?service_point_id={point['id']}", None, "GET")["items"]), {}).get("id"))
    complaint = BODIES[("POST", "/complaints")] | {"service_point_id": point["id"]}
    ids["complaint"] = admin.make("/complaints", complaint)["id"]
    ids["second_complaint"] = admin.make("/complaints", complaint)["id"]
    ids["application"] = admin.make("/subsidy-applications", {
        "elder_id": elder["id"], "category": "dibao", "household_registered_locally": True,
        "resides_locally": True})["id"]
    key = admin.make("/api-keys", {"name": f"全权{tag}", "scopes": list(SCOPES), "service_point_id": point["id"]})
    ids["key"] = {"X-API-Key": key["key"]}
    as_key = Api(base, ids["key"])
    ids["hook_url"] = f"http://127.0.0.1:{free_port()}/hook{tag}"
    ids["webhook"] = as_key.make("/webhooks", {"url": ids["hook_url"], "event_types": ["*"]})["id"]
    ids["delivery"] = as_key.make(f"/webhooks/{ids['webhook']}/test", {})["id"]
    ids["notification"] = wait_for("a notification", lambda: next(iter(admin.make(
        f"/notifications?recipient={elder['id']}", None, "GET")["items"]), {}).get("id"))
    return ids


def today() -> str:
    return datetime.now(TZ).date().isoformat()


def now() -> str:
    return datetime.now(TZ).isoformat(timespec="seconds")


def slot() -> str:
    tomorrow = datetime.now(TZ).date() + timedelta(days=1)
    return datetime(tomorrow.year, tomorrow.month, tomorrow.day, 10, 0, tzinfo=TZ).isoformat()


def seed_shared(admin: Api) -> dict:
    agent = admin.make("/staff", {"name": "客服", "gender": "female", "roles": ["cs_agent"], "service_point_id": None,
                                  "phone": "13700001111", "experience_years": 1})["id"]
    # Complaints learns of the new staff member from registration's event: a shift names it once it has.
    shift = admin.eventually("/duty-shifts", {"starts_at": now(), "ends_at": later(), "staff_ids": [agent]})["id"]
    return {"agent": agent, "template": admin.make("/reply-templates", {"title": "问候", "text": "您好"})["id"],
            "shift": shift, "call": admin.make("/calls", {"caller": "13800001111", "started_at": now(),
                                                          "answered": False, "duration_s": 0})["id"], "handover": admin.make(f"/duty-shifts/{shift}/handover", {"note": "交班"})["id"],
            "year": "2026", "token": "no-such-survey-link"}


def later() -> str:
    return (datetime.now(TZ) + timedelta(hours=8)).isoformat(timespec="seconds")


def callers(suite: RunningSuite, admin: Api, a: dict) -> list[Caller]:
    """Every role bound to A, a key bound to A with every scope, and the city-wide roles unbound."""
    made = [Caller("admin", "admin", admin.headers, bound=False),
            Caller("key@A", API_CLIENT, a["key"], bound=True, scopes=frozenset(SCOPES))]
    tag = uuid.uuid4().hex[:6]
    for role in ROLES[1:]:
        for bound in (True, False) if role in CITY_WIDE else (True,):
            username = f"{role}-{'a' if bound else 'city'}-{tag}"
            admin.make("/users", {"username": username, "password": PASSWORD, "role": role,
                                  "service_point_id": a["point"] if bound else None})
            made.append(Caller(f"{role}@{'A' if bound else 'city'}", role,
                               {"Authorization": f"Bearer {suite.token(username, PASSWORD)}"}, bound))
    return made


# --- the cases ------------------------------------------------------------------------------

def the_table(suite: RunningSuite) -> tuple[Table, dict]:
    """The table as the gateway builds it, from the documents the services serve; and the
    query parameters each operation takes ((method, path) -> names)."""
    documents = {}
    for name in SERVICES:
        response = requests.get(suite.env[f"{name.upper()}_URL"] + "/openapi.json", timeout=10)
        assert response.status_code == 200, (name, response.text)
        documents[name] = response.json()
    queries = {(method.upper(), path): {p["name"] for p in operation.get("parameters", []) if p["in"] == "query"}
               for document in documents.values() for path, item in document["paths"].items()
               for method, operation in item.items() if method != "parameters"}
    return Table.from_documents(documents), queries


def order(entry) -> tuple:
    words = entry.path.split("/")
    last = next((i for i, w in enumerate(LAST_WORDS) if w in words), -1)
    return (entry.method == "DELETE", last, entry.method != "GET", entry.path, entry.method)


def fill(value, ids: dict, shared: dict):
    """`value` with each `{name}` string replaced by that record's id."""
    if isinstance(value, dict):
        return {k: fill(v, ids, shared) for k, v in value.items()}
    if isinstance(value, list):
        return [fill(v, ids, shared) for v in value]
    if isinstance(value, str) and value.startswith("{") and value.endswith("}"):
        return (ids | shared)[value[1:-1]]
    return value


def path_of(entry, ids: dict, shared: dict) -> str:
    parts = []
    for part in entry.path.split("/"):
        if part.startswith("{"):
            name = part[1:-1]
            assert name in IDS, f"{entry.method} {entry.path}: no seeded record fills {{{name}}}; add it to IDS"
            source = IDS[name]
            part = str(shared[source[7:]] if source.startswith("shared:") else ids[source])
        parts.append(part)
    return "/".join(parts)


def names_a_point_record(entry) -> bool:
    return any(not IDS[p[1:-1]].startswith("shared:") for p in entry.path.split("/") if p.startswith("{"))


def placeholders(value) -> set[str]:
    if isinstance(value, dict):
        return set().union(*map(placeholders, value.values()))
    if isinstance(value, list):
        return set().union(*map(placeholders, value))
    return {value[1:-1]} if isinstance(value, str) and value.startswith("{") and value.endswith("}") else set()


def about_a_point(entry, ids: dict, takes: dict) -> bool:
    """Whether the operation names a point's record (in its path or body), or lists a
    point's records on request (`service_point_id`)."""
    template = BODIES.get((entry.method, entry.path))
    return (names_a_point_record(entry) or template == "elder"
            or bool(placeholders(template) & (ids.keys() - {"hook_url"}))
            or (entry.method == "GET" and "service_point_id" in takes[entry.method, entry.path]))


def body_of(entry, ids: dict, shared: dict, tag: str):
    if entry.method not in ("POST", "PUT", "PATCH"):
        return None
    template = BODIES.get((entry.method, entry.path))
    if template == "elder":
        return elder_body(ids["point"], tag)
    return fill(template, ids, shared) if template is not None else {}


def b_marks(b: dict) -> list[str]:
    return [str(v) for k, v in b.items() if k not in ("key", "hook_url")] + [b["hook_url"]]


def readable(response: requests.Response) -> str:
    """An answer as text: JSON and CSV as they are, a workbook's cells one a line."""
    if not response.headers.get("Content-Type", "").startswith(XLSX):
        return response.text
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(response.content), read_only=True)
    return "\n".join(str(value) for sheet in book.worksheets for row in sheet.iter_rows(values_only=True)
                     for value in row if value is not None)


def refused_for_the_point(response: requests.Response, body, b: dict) -> bool:
    """403 or 404; or 422 on a field of the body that names B's record (another point's record
    reads like an unknown one)."""
    if response.status_code in (403, 404):
        return True
    if response.status_code != 422 or not isinstance(body, dict):
        return False
    named = {key for key, value in body.items() if str(value) in b_marks(b) or (
        isinstance(value, list) and any(str(v) in b_marks(b) for v in value))}
    return bool(named) and set(response.json().get("errors", {})) <= named


def run_case(api_base: str, caller: Caller, entry, tally: Tally, ids: dict, shared: dict, variant: str,
             b: dict, takes: dict) -> None:
    allowed = permits(entry, caller.role, caller.scopes)
    is_list = entry.method == "GET" and "{" not in entry.path
    queries = [fill(q, ids, shared) for q in QUERIES.get(entry.path, [{}])]
    if variant == "B" and is_list:
        queries = [q | {"service_point_id": b["point"]} for q in queries]
    for query in queries:
        path = path_of(entry, ids, shared)
        body = body_of(entry, ids, shared, variant)
        response = requests.request(entry.method, api_base + path, params=query, json=body, headers=caller.headers,
                                    timeout=30)
        status = response.status_code
        what = f"{entry.method} {path}{'?' + str(query) if query else ''} as {caller.name} ({variant}): {status}"
        tally.counts[f"{'allowed' if allowed else 'not allowed by the table'}, {'A' if caller.bound else 'city-wide'}"
                     f" caller, {variant}'s ids: {status if status in (403, 404, 422) else f'{status // 100}xx'}"] += 1
        if status >= 500:
            tally.fail(f"{what}: a server error {response.text[:200]}")
        elif not allowed and status < 400:
            tally.fail(f"{what}: an unauthorised success")
        elif allowed and caller.bound and variant == "B" and not refused_for_the_point(response, body, b):
            tally.fail(f"{what}: another point's record answered {response.text[:200]}")
        elif allowed and caller.bound and variant == "A" and entry.method == "GET" and "{" in entry.path \
                and status != 200:
            tally.fail(f"{what}: its own point's record not answered {response.text[:200]}")  # else 404 proves nothing
        elif allowed and not caller.bound and is_list and status == 200:
            if any(mark in readable(response) for mark in b_marks(b)):
                tally.city_wide_lists_with_b.add(entry.path + (f"?format={query['format']}" if "format" in query else ""))
        elif allowed and caller.bound and variant == "A" and is_list and status == 200:
            text = readable(response)
            leaked = [mark for mark in b_marks(b) if mark in text]
            tally.counts["bound list answers searched"] += 1
            if leaked:
                tally.fail(f"{what}: point B's {leaked} in the answer")


def test_every_path_parameter_of_every_operation_names_a_seeded_record():
    """Quick, without the suite: a new operation whose path names a record the matrix does
    not seed fails here (and the matrix itself), so it cannot slip past."""
    documents = service_documents()
    table = Table.from_documents(documents)
    for entry in table.entries:
        path_of(entry, {source: "x" for source in IDS.values()}, {source[7:]: "x" for source in IDS.values()})
    unknown = Entry("GET", "/elders/{elder_id}/pets/{pet_id}", frozenset({"admin"}),
                    path="/elders/{elder_id}/pets/{pet_id}")
    with pytest.raises(AssertionError, match="pet_id"):
        path_of(unknown, {"elder": "x"}, {})
    # Every write that takes a body has one here (else {} would be refused before the point is).
    for entry in table.entries:
        operation = documents[entry.service]["paths"][entry.path][entry.method.lower()]
        assert "requestBody" not in operation or (entry.method, entry.path) in BODIES, \
            f"{entry.method} {entry.path}: add its body to BODIES"


@pytest.mark.integration
@pytest.mark.slow
def test_no_caller_reaches_what_the_table_or_its_point_forbids(suite, database_kind):
    started = time.monotonic()
    api_base = suite.gateway + "/api/v1"
    admin = Api(api_base, {"Authorization": f"Bearer {suite.token()}"})
    table, takes = the_table(suite)
    shared = seed_shared(admin)
    a, b = seed_point(admin, api_base, "A"), seed_point(admin, api_base, "B")
    people = callers(suite, admin, a)
    entries = sorted(table.entries, key=order)
    shared |= {"today": today(), "now": now(), "later": later(), "slot": slot(), "month": today()[:7],
               "month_start": today()[:8] + "01"}

    tally = Tally()
    bound = [c for c in people if c.bound]
    unbound = [c for c in people if not c.bound]
    for entry in entries:  # the bound callers first: their refused calls on B leave B as it was
        for caller in bound:
            tally.counts["cases"] += 1
            run_case(api_base, caller, entry, tally, a, shared, "A", b, takes)
            if permits(entry, caller.role, caller.scopes) and about_a_point(entry, b, takes):
                tally.counts["cases"] += 1
                run_case(api_base, caller, entry, tally, b, shared, "B", b, takes)
    for entry in entries:
        for caller in unbound:
            tally.counts["cases"] += 1
            run_case(api_base, caller, entry, tally, a, shared, "A", b, takes)

    print(f"\nisolation matrix on {database_kind}: {len(entries)} operations, {len(people)} callers, "
          f"{tally.counts.pop('cases')} cases in {time.monotonic() - started:.0f} s")
    for outcome, count in sorted(tally.counts.items()):
        print(f"  {outcome}: {count}")
    print(f"  lists whose city-wide answers hold B's records: {len(tally.city_wide_lists_with_b)}")
    # Those the bound callers' answers were searched in: the search can find what it looks for.
    assert {"/elders", "/staff", "/bookings", "/visits", "/incidents", "/follow-ups", "/complaints",
            "/notifications", "/subsidy-applications"} <= tally.city_wide_lists_with_b
    for failure in tally.failures:
        print(" ", failure[:400])
    assert not tally.failures, f"{len(tally.failures)} failures (printed above)"
