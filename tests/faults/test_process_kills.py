"""No loss under faults: a steady stream of registrations through the gateway while, in
turn, the registration relay, the notify consumer, the notify scheduler (dispatcher) and
the registration web process are killed with SIGKILL (the supervisor restarts them).
Afterwards every accepted registration exists once, its SMS exists once (sent, or held for the morning), and
no outbox holds an unsent event. Prints the reconciliation table."""
from __future__ import annotations

import os
import signal
import time
from datetime import date
from pathlib import Path

import pytest
import requests
import sqlalchemy as sa

from tests.suite import RunningSuite, suite_environment

pytestmark = [pytest.mark.integration, pytest.mark.slow]
VICTIMS = ("registration relay", "notify consumer", "notify scheduler", "registration web")
WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)


def id_number(serial: int) -> str:
    first17 = f"33010619450301{serial % 100:02d}{serial // 100 % 5 * 2}"
    return first17 + "10X98765432"[sum(int(d) * w for d, w in zip(first17, WEIGHTS)) % 11]


def pids_of(var: Path, victim: str) -> list[int]:
    """The suite's processes whose command line ends with `serve <victim>` and that run
    with this test's ZHUYU_VAR_DIR (so nothing else on the machine is touched)."""
    found = []
    marker = f"ZHUYU_VAR_DIR={var}".encode()
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            cmdline = (entry / "cmdline").read_bytes().split(b"\0")
            environ = (entry / "environ").read_bytes().split(b"\0")
        except OSError:
            continue
        words = [w.decode(errors="replace") for w in cmdline if w]
        if " ".join(words[-3:]) == f"serve {victim}" and marker in environ:
            found.append(int(entry.name))
    return found


@pytest.fixture
def suite(suite_env, database_urls, tmp_path):
    running = RunningSuite(suite_environment(dict(os.environ), tmp_path / "var", database_urls),
                           tmp_path / "var", tmp_path / "suite.log")
    running.start()
    yield running
    running.stop()


def test_nothing_is_lost_or_duplicated_when_processes_are_killed(suite, capsys):
    api = suite.gateway + "/api/v1"
    headers = {"Authorization": f"Bearer {suite.token()}"}
    point = requests.post(f"{api}/service-points", headers=headers, timeout=10, json={
        "name": "故障测试点", "address": "a", "district": "d", "bath_capacity": 2, "rest_seats": 2,
        "opening_hours": {}, "safety_reminders": []}).json()
    accepted: dict[int, str] = {}
    attempts = 0
    rows = []
    serial = 0
    for victim in VICTIMS:
        killed_at = None
        started = time.monotonic()
        for step in range(24):
            if step == 6:
                for pid in pids_of(suite.var, victim):
                    os.kill(pid, signal.SIGKILL)
                killed_at = time.monotonic()
            serial += 1
            attempts += 1
            body = {"name": f"老人{serial}", "gender": "female", "birth_date": date(1945, 3, 1).isoformat(),
                    "id_number": id_number(serial), "citizen_card_no": f"FT{serial:08d}", "phone": f"139{serial:08d}",
                    "address": "a", "district": "d", "service_point_id": point["id"],
                    "emergency_contacts": [{"name": "家属", "relation": "son", "phone": "13800001111"}]}
            try:
                response = requests.post(f"{api}/elders", json=body, headers=headers, timeout=10)
            except requests.RequestException:
                continue
            if response.status_code == 201:
                accepted[serial] = response.json()["id"]
            else:
                assert response.status_code == 503, response.text  # the web process was down: retry later
            time.sleep(0.1)
        rows.append({"fault": f"SIGKILL {victim}", "requests": 24, "killed_after_s": round(killed_at - started, 1)})

    def notifications() -> dict[str, list[dict]]:
        found: dict[str, list[dict]] = {}
        cursor = None
        while True:
            params = {"event_type": "registration.elder.registered", "limit": 200}
            if cursor:
                params["cursor"] = cursor
            page = requests.get(f"{api}/notifications", params=params, headers=headers, timeout=10).json()
            for item in page["items"]:
                found.setdefault(item["recipient"]["id"], []).append(item)
            cursor = page["next_cursor"]
            if not cursor:
                return found

    recovered_at = None
    started_waiting = time.monotonic()
    deadline = started_waiting + 120
    while time.monotonic() < deadline:
        found = notifications()
        # Delivered, or held by quiet hours (21:00–08:00 local) to be sent in the morning.
        if set(accepted.values()) <= set(found) and all(n["status"] in ("sent", "held")
                                                        for items in found.values() for n in items):
            recovered_at = time.monotonic()
            break
        time.sleep(1)
    found = notifications()
    lost = sorted(set(accepted.values()) - set(found))
    duplicated = sorted(k for k, v in found.items() if len(v) > 1)
    engine = sa.create_engine(suite.env["REGISTRATION_DATABASE_URL"].replace("postgresql://", "postgresql+psycopg://"))
    with engine.connect() as conn:
        stored = conn.execute(sa.text("SELECT count(*) FROM elders")).scalar()
        unsent = conn.execute(sa.text("SELECT count(*) FROM outbox WHERE sent_at IS NULL")).scalar()
    engine.dispose()
    with capsys.disabled():
        print(f"\nrequests {attempts}, accepted {len(accepted)}, stored {stored}, lost {len(lost)}, "
              f"duplicated {len(duplicated)}, unsent in outbox {unsent}, "
              f"recovered in {round(recovered_at - started_waiting, 1) if recovered_at else 'never'} s")
        for row in rows:
            print("  ", row)
    assert stored == len(accepted), "every 2xx registration is stored, and nothing else"
    assert lost == [] and duplicated == []
    assert recovered_at is not None, "some notifications were neither sent nor held"
    assert unsent == 0
