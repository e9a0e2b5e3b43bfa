"""What the fault tests share: a steady mix of requests through the gateway (elders
registered, visits stepped through check-in to check-out or refused at screening,
complaints), and the reconciliation of every accepted request against the stores, the
outboxes, the consumers' inboxes, the notifications and the queues.

A request counts as accepted when the gateway answered 2xx. For each one the reconciliation
expects its record, exactly one event of its kind, that event in the inbox of every
consumer bound to its type, and the notification it should cause. Missing is `lost`; more
than one is `duplicated`. A request without a 2xx may or may not have taken effect: it is
neither.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
import uuid
from collections import Counter, defaultdict
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

import requests
import sqlalchemy as sa

from kit import bus, registry
from ops import deadletters
from ops.idnumbers import ORDERS_PER_DAY, id_number as valid_id_number

ROOT = Path(__file__).resolve().parents[2]
ALL_DAY = {day: [["00:00", "23:59"]] for day in ("mon", "tue", "wed", "thu", "fri", "sat", "sun")}
OPEN_VISIT = ("checked_in", "screened", "bathing", "resting")
REMINDERS = ["anti_slip", "anti_hypoxia", "anti_fainting", "call_for_help", "medication", "point_specific"]
# A notification exists once its row does; `held` waits for the end of quiet hours
# (21:00–08:00 local), `sending` for the dispatcher's lease after a crash mid-send.
# A notification that exists: on its way, sent, or kept unsent by a rule (no SMS consent).
EXISTING = ("queued", "sending", "held", "sent", "suppressed")
PENDING = ("queued",)
LANES = {"elder": "registrations", "complaint": "complaints", "check_in": "visits", "screening": "visits",
         "bath": "visits", "rest": "visits", "checkout": "visits"}


def id_number(serial: int) -> tuple[str, str]:
    """A valid ID number of a woman, distinct for each serial, and the birth date it encodes."""
    born = date(1940, 1, 1) + timedelta(days=serial // ORDERS_PER_DAY)
    return valid_id_number(born, male=False, serial=serial), born.isoformat()


def engine_for(url: str) -> sa.Engine:
    return sa.create_engine(url.replace("postgresql://", "postgresql+psycopg://"), pool_pre_ping=True,
                            connect_args={"connect_timeout": 3})


# --- the processes ----------------------------------------------------------------------

def suite_processes(var: Path) -> dict[str, list[int]]:
    """The suite's `zhuyu serve ...` processes that run with this test's ZHUYU_VAR_DIR, by
    role (`visits consumer`, `gateway`, ...), so nothing else on the machine is touched."""
    found: dict[str, list[int]] = defaultdict(list)
    marker = f"ZHUYU_VAR_DIR={var}".encode()
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            words = [w.decode(errors="replace") for w in (entry / "cmdline").read_bytes().split(b"\0") if w]
            environ = (entry / "environ").read_bytes().split(b"\0")
        except OSError:
            continue
        if marker not in environ or "serve" not in words or "ops.cli" not in words:
            continue
        role = " ".join(words[words.index("serve") + 1:])
        found[role].append(int(entry.name))
    return dict(found)


def victims(var: Path) -> list[str]:
    """Every process of every service, service by service, then the gateway."""
    order = {"web": 0, "worker": 1, "relay": 2, "consumer": 3, "scheduler": 4}
    roles = suite_processes(var)
    services = [r for r in roles if r != "gateway"]
    services.sort(key=lambda r: (list(registry.SERVICES).index(r.split()[0]), order.get(r.split()[-1], 9)))
    return services + (["gateway"] if "gateway" in roles else [])


# --- the requests -------------------------------------------------------------------------

@dataclass
class Call:
    kind: str
    phase: str
    request_id: str
    status: int | None  # None: no answer at all (connection refused or broken)
    answer: dict
    at: float  # when the answer came (monotonic)
    took: float
    facts: dict = field(default_factory=dict)

    @property
    def accepted(self) -> bool:
        return self.status is not None and 200 <= self.status < 300


class Gateway:
    """POSTs through the gateway, each with its own X-Request-ID, all recorded."""

    def __init__(self, base_url: str, token: str):
        self.api = base_url + "/api/v1"
        self.headers = {"Authorization": f"Bearer {token}"}
        self.calls: list[Call] = []
        self.phase = "seed"
        self._lock = threading.Lock()

    def post(self, kind: str, path: str, body: dict, **facts) -> Call:
        request_id = str(uuid.uuid4())
        sent = time.monotonic()
        try:
            response = requests.post(self.api + path, json=body, timeout=15,
                                     headers=self.headers | {"X-Request-ID": request_id})
            status = response.status_code
            try:
                answer = response.json()
            except ValueError:
                answer = {}
        except requests.RequestException:
            status, answer = None, {}
        call = Call(kind, self.phase, request_id, status, answer if isinstance(answer, dict) else {},
                    time.monotonic(), time.monotonic() - sent, facts)
        with self._lock:
            self.calls.append(call)
        return call

    def in_phase(self, phase: str) -> list[Call]:
        with self._lock:
            return [c for c in self.calls if c.phase == phase]

    def all(self) -> list[Call]:
        with self._lock:
            return list(self.calls)


class Traffic:
    """Three lanes of requests at a steady pace: registrations, complaints, and visits of
    a pool of eligible elders (full visits and screenings that refuse, in turn)."""

    def __init__(self, gateway: Gateway, env: dict[str, str], pool_size: int = 8, pace: float = 0.1):
        self.gateway = gateway
        self.pace = pace
        self.serial = 0
        self.visits_db = engine_for(env["VISITS_DATABASE_URL"])
        self.pool_size = pool_size
        self.point_id = ""
        self.assistant_id = ""
        self.pool: list[dict] = []
        self._lock = threading.Lock()

    def _next_serial(self) -> int:
        with self._lock:
            self.serial += 1
            return self.serial

    def elder_body(self, serial: int) -> dict:
        number, born = id_number(serial)
        return {"name": f"老人{serial}", "gender": "female", "birth_date": born, "id_number": number,
                "citizen_card_no": f"FT{serial:08d}", "phone": f"139{serial:08d}", "address": "文三路2号",
                "district": "西湖区", "service_point_id": self.point_id,
                "emergency_contacts": [{"name": "家属", "relation": "son", "phone": "13800001111"}]}

    def seed(self) -> None:
        """A point open all day, a qualified bathing assistant, the point's administrator and
        a pool of elders eligible for bathing (level 2, commitment signed)."""
        g = self.gateway
        point = g.post("seed", "/service-points", {
            "name": "故障测试点", "address": "文三路1号", "district": "西湖区", "bath_capacity": 50,
            "rest_seats": 50, "opening_hours": ALL_DAY, "safety_reminders": ["地面湿滑"]})
        assert point.status == 201, point.answer
        self.point_id = point.answer["id"]
        assistant = g.post("seed", "/staff", {
            "name": "王助浴", "gender": "female", "roles": ["bathing_assistant"], "service_point_id": self.point_id,
            "phone": "13700001111", "experience_years": 3, "care_training": {"completed_on": "2024-01-01"},
            "health_certificate": {"number": "H1", "issued_on": "2026-01-01", "expires_on": "2036-01-01"}})
        assert assistant.status == 201, assistant.answer
        self.assistant_id = assistant.answer["id"]
        admin = g.post("seed", "/staff", {"name": "赵站长", "roles": ["point_admin"], "service_point_id": self.point_id,
                                          "phone": "13700002222", "experience_years": 5})
        assert admin.status == 201, admin.answer
        for _ in range(self.pool_size):
            serial = self._next_serial()
            body = self.elder_body(serial)
            elder = g.post("elder", "/elders", body, card=body["citizen_card_no"])
            assert elder.status == 201, elder.answer
            elder_id = elder.answer["id"]
            assert g.post("seed", f"/elders/{elder_id}/assessments", {
                "level": 2, "assessed_on": (date.today() - timedelta(days=30)).isoformat(), "assessor": "医生", "reference": f"R{serial}"}).status == 201
            assert g.post("seed", f"/elders/{elder_id}/safety-commitments", {
                "signer_name": body["name"], "signer_relation": "self", "text_version": "v1",
                "witness_staff_id": admin.answer["id"]}).status == 201
            self.pool.append({"id": elder_id, "card": body["citizen_card_no"], "visit": None, "status": None,
                              "refuse": False, "uncertain": False})

    @contextmanager
    def running(self, phase: str):
        self.gateway.phase = phase
        stop = threading.Event()
        lanes = [threading.Thread(target=self._lane, args=(step, stop), daemon=True)
                 for step in (self._register, self._complain, self._visit)]
        for lane in lanes:
            lane.start()
        try:
            yield
        finally:
            stop.set()
            for lane in lanes:
                lane.join(timeout=30)

    def _lane(self, step, stop: threading.Event) -> None:
        while not stop.is_set():
            step()
            stop.wait(self.pace)

    def _register(self) -> None:
        body = self.elder_body(self._next_serial())
        self.gateway.post("elder", "/elders", body, card=body["citizen_card_no"])

    def _complain(self) -> None:
        marker = uuid.uuid4().hex
        self.gateway.post("complaint", "/complaints", {
            "channel": "phone", "type": "complaint", "category": "waiting_time", "service_point_id": self.point_id,
            "complainant": {"name": "李先生", "phone": f"138{self._next_serial():08d}"},
            "content": f"等待时间太长 {marker}"}, marker=marker)

    def _visit(self) -> None:
        with self._lock:
            elder = self.pool.pop(0)
            self.pool.append(elder)
        if elder["uncertain"] or elder["status"] in (None, "checked_out", "refused"):
            self._check_in(elder)
            return
        url = f"/visits/{elder['visit']}"
        on_duty = {"staff_id": self.assistant_id}  # the qualified staff member who does each step
        kind, path, body = {
            "checked_in": ("screening", f"{url}/screening", on_duty | {
                "mental_state": "good", "infectious_disease": False, "alcohol": elder["refuse"], "systolic": 130,
                "diastolic": 80, "reminders_given": REMINDERS}),
            "screened": ("bath", f"{url}/bath", {"assistant_staff_id": self.assistant_id}),
            "bathing": ("rest", f"{url}/rest", on_duty),
            "resting": ("checkout", f"{url}/checkout", on_duty | {"early_leave_reason": "家属来接"}),
        }[elder["status"]]
        call = self.gateway.post(kind, path, body, elder_id=elder["id"], visit_id=elder["visit"])
        if call.accepted:
            elder["status"] = call.answer["status"]
        elif call.answer.get("code") not in ("BATHS_FULL", "ASSISTANT_BUSY"):
            elder["uncertain"] = True  # the step may have been taken after all

    def _check_in(self, elder: dict) -> None:
        """Check in; after a request without a clear answer this also finds out where the
        elder stands: a new visit, or ALREADY_IN_VISIT and then the open visit's state."""
        call = self.gateway.post("check_in", "/visits", {"citizen_card_no": elder["card"],
                                                         "service_point_id": self.point_id}, elder_id=elder["id"])
        if call.accepted:
            elder.update(visit=call.answer["id"], status="checked_in", refuse=not elder["refuse"], uncertain=False)
        elif call.answer.get("code") == "ALREADY_IN_VISIT":
            visits = sa.table("visits", sa.column("id"), sa.column("elder_id"), sa.column("status"))
            try:
                with self.visits_db.connect() as conn:
                    row = conn.execute(sa.select(visits.c.id, visits.c.status).where(
                        visits.c.elder_id == elder["id"], visits.c.status.in_(OPEN_VISIT))).first()
            except sa.exc.SQLAlchemyError:
                return  # the store is down: try again later
            elder.update(visit=row.id if row else None, status=row.status if row else None, uncertain=False)
        elif call.status != 409:
            elder["uncertain"] = True  # it may have checked in after all

    def close(self) -> None:
        self.visits_db.dispose()


# --- the reconciliation ------------------------------------------------------------------

def topology(env: dict[str, str]) -> dict[str, dict]:
    """Each consuming service's queue and the event types bound to it, as the services
    themselves declare them."""
    code = ("import json\nfrom kit import registry\nfrom ops.build import build\nout = {}\nfor name in registry.SERVICES:\n"
            "    s = build(name)\n    if s.handlers:\n"
            "        out[name] = {'queue': s.settings.queue, 'types': sorted(s.handlers)}\n"
            "    s.store.dispose()\nprint(json.dumps(out))")
    done = subprocess.run([sys.executable, "-c", code], env=env, cwd=ROOT, capture_output=True, text=True,
                          check=True, timeout=120)
    return json.loads(done.stdout.strip().splitlines()[-1])


@dataclass
class Snapshot:
    records: dict[str, set[str]]
    complaint_markers: Counter
    events: dict[tuple[str, str], list[str]]  # (type, subject) → event ids
    event_types: dict[str, str]
    invitations: dict[str, list[str]]  # visit id → survey invitation event ids
    unsent: dict[str, int]
    inbox: dict[str, set[str]]
    notifications: dict[tuple[str, str, str], list[str]]  # (event, recipient, channel) → statuses
    notification_statuses: Counter


@dataclass
class Report:
    lost: dict[str, list[str]]  # request id → what is missing
    duplicated: dict[str, list[str]]
    problems: list[str]  # not tied to one request: unsent or unconsumed events, failed notifications
    pending: int  # notifications still to be sent
    in_flight: int  # notifications claimed by a dispatcher that died mid-send

    @property
    def clean(self) -> bool:
        return not self.lost and not self.duplicated and not self.problems and not self.pending


class Ledger:
    def __init__(self, env: dict[str, str], amqp_url: str):
        self.amqp_url = amqp_url
        self.engines = {name: engine_for(env[f"{name.upper()}_DATABASE_URL"]) for name in registry.SERVICES}
        self.topology = topology(env)
        self.bound: dict[str, set[str]] = defaultdict(set)
        for consumer, spec in self.topology.items():
            for event_type in spec["types"]:
                self.bound[event_type].add(consumer)
        delays = sorted(set(env.get("ZHUYU_RETRY_DELAYS_SECONDS", "1,5,30").split(",")))
        self.retry_queues = [bus.retry_queue_name(spec["queue"], int(d)) for spec in self.topology.values()
                             for d in delays]
        self.poison: dict[str, set[str]] = {}  # message id → the dead-letter queues it must end in

    def dead_queues_of(self, event_type: str) -> set[str]:
        """Where a message of this type ends when every consumer bound to it rejects it."""
        return {bus.dead_queue_name(self.topology[c]["queue"]) for c in self.bound.get(event_type, ())}

    # reading

    def snapshot(self) -> Snapshot:
        records: dict[str, set[str]] = {}
        events: dict[tuple[str, str], list[str]] = defaultdict(list)
        event_types: dict[str, str] = {}
        invitations: dict[str, list[str]] = defaultdict(list)
        unsent: dict[str, int] = {}
        inbox: dict[str, set[str]] = {}
        markers: Counter = Counter()
        notifications: dict[tuple[str, str, str], list[str]] = defaultdict(list)
        statuses: Counter = Counter()
        for name, engine in self.engines.items():
            with engine.connect() as conn:
                for event_id, event_type, subject, sent in conn.execute(sa.text(
                        "SELECT event_id, type, subject, sent_at IS NOT NULL FROM outbox")):
                    events[(event_type, subject)].append(event_id)
                    event_types[event_id] = event_type
                    unsent[name] = unsent.get(name, 0) + (not sent)
                if name == "complaints":
                    for event_id, body in conn.execute(sa.text(
                            "SELECT event_id, body FROM outbox WHERE type = 'complaints.survey.invited'")):
                        data = json.loads(bytes(body))["data"]
                        if data.get("subject_type") == "visit":
                            invitations[data["subject_id"]].append(event_id)
                    markers.update(content.rsplit(" ", 1)[-1] for content in conn.execute(
                        sa.text("SELECT content FROM complaints")).scalars())
                    records["complaints"] = set(conn.execute(sa.text("SELECT id FROM complaints")).scalars())
                if name == "registration":
                    records["elders"] = set(conn.execute(sa.text("SELECT id FROM elders")).scalars())
                if name == "visits":
                    records["visits"] = set(conn.execute(sa.text("SELECT id FROM visits")).scalars())
                if name == "notify":
                    for event_id, recipient, channel, status in conn.execute(sa.text(
                            "SELECT event_id, recipient_id, channel, status FROM notifications")):
                        notifications[(event_id, recipient, channel)].append(status)
                        statuses[status] += 1
                if name in self.topology:
                    inbox[name] = set(conn.execute(sa.text("SELECT event_id FROM inbox")).scalars())
        return Snapshot(records, markers, events, event_types, invitations, unsent, inbox, notifications, statuses)

    def queue_depths(self) -> dict[str, int] | None:
        """Ready messages in every main, retry and dead-letter queue (None: broker down)."""
        names = [spec["queue"] for spec in self.topology.values()]
        names += self.retry_queues + [bus.dead_queue_name(n) for n in names]
        try:
            conn = bus.connect(self.amqp_url, timeout=3)
        except bus.BROKER_ERRORS:
            return None
        try:
            depths = {}
            for name in names:
                channel = conn.channel()
                try:
                    depths[name] = channel.queue_declare(name, passive=True).message_count
                finally:
                    channel.close()
            return depths
        except bus.BROKER_ERRORS:
            return None
        finally:
            try:
                conn.release()
            except Exception:  # a connection the broker dropped may fail to close
                pass

    def expected_dead(self) -> Counter:
        return Counter(q for queues in self.poison.values() for q in queues)

    # checking

    def reconcile(self, calls: list[Call]) -> Report:
        snap = self.snapshot()
        lost: dict[str, list[str]] = defaultdict(list)
        duplicated: dict[str, list[str]] = defaultdict(list)

        def once(call: Call, event_type: str, subject: str) -> str | None:
            found = snap.events.get((event_type, subject), [])
            if len(found) > 1:
                duplicated[call.request_id].append(f"{len(found)} × {event_type} {subject}")
            if not found:
                lost[call.request_id].append(f"no {event_type} {subject}")
                return None
            consumed(call, found[0])
            return found[0]

        def consumed(call: Call, event_id: str) -> None:
            for consumer in sorted(self.bound.get(snap.event_types[event_id], ())):
                if event_id not in snap.inbox.get(consumer, ()):
                    lost[call.request_id].append(f"{snap.event_types[event_id]} {event_id} not handled by {consumer}")

        def notified(call: Call, event_id: str | None, recipient: str, channel: str = "sms") -> None:
            if event_id is None:
                return
            statuses = snap.notifications.get((event_id, recipient, channel), [])
            if not any(s in EXISTING for s in statuses):
                lost[call.request_id].append(f"no {channel} to {recipient} for {event_id} ({statuses})")

        def stored(call: Call, table: str, record_id: str) -> None:
            if record_id not in snap.records[table]:
                lost[call.request_id].append(f"{table} {record_id} not stored")

        for call in calls:
            if not call.accepted or call.kind == "seed":
                continue
            if call.kind == "elder":
                elder_id = call.answer["id"]
                stored(call, "elders", elder_id)
                notified(call, once(call, "registration.elder.registered", elder_id), elder_id)
            elif call.kind == "complaint":
                complaint_id = call.answer["id"]
                stored(call, "complaints", complaint_id)
                if snap.complaint_markers[call.facts["marker"]] > 1:
                    duplicated[call.request_id].append(f"{snap.complaint_markers[call.facts['marker']]} complaints")
                notified(call, once(call, "complaints.complaint.received", complaint_id), complaint_id)
            elif call.kind == "check_in":
                stored(call, "visits", call.answer["id"])
                once(call, "visits.visit.checked_in", call.answer["id"])
            elif call.kind == "screening":
                visit, elder = call.facts["visit_id"], call.facts["elder_id"]
                if call.answer["status"] == "refused":
                    notified(call, once(call, "visits.visit.refused", visit), elder)
                else:
                    once(call, "visits.visit.screened", visit)
            elif call.kind in ("bath", "rest"):
                once(call, {"bath": "visits.visit.bath_started", "rest": "visits.visit.rest_started"}[call.kind],
                     call.facts["visit_id"])
            elif call.kind == "checkout":
                visit, elder = call.facts["visit_id"], call.facts["elder_id"]
                if once(call, "visits.visit.checked_out", visit) is None:
                    continue
                invited = snap.invitations.get(visit, [])
                if len(invited) > 1:
                    duplicated[call.request_id].append(f"{len(invited)} survey invitations for {visit}")
                if not invited:
                    lost[call.request_id].append(f"no survey invitation for {visit}")
                else:
                    consumed(call, invited[0])
                    notified(call, invited[0], elder)

        problems = [f"{n} unsent in the {name} outbox" for name, n in snap.unsent.items() if n]
        for event_id, event_type in snap.event_types.items():
            for consumer in sorted(self.bound.get(event_type, ())):
                if event_id not in snap.inbox.get(consumer, ()):
                    problems.append(f"{event_type} {event_id} not handled by {consumer}")
        handled = set().union(*snap.inbox.values()) if snap.inbox else set()
        problems += [f"poison {p} was handled" for p in self.poison if p in handled]
        problems += [f"{n} notifications {s}" for s, n in snap.notification_statuses.items() if s not in EXISTING]
        pending = sum(n for s, n in snap.notification_statuses.items() if s in PENDING)
        return Report(dict(lost), dict(duplicated), problems, pending, snap.notification_statuses["sending"])

    def settle(self, calls: list[Call], timeout: float = 120) -> tuple[Report, float | None, dict | None]:
        """Waits until everything accepted is reconciled, no outbox holds an unsent event,
        the main and retry queues are empty and the dead-letter queues hold exactly the
        poison messages sent. Returns the last report, the seconds it took (None: never)
        and the queue depths."""
        started = time.monotonic()
        expected = self.expected_dead()
        while True:
            try:
                report = self.reconcile(calls)
            except sa.exc.OperationalError as exc:  # a store still coming back
                report = Report({}, {}, [f"store unreachable: {exc.__class__.__name__}"], 0, 0)
            depths = self.queue_depths()
            drained = depths is not None and all(
                depths[name] == (expected[name] if name.endswith(".dead") else 0) for name in depths)
            if report.clean and drained:
                return report, time.monotonic() - started, depths
            if time.monotonic() - started > timeout:
                return report, None, depths
            time.sleep(0.5)

    def dead_letters(self) -> dict[str, set[str]]:
        """The message ids waiting in each dead-letter queue (read, then put back)."""
        found = {}
        for spec in self.topology.values():
            found[bus.dead_queue_name(spec["queue"])] = {
                m.message_id for m in deadletters.list_dead(self.amqp_url, spec["queue"])}
        return found

    def close(self) -> None:
        for engine in self.engines.values():
            engine.dispose()


# --- one fault after another -------------------------------------------------------------

@dataclass
class Row:
    fault: str
    requests: int
    accepted: int
    lost: int
    duplicated: int
    recover_s: float | None  # from the end of the fault until everything reconciles
    serving_s: float  # from the end of the fault until every lane is served again
    unavailable: int  # 503 answers
    unanswered: int  # no answer at all
    notes: str = ""


class Drill:
    """Runs faults in turn under traffic; after each one waits for quiescence and
    reconciles, and keeps one row per fault."""

    def __init__(self, suite, amqp_url: str, pool_size: int = 8):
        self.suite = suite
        self.gateway = Gateway(suite.gateway, suite.token())
        self.traffic = Traffic(self.gateway, suite.env, pool_size=pool_size)
        self.ledger = Ledger(suite.env, amqp_url)
        self.rows: list[Row] = []
        self.failures: list[str] = []

    def prepare(self) -> None:
        self.traffic.seed()
        report, took, _ = self.ledger.settle(self.gateway.all(), timeout=60)
        assert took is not None, f"the seed data never settled: {report}"

    @contextmanager
    def fault(self, name: str, lead: float = 1.5):
        """Traffic runs from `lead` seconds before the fault until, after the block ends
        (the end of the fault: the victim running again, the broker or database back), every
        lane is served again; then everything must settle. The row's time to recover runs
        from the end of the fault to the moment everything accepted is reconciled."""
        with self.traffic.running(name):
            time.sleep(lead)
            yield
            ended = time.monotonic()
            # Served again: every lane has had an answer from its service (2xx or a 409 of
            # the visit lane) to a request sent after the fault ended.
            served = wait_until(lambda: {LANES[c.kind] for c in self.gateway.in_phase(name)
                                         if c.status is not None and c.status < 410 and c.at - c.took > ended}
                                == set(LANES.values()), 60)
            available = time.monotonic() - ended
        report, took, depths = self.ledger.settle(self.gateway.all())
        calls = self.gateway.in_phase(name)
        ids = {c.request_id for c in calls}
        notes = []
        if not served:
            notes.append("not served again within 60 s")
            self.failures.append(f"{name}: {notes[-1]}")
        refused = Counter(c.kind for c in calls if c.status == 503)
        if refused:
            notes.append("503: " + " ".join(f"{kind}×{n}" for kind, n in sorted(refused.items())))
        if report.in_flight:
            notes.append(f"{report.in_flight} notifications mid-send")
        if took is None:
            notes.append("did not settle: " + "; ".join(report.problems[:3] + [
                f"{k}: {v}" for k, v in list(report.lost.items())[:3]]) + f"; queues {depths}")
            self.failures.append(f"{name}: {notes[-1]}")
        self.rows.append(Row(
            fault=name, requests=len(calls), accepted=sum(c.accepted for c in calls),
            lost=len(ids & set(report.lost)), duplicated=len(ids & set(report.duplicated)),
            recover_s=round(time.monotonic() - ended, 1) if took is not None else None,
            serving_s=round(available, 1),
            unavailable=sum(c.status == 503 for c in calls), unanswered=sum(c.status is None for c in calls),
            notes=", ".join(notes)))

    def final(self) -> Report:
        return self.ledger.settle(self.gateway.all(), timeout=30)[0]

    def table(self) -> str:
        header = ("fault", "requests", "accepted", "lost", "duplicated", "recover_s", "serving_s", "503", "no answer",
                  "notes")
        lines = [[r.fault, r.requests, r.accepted, r.lost, r.duplicated,
                  "never" if r.recover_s is None else r.recover_s, r.serving_s, r.unavailable, r.unanswered, r.notes]
                 for r in self.rows]
        total = [sum(r.requests for r in self.rows), sum(r.accepted for r in self.rows),
                 sum(r.lost for r in self.rows), sum(r.duplicated for r in self.rows)]
        lines.append(["total", *total, "", "", sum(r.unavailable for r in self.rows),
                      sum(r.unanswered for r in self.rows), ""])
        widths = [max(len(str(x)) for x in column) for column in zip(header, *lines)]
        out = ["  ".join(str(x).ljust(w) for x, w in zip(header, widths))]
        out.append("  ".join("-" * w for w in widths))
        out += ["  ".join(str(x).ljust(w) for x, w in zip(line, widths)) for line in lines]
        return "\n".join(out)

    def unexpected_answers(self, may_go_unanswered: set[str] = frozenset()) -> list[str]:
        """Anything but 2xx, 503 (a dependency down) and the visit lane's 409s (a step
        retried after an unclear answer) is wrong; no answer at all only while the gateway
        itself is down."""
        wrong = []
        for call in self.gateway.all():
            if call.accepted or call.status == 503 or (call.status == 409 and LANES.get(call.kind) == "visits"):
                continue
            if call.status is None and call.phase in may_go_unanswered:
                continue
            wrong.append(f"{call.phase}: {call.kind} answered {call.status} {call.answer}")
        return wrong

    def close(self) -> None:
        self.traffic.close()
        self.ledger.close()


def publish_raw(amqp_url: str, messages: list[tuple[str, bytes, str]]) -> None:
    """Publish (routing key, body, message id) straight to the events exchange, confirmed."""
    conn = bus.connect(amqp_url)
    try:
        channel = conn.channel()
        bus.declare_exchanges(channel)
        publisher = bus.ConfirmingPublisher(channel, conn, timeout=10)
        publisher.publish([bus.Outgoing(exchange=bus.EXCHANGE, routing_key=key, body=body, message_id=message_id,
                                        headers={}) for key, body, message_id in messages])
    finally:
        conn.release()


def wait_until(predicate, timeout: float, step: float = 0.2) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(step)
    return False


def base_environment(var: Path, amqp_url: str) -> dict[str, str]:
    env = dict(os.environ)
    env.update(AMQP_URL=amqp_url, ZHUYU_VAR_DIR=str(var), ZHUYU_RETRY_DELAYS_SECONDS="1,1",
               ZHUYU_RELAY_LEASE_SECONDS="2", ZHUYU_WEBHOOK_ALLOW_PRIVATE="true",
               ZHUYU_RATE_LIMIT_USER="100000 per minute")  # the traffic is one user's, faster than a person
    return env
