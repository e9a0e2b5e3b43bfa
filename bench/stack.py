"""The whole suite for the end-to-end benchmarks: `zhuyu run` on free ports, every store on
PostgreSQL, a private broker, and the data a visit needs (an all-day point, a qualified
assistant, elders who are assessed and have signed the safety commitment)."""
from __future__ import annotations

import contextlib
import itertools
import os
import secrets
import sys
import tempfile
import threading
import time
import uuid
from datetime import date, timedelta
from pathlib import Path

import psycopg
import requests

from bench.common import private_broker, private_postgres
from kit import registry
from kit.broker import free_port
from ops.idnumbers import id_number
from testkit.suite import RunningSuite

ADMIN_PASSWORD = "bench-admin-password"
ALL_DAY = {day: [["00:00", "23:59"]] for day in ("mon", "tue", "wed", "thu", "fri", "sat", "sun")}
SCREENING = {"mental_state": "good", "infectious_disease": False, "alcohol": False, "systolic": 130, "diastolic": 80,
             "reminders_given": ["anti_slip", "anti_hypoxia", "anti_fainting", "call_for_help", "medication",
                                 "point_specific"]}


class Suite:
    """A running suite: the gateway's and each service's base URL, the admin's token, and
    each store's PostgreSQL URL (for reading stores directly)."""

    def __init__(self, running: RunningSuite, database_urls: dict[str, str], pg_data: Path | None = None):
        self.running = running
        self.pg_data = pg_data
        self.env = running.env
        self.gateway = running.gateway + "/api/v1"
        self.database_urls = database_urls
        self.token = running.token(password=ADMIN_PASSWORD)
        self.auth = {"Authorization": f"Bearer {self.token}"}

    def service_url(self, name: str) -> str:
        return self.env[f"{name.upper()}_URL"]

    @property
    def pid(self) -> int:
        return self.running.process.pid

    def cpu_seconds(self) -> float:
        """CPU used so far by every process of the suite and by PostgreSQL (not the broker):
        what a run costs, whatever else the machine is doing meanwhile."""
        roots = [self.pid]
        if self.pg_data is not None:
            roots.append(int((self.pg_data / "postmaster.pid").read_text().split()[0]))
        return sum(cpu_ms(root) for root in roots) / 1000

    def session(self) -> requests.Session:
        """A keep-alive session that calls the gateway as the admin."""
        session = requests.Session()
        session.headers.update(self.auth)
        return session

    def post(self, session: requests.Session, path: str, body: dict, expect: int = 201) -> dict:
        response = session.post(self.gateway + path, json=body, timeout=30)
        if response.status_code != expect:
            raise RuntimeError(f"POST {path}: {response.status_code} {response.text}")
        return response.json()


@contextlib.contextmanager
def running_suite(extra_env: dict[str, str] | None = None):
    """The suite as `make run` starts it (gunicorn's default workers and threads), with
    PostgreSQL stores; the gateway's rate limit is raised so it never throttles the load."""
    with private_broker() as amqp_url, private_postgres() as pg, tempfile.TemporaryDirectory(prefix="zhuyu-bench-") as tmp:
        var = Path(tmp) / "var"
        # One identity secret for the suite and this process (benches that call a service directly).
        os.environ.setdefault("ZHUYU_IDENTITY_SECRET", secrets.token_urlsafe(48))
        urls = {name: pg.create_database(f"bench_{name}") for name in [*registry.SERVICES, "gateway"]}
        env = dict(os.environ, AMQP_URL=amqp_url, ZHUYU_VAR_DIR=str(var), ZHUYU_ADMIN_PASSWORD=ADMIN_PASSWORD,
                   GATEWAY_PORT=str(free_port()), GATEWAY_DATABASE_URL=urls["gateway"], ZHUYU_LOG_LEVEL="WARNING",
                   ZHUYU_REDIS_PORT=str(free_port()),
                   ZHUYU_RATE_LIMIT_USER="10000000 per minute", ZHUYU_WEBHOOK_ALLOW_PRIVATE="true")
        for name in registry.SERVICES:
            port = free_port()
            env[f"{name.upper()}_PORT"] = str(port)
            env[f"{name.upper()}_URL"] = f"http://127.0.0.1:{port}"
            env[f"{name.upper()}_DATABASE_URL"] = urls[name]
        env.update(extra_env or {})
        running = RunningSuite(env, var, Path(tmp) / "suite.log")
        running.start(timeout=180)
        try:
            yield Suite(running, urls, pg.data)
        except BaseException:
            log = (Path(tmp) / "suite.log").read_text(encoding="utf-8", errors="replace").splitlines()
            print("\n".join(["-- the suite's log, last 60 lines --", *log[-60:]]), file=sys.stderr)
            raise
        finally:
            running.stop()


# --- data -------------------------------------------------------------------------------

_serial = itertools.count(1)
_serial_lock = threading.Lock()


def elder_body(point_id: str, phone: str | None = "13912341234") -> dict:
    """A new elder with a valid ID number (birth date and gender agree with it) and a
    card number that is unique in this run."""
    with _serial_lock:
        n = next(_serial)
    born = date(1930, 1, 1) + timedelta(days=n % 9000)
    body = {
        "name": f"张{n}", "gender": "female", "birth_date": born.isoformat(),
        "id_number": id_number(born, male=False, serial=50 + n // 9000, area="110105"), "citizen_card_no": f"BENCH{uuid.uuid4().hex[:16].upper()}",
        "address": "杭州市西湖区文三路2号", "district": "西湖区", "service_point_id": point_id,
        "emergency_contacts": [{"name": "李明", "relation": "son", "phone": "13800001111"}],
    }
    if phone:
        body["phone"] = phone
    return body


def make_point(suite: Suite, bath_capacity: int = 100) -> tuple[str, str, str]:
    """(point id, qualified assistant's id, witnessing administrator's id)."""
    session = suite.session()
    point = suite.post(session, "/service-points", {
        "name": "压测助浴点", "address": "杭州市西湖区文三路1号", "district": "西湖区", "bath_capacity": bath_capacity,
        "rest_seats": bath_capacity, "opening_hours": ALL_DAY, "safety_reminders": ["地面湿滑，请扶好扶手"]})["id"]
    assistant = make_assistants(suite, point, 1)[0]
    witness = suite.post(session, "/staff", {
        "name": "赵站长", "roles": ["point_admin"], "service_point_id": point, "phone": "13700002222",
        "experience_years": 5})["id"]
    return point, assistant, witness


def make_assistants(suite: Suite, point: str, count: int) -> list[str]:
    """`count` qualified bathing assistants of the point: one assistant bathes one elder at
    a time, so each client of a flow needs its own."""
    session = suite.session()
    made = []
    for n in range(count):
        assistant = suite.post(session, "/staff", {
            "name": f"王助浴{n + 1}", "gender": "female", "roles": ["bathing_assistant"], "service_point_id": point,
            "phone": "13700001111", "experience_years": 3, "care_training": {"completed_on": "2024-01-01"},
            "health_certificate": {"number": f"H{n + 1}", "issued_on": "2025-01-01", "expires_on": "2035-01-01"}})
        assert assistant["qualified"], assistant
        made.append(assistant["id"])
    return made


def make_bathers(suite: Suite, point: str, witness: str, count: int) -> list[str]:
    """`count` elders who may bathe (assessment level 2, current safety commitment); waits
    until the visits service has learned of all of them through the broker. Their cards."""
    session = suite.session()
    cards = []
    for _ in range(count):
        body = elder_body(point)
        elder = suite.post(session, "/elders", body)["id"]
        suite.post(session, f"/elders/{elder}/assessments",
                   {"level": 2, "assessed_on": (date.today() - timedelta(days=30)).isoformat(), "assessor": "医生", "reference": "R1"})
        suite.post(session, f"/elders/{elder}/safety-commitments",
                   {"signer_name": body["name"], "signer_relation": "self", "text_version": "v1",
                    "witness_staff_id": witness})
        cards.append(body["citizen_card_no"])
    deadline = time.monotonic() + 120
    with psycopg.connect(suite.database_urls["visits"]) as conn:
        while True:
            ready = conn.execute("SELECT count(*) FROM elders WHERE citizen_card_no = ANY(%s) "
                                 "AND latest_assessment_level = 2 AND safety_commitment_version = 'v1'",
                                 (cards,)).fetchone()[0]
            conn.commit()
            if ready == len(cards):
                return cards
            if time.monotonic() > deadline:
                raise TimeoutError(f"visits knows {ready} of {len(cards)} elders")
            time.sleep(0.2)


def wait_quiet(suite: Suite, seconds: float = 120) -> None:
    """Until every outbox is drained (the relays have published everything)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        pending = 0
        for name in registry.SERVICES:
            with psycopg.connect(suite.database_urls[name]) as conn:
                pending += conn.execute("SELECT count(*) FROM outbox WHERE sent_at IS NULL").fetchone()[0]
        if pending == 0:
            return
        time.sleep(0.5)


def load_average() -> str:
    """The machine's 1, 5 and 15 minute load averages, printed with every figure: other
    work on the machine moves the figures."""
    with open("/proc/loadavg") as handle:
        return " ".join(handle.read().split()[:3])


def descendants(root: int) -> list[tuple[int, int | None]]:
    """(pid, parent) of `root` and all its descendants."""
    out, todo = [(root, None)], [root]
    while todo:
        parent = todo.pop()
        for task in Path(f"/proc/{parent}/task").glob("*"):
            try:
                for child in (task / "children").read_text().split():
                    out.append((int(child), parent))
                    todo.append(int(child))
            except OSError:
                pass
    return out


def cpu_ms(root: int) -> float:
    """CPU time so far (user + system) of a process and its descendants."""
    ticks = 0
    for pid, _parent in descendants(root):
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            ticks += int(fields[11]) + int(fields[12])
        except OSError:
            pass
    return ticks * 1000 / os.sysconf("SC_CLK_TCK")
