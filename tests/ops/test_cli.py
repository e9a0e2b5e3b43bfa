"""The operators' commands against a running suite: accounts and keys made on the command
line work at the gateway, `zhuyu health` tells when something is down, and the monthly
report is fetched through the gateway."""
from __future__ import annotations

import io
import json
import os
import signal
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import requests

from tests.ops.tools import wait_for, zhuyu

pytestmark = [pytest.mark.integration, pytest.mark.slow]


def login(suite, username: str, password: str) -> requests.Response:
    return requests.post(f"{suite.gateway}/api/v1/auth/token", json={"username": username, "password": password},
                         timeout=10)


def a_user_created_on_the_command_line_logs_in_until_disabled(suite):
    made = json.loads(zhuyu(suite.env, "users", "create", "--username", "city-ops", "--role", "city_operator").stdout)
    assert made["role"] == "city_operator" and len(made["password"]) >= 10
    answer = login(suite, "city-ops", made["password"])
    assert answer.status_code == 200, answer.text
    assert answer.json()["role"] == "city_operator"
    token = answer.json()["access_token"]
    assert requests.get(f"{suite.gateway}/api/v1/elders", headers={"Authorization": f"Bearer {token}"},
                        timeout=10).status_code == 200

    point = "0b7e2a52-5d1e-4a52-9a55-8e8f2f8a7c11"
    given = zhuyu(suite.env, "users", "create", "--username", "point-1", "--role", "point_admin",
                  "--service-point-id", point, "--password-stdin", stdin="a-long-password-1\n")
    assert "password" not in json.loads(given.stdout), "a given password is never printed"
    assert login(suite, "point-1", "a-long-password-1").json()["service_point_id"] == point

    taken = zhuyu(suite.env, "users", "create", "--username", "point-1", "--role", "doctor", check=False)
    assert taken.returncode == 1 and "taken" in taken.stderr
    short = zhuyu(suite.env, "users", "create", "--username", "x-short", "--role", "doctor", "--password-stdin",
                  stdin="short\n", check=False)
    assert short.returncode == 1 and "at least" in short.stderr

    zhuyu(suite.env, "users", "disable", "city-ops")
    assert login(suite, "city-ops", made["password"]).status_code == 401
    wait_for(lambda: requests.get(f"{suite.gateway}/api/v1/elders", headers={"Authorization": f"Bearer {token}"},
                                  timeout=10).status_code == 401, timeout=15)


def an_api_key_created_on_the_command_line_calls_within_its_scopes_until_revoked(suite):
    made = json.loads(zhuyu(suite.env, "api-keys", "create", "--name", "partner", "--scope", "elders:read",
                            "--scope", "visits:read", "--rate-limit", "100").stdout)
    assert made["scopes"] == ["elders:read", "visits:read"]
    key = {"X-API-Key": made["key"]}
    elders = f"{suite.gateway}/api/v1/elders"
    wait_for(lambda: requests.get(elders, headers=key, timeout=10).status_code == 200, timeout=15)
    assert requests.post(elders, headers=key, json={}, timeout=10).status_code == 403
    listed = zhuyu(suite.env, "api-keys", "list").stdout
    assert made["id"] in listed and made["key"] not in listed, "only the key's hash is kept"

    zhuyu(suite.env, "api-keys", "revoke", made["id"])
    wait_for(lambda: requests.get(elders, headers=key, timeout=10).status_code == 401, timeout=15)
    again = zhuyu(suite.env, "api-keys", "revoke", made["id"], check=False)
    assert again.returncode == 1
    bad = zhuyu(suite.env, "api-keys", "create", "--name", "x", "--scope", "everything", check=False)
    assert bad.returncode == 1 and "unknown: everything" in bad.stderr


def children(parent: int) -> dict[int, list[str]]:
    """Processes started by `parent`, with their command lines."""
    found = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            cmdline = (entry / "cmdline").read_bytes().decode(errors="replace").rstrip("\0").split("\0")
        except OSError:
            continue
        if int(stat.rsplit(")", 1)[1].split()[1]) == parent:
            found[int(entry.name)] = cmdline
    return found


def health_says_which_part_is_down(suite):
    healthy = zhuyu(suite.env, "health")
    for component in ("gateway", "registration", "visits", "complaints", "notify", "broker"):
        assert any(line.split()[:2] == [component, "ok"] for line in healthy.stdout.splitlines()), healthy.stdout

    # Freeze notify's web process (its gunicorn master and workers): alive, but not answering.
    [web] = [pid for pid, cmd in children(suite.process.pid).items() if cmd[-3:] == ["serve", "notify", "web"]]
    os.killpg(web, signal.SIGSTOP)
    try:
        down = zhuyu(suite.env, "health", "--timeout", "1", "--json", check=False)
        assert down.returncode == 1
        report = json.loads(down.stdout)
        assert not report["notify"]["ok"]
        assert report["registration"]["ok"] and report["broker"]["ok"]
    finally:
        os.killpg(web, signal.SIGCONT)
    wait_for(lambda: zhuyu(suite.env, "health", check=False).returncode == 0, timeout=30, interval=1)

    elsewhere = dict(suite.env, ZHUYU_GATEWAY_URL="http://127.0.0.1:9", AMQP_URL="amqp://guest:guest@127.0.0.1:9//")
    nothing = zhuyu(elsewhere, "health", "--timeout", "1", check=False)
    assert nothing.returncode == 1
    assert "gateway" in nothing.stdout and "DOWN" in nothing.stdout


def monthly_report_is_written_to_a_file(suite, tmp_path):
    month = datetime.now(ZoneInfo("Asia/Shanghai")).strftime("%Y-%m")
    out = tmp_path / "report.xlsx"
    zhuyu(suite.env, "reports", "monthly", "--month", month, "--out", str(out))
    from openpyxl import load_workbook

    # By default the report to forward: Chinese sheets headed with the month and the period.
    book = load_workbook(io.BytesIO(out.read_bytes()))
    assert book.sheetnames[0] == "汇总" and "分类统计" in book.sheetnames
    assert str(book["汇总"]["A1"].value).endswith(f"（{int(month[:4])}年{int(month[5:])}月）")
    raw = tmp_path / "raw.xlsx"
    zhuyu(suite.env, "reports", "monthly", "--month", month, "--lang", "raw", "--out", str(raw))
    sheet = load_workbook(io.BytesIO(raw.read_bytes())).active
    assert sheet.title == month
    assert [c.value for c in sheet[1]] == ["section", "item", "value"]

    token = suite.token()
    without_password = {k: v for k, v in suite.env.items() if k != "ZHUYU_ADMIN_PASSWORD"}
    as_json = zhuyu(without_password, "reports", "monthly", "--month", month, "--format", "json", "--token", token)
    assert json.loads(as_json.stdout)["month"] == month
    refused = zhuyu(without_password, "reports", "monthly", "--month", month, "--token", "not-a-token", check=False)
    assert refused.returncode == 1 and "401" in refused.stderr
    malformed = zhuyu(suite.env, "reports", "monthly", "--month", "2026-13", check=False)
    assert malformed.returncode == 2

    # the month's settlement: answered by visits under the same /reports path
    settled = zhuyu(suite.env, "reports", "settlement", "--month", month, "--format", "json")
    assert json.loads(settled.stdout)["month"] == month and "totals" in json.loads(settled.stdout)
    csv_out = tmp_path / "settlement.csv"
    zhuyu(suite.env, "reports", "settlement", "--month", month, "--format", "csv", "--out", str(csv_out))
    lines = csv_out.read_text(encoding="utf-8-sig").splitlines()
    assert lines[0].startswith("service_point_id,name,visits") and lines[-1].startswith("total,")


# Two suites rather than four: starting one takes a while.
def test_users_and_api_keys_made_on_the_command_line_work_at_the_gateway(suite):
    a_user_created_on_the_command_line_logs_in_until_disabled(suite)
    an_api_key_created_on_the_command_line_calls_within_its_scopes_until_revoked(suite)


def next_years_calendar_is_loaded_on_the_command_line(suite, tmp_path):
    shown = [json.loads(line) for line in zhuyu(suite.env, "calendar", "show").stdout.splitlines()]
    assert 2026 in [year["year"] for year in shown], "the shipped year is loaded by the migration"
    arrangement = {"year": 2027, "source": "国务院办公厅关于2027年部分节假日安排的通知（示例）",
                   "holidays": [{"name": "元旦", "from": "2027-01-01", "to": "2027-01-03"}], "workdays": []}
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(arrangement | {"workdays": [{"name": "元旦", "date": "2027-01-05"}]},
                              ensure_ascii=False), encoding="utf-8")
    refused = zhuyu(suite.env, "calendar", "load", str(bad), check=False)
    assert refused.returncode == 1 and "workdays.0" in refused.stderr
    good = tmp_path / "2027.json"
    good.write_text(json.dumps(arrangement, ensure_ascii=False), encoding="utf-8")
    loaded = json.loads(zhuyu(suite.env, "calendar", "load", str(good)).stdout)
    assert (loaded["year"], loaded["holidays"], loaded["workdays"]) == (2027, 3, 0)
    year = requests.get(f"{suite.gateway}/api/v1/calendar/2027", headers={"Authorization": f"Bearer {suite.token()}"},
                        timeout=10)
    assert year.status_code == 200 and [d["date"] for d in year.json()["holidays"]] == [
        "2027-01-01", "2027-01-02", "2027-01-03"]


def test_health_tells_what_is_down_and_the_monthly_report_is_written_to_a_file(suite, tmp_path):
    monthly_report_is_written_to_a_file(suite, tmp_path)
    next_years_calendar_is_loaded_on_the_command_line(suite, tmp_path)
    health_says_which_part_is_down(suite)
