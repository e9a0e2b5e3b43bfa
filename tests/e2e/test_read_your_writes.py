"""Check-in on the current state, through the gateway of a running suite: what registration
has just confirmed is in force for the very next check-in, with no retry and no sleep, and
the same with visits' consumer of registration's events stopped (docs/events.md)."""
from __future__ import annotations

import os
import signal
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import requests

from ops.idnumbers import id_number
from testkit.suite import RunningSuite, suite_environment

pytestmark = [pytest.mark.integration, pytest.mark.slow]

ALL_DAY = {day: [["00:00", "23:59"]] for day in ("mon", "tue", "wed", "thu", "fri", "sat", "sun")}
BORN = date(1945, 3, 1)


@pytest.fixture
def suite(suite_env, database_urls, tmp_path):
    env = suite_environment(dict(os.environ), tmp_path / "var", database_urls)
    env["ZHUYU_RATE_LIMIT_USER"] = "100000 per minute"  # one desk, a few hundred requests at once
    running = RunningSuite(env, tmp_path / "var", tmp_path / "suite.log")
    running.start()
    yield running
    assert running.stop() == 0


class Desk:
    """The front desk: one session, each answer checked as it comes."""

    def __init__(self, suite: RunningSuite):
        self.api = suite.gateway + "/api/v1"
        self.http = requests.Session()
        self.http.headers["Authorization"] = f"Bearer {suite.token()}"
        self.point = self.post("/service-points", {
            "name": "拱墅区助浴点", "address": "杭州市拱墅区1号", "district": "拱墅区", "bath_capacity": 2,
            "rest_seats": 6, "opening_hours": ALL_DAY, "safety_reminders": []}).json()["id"]
        self.witness = self.post("/staff", {"name": "赵站长", "roles": ["point_admin"], "service_point_id": self.point,
                                            "phone": "13700002222", "experience_years": 5}).json()["id"]
        self.assessed_on = (datetime.now(ZoneInfo("Asia/Shanghai")).date() - timedelta(days=30)).isoformat()

    def post(self, path: str, body: dict, expected: int | None = None) -> requests.Response:
        response = self.http.post(self.api + path, json=body, timeout=10)
        if expected is not None:
            assert response.status_code == expected, (path, response.status_code, response.text)
        return response

    def ready_elder(self, serial: int) -> tuple[str, str]:
        """Registered, assessed and signed: (elder id, card)."""
        card = f"RYW{serial:06d}"
        elder = self.post("/elders", {
            "name": "钱阿姨", "gender": "female", "birth_date": BORN.isoformat(),
            "id_number": id_number(BORN, male=False, serial=serial), "citizen_card_no": card,
            "address": "拱墅区2号", "district": "拱墅区", "service_point_id": self.point,
            "emergency_contacts": [{"name": "钱明", "relation": "son", "phone": "13800001111"}]}, 201).json()["id"]
        self.post(f"/elders/{elder}/assessments", {"level": 2, "assessed_on": self.assessed_on, "assessor": "医生",
                                                   "reference": f"R{serial}"}, 201)
        self.post(f"/elders/{elder}/safety-commitments", {
            "signer_name": "钱阿姨", "signer_relation": "self", "text_version": "v1",
            "witness_staff_id": self.witness}, 201)
        return elder, card

    def check_in(self, card: str) -> requests.Response:
        return self.post("/visits", {"citizen_card_no": card, "service_point_id": self.point})

    def reissue(self, elder: str, card: str) -> None:
        response = self.http.patch(f"{self.api}/elders/{elder}", json={"citizen_card_no": card}, timeout=10)
        assert response.status_code == 200, response.text


def admitted_and_old_cards_refused(desk: Desk, first_serial: int) -> tuple[int, int, list]:
    """50 elders made ready and checked in back to back; then 20 cards reissued, each old
    card swiped on the very next request. (admitted, old cards refused, what else came)."""
    admitted, others, elders = 0, [], []
    for serial in range(first_serial, first_serial + 50):
        elder, card = desk.ready_elder(serial)
        elders.append((elder, card))
        response = desk.check_in(card)
        if response.status_code == 201:
            admitted += 1
        else:
            others.append((card, response.status_code, response.text))
    refused = 0
    for elder, card in elders[:20]:
        desk.reissue(elder, "N" + card)
        response = desk.check_in(card)
        if (response.status_code, response.json().get("code")) == (409, "UNKNOWN_CARD"):
            refused += 1
        else:
            others.append((card, response.status_code, response.text))
    return admitted, refused, others


def consumer_of(suite: RunningSuite, service: str) -> int:
    """The pid of the process running this suite's `service` consumer (a child of its
    supervisor): the service's worker, or its own consumer under ZHUYU_SPLIT_WORKERS."""
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            argv = (proc / "cmdline").read_bytes().split(b"\0")
            ppid = int((proc / "stat").read_text().rsplit(")", 1)[1].split()[1])
        except (OSError, ValueError, IndexError):
            continue
        if ppid == suite.process.pid and argv[-4:-2] == [b"serve", service.encode()] \
                and argv[-2] in (b"worker", b"consumer"):
            return int(proc.name)
    raise AssertionError(f"no {service} consumer under the suite")


def test_what_registration_confirmed_is_in_force_for_the_very_next_check_in(suite):
    desk = Desk(suite)
    admitted, refused, others = admitted_and_old_cards_refused(desk, 1)
    assert (admitted, refused, others) == (50, 20, [])

    consumer = consumer_of(suite, "visits")
    os.kill(consumer, signal.SIGSTOP)  # visits hears nothing more from registration
    try:
        admitted, refused, others = admitted_and_old_cards_refused(desk, 101)
    finally:
        os.kill(consumer, signal.SIGCONT)
    assert (admitted, refused, others) == (50, 20, [])
