"""`zhuyu demo` / `make demo`: a small demo city loaded through the public API.

Three service points, their staff, twenty elders with assessments and commitments,
bookings for tomorrow, a visit and a complaint, all through the gateway as a client would.
"""
from __future__ import annotations

import json
import os
import random
import sys
import time
import urllib.error
import urllib.request
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from kit.settings import env, timezone_name, var_dir
from ops.idnumbers import id_number

WEEK = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
POINTS = [("西湖区文新助浴点", "西湖区"), ("拱墅区米市巷助浴点", "拱墅区"), ("上城区湖滨助浴点", "上城区")]
SURNAMES = "张王李赵刘陈杨黄周吴"
GIVEN = ("秀英", "桂兰", "玉兰", "建国", "德明", "淑珍", "志强", "凤英", "国华", "美华")

class Client:
    def __init__(self, base: str):
        self.base = base.rstrip("/") + "/api/v1"
        self.token = None

    def call_when_known(self, method: str, path: str, body: dict, timeout: float = 30) -> dict:
        """Services learn of new records through events: a 404 right after creation is retried."""
        deadline = time.monotonic() + timeout
        while True:
            try:
                return self.call(method, path, body, quiet_404=True)
            except LookupError:
                if time.monotonic() > deadline:
                    raise SystemExit(f"{method} {path}: still unknown after {timeout}s") from None
                time.sleep(0.3)

    def call(self, method: str, path: str, body: dict | None = None, quiet_404: bool = False) -> dict:
        request = urllib.request.Request(self.base + path, method=method,
                                         data=json.dumps(body).encode() if body is not None else None,
                                         headers={"Content-Type": "application/json"})
        if self.token:
            request.add_header("Authorization", f"Bearer {self.token}")
        try:
            with urllib.request.urlopen(request, timeout=15) as response:
                return json.loads(response.read() or b"{}")
        except urllib.error.HTTPError as error:
            if quiet_404 and error.code == 404:
                raise LookupError(path) from None
            detail = error.read().decode(errors="replace")
            raise SystemExit(f"{method} {path} → {error.code}: {detail}") from None


def main() -> int:
    base = env.str("ZHUYU_GATEWAY_URL", f"http://127.0.0.1:{env.int('GATEWAY_PORT', 8080)}")
    password = os.environ.get("ZHUYU_ADMIN_PASSWORD")
    if not password and (var_dir() / "admin-password").exists():
        password = (var_dir() / "admin-password").read_text().strip()
    if not password:
        print("error: set ZHUYU_ADMIN_PASSWORD (or run `make run` first, which writes var/admin-password)",
              file=sys.stderr)
        return 2
    client = Client(base)
    client.token = client.call("POST", "/auth/token", {"username": "admin", "password": password})["access_token"]
    rng = random.Random(2026)
    tz = ZoneInfo(timezone_name())
    tomorrow = datetime.now(tz).date() + timedelta(days=1)
    serial = 0
    bookings = []
    for point_index, (name, district) in enumerate(POINTS):
        point = client.call("POST", "/service-points", {
            "name": name, "address": f"杭州市{district}", "district": district, "bath_capacity": 3, "rest_seats": 8,
            "opening_hours": {day: [["08:30", "11:30"], ["14:00", "17:00"]] for day in WEEK[:6]},
            "safety_reminders": ["地面湿滑，请扶好扶手", "水温不超过40度"]})
        admin = client.call("POST", "/staff", {
            "name": f"{SURNAMES[point_index]}站长", "gender": "female", "roles": ["point_admin"],
            "service_point_id": point["id"], "phone": f"1370000{point_index:04d}", "experience_years": 6,
            "care_training": {"completed_on": "2023-06-01"},
            "health_certificate": {"number": f"HC-{point_index}", "issued_on": "2026-01-10", "expires_on": "2027-01-09"}})
        for gender in ("female", "male"):
            client.call("POST", "/staff", {
                "name": f"{rng.choice(SURNAMES)}助浴员", "gender": gender, "roles": ["bathing_assistant"],
                "service_point_id": point["id"], "phone": f"1380000{serial:04d}", "experience_years": 3,
                "care_training": {"completed_on": "2024-03-01"},
                "health_certificate": {"number": f"HB-{point_index}-{gender}", "issued_on": "2026-02-01",
                                       "expires_on": "2027-01-31"}})
        for _ in range(7):
            serial += 1
            male = rng.random() < 0.4
            birth = date(rng.randint(1930, 1956), rng.randint(1, 12), rng.randint(1, 28))
            elder = client.call("POST", "/elders", {
                "name": rng.choice(SURNAMES) + rng.choice(GIVEN), "gender": "male" if male else "female",
                "birth_date": birth.isoformat(), "id_number": id_number(birth, male, serial),
                "citizen_card_no": f"HZ{serial:08d}", "phone": f"139{serial:08d}" if serial % 4 else None,
                "address": f"{district}某小区{serial}幢", "district": district, "service_point_id": point["id"],
                "emergency_contacts": [{"name": "家属", "relation": "child", "phone": f"136{serial:08d}"}],
                "chronic_conditions": ["高血压"] if serial % 3 == 0 else []})
            client.call("POST", f"/elders/{elder['id']}/assessments", {
                "level": rng.choice([2, 2, 3, 1]), "assessed_on": (date.today() - timedelta(days=45)).isoformat(), "assessor": "社区评估员",
                "reference": f"EV-{serial}"})
            client.call("POST", f"/elders/{elder['id']}/safety-commitments", {
                "signer_name": "本人", "signer_relation": "self", "text_version": env.str(
                    "ZHUYU_SAFETY_COMMITMENT_VERSION", "v1"), "witness_staff_id": admin["id"]})
            if tomorrow.weekday() < 6 and serial % 2:
                bookings.append({"elder_id": elder["id"], "service_point_id": point["id"],
                                 "slot_start": (datetime.combine(tomorrow, datetime.min.time(), tz).replace(hour=9)
                                                + timedelta(minutes=30 * (serial % 4))).isoformat()})
        client.call("POST", "/complaints", {
            "channel": "phone", "type": "complaint", "category": "waiting_time", "service_point_id": point["id"],
            "complainant": {"name": "市民", "phone": "13900000000"}, "content": "排队时间较长，希望增加预约名额。"})
    for booking in bookings:
        client.call_when_known("POST", "/bookings", booking)
    print(f"Demo city loaded: {len(POINTS)} service points, {serial} elders. Gateway: {base}/api/v1")
    return 0
