"""The stores at a city's scale, on PostgreSQL: 1,000,000 elders in the registration store
and 1,000,000 visits in the visits store (and 1,000,000 complaints, for the monthly report
the contract names: `GET /reports/monthly`, the same figures as `/stats/complaints`),
bulk-loaded with `INSERT … SELECT generate_series` into schemas made by the services' own
migrations, then read through each service's HTTP API as the gateway would call it.

Registration stores ID numbers and citizen card numbers as given (normalised, neither
encrypted nor hashed; a card is looked up by equality on its unique index), so the load
writes them the same way: valid 18-character ID numbers (MOD 11-2 check digit, birth date
and gender that agree), unique card numbers.

Targets: lookup by citizen card p99 < 20 ms; the monthly report and the dashboard's
per-point figures of a city's month (`/visits/figures/points`, `/stats/points`) < 2 s. A missed target is
profiled (pyinstrument, in process) and its main query explained.

Run: `.venv/bin/python -m bench.store_scale`; rows with ZHUYU_BENCH_ROWS (1000000).
"""
from __future__ import annotations

import http.client
import json
import os
import random
import subprocess
import sys
import tempfile
import time
import uuid
from datetime import date, timedelta
from pathlib import Path

import psycopg

from bench.common import Timer, identity_headers, percentiles, private_broker, private_postgres, report
from bench.gateway import wait_http
from bench.stack import cpu_ms, load_average
from kit import registry
from kit.broker import free_port
from ops.build import build
from ops.idnumbers import check_character_sql
from services.complaints import domain as complaints_domain
from services.registration.domain import id_check_digit

ROWS = int(os.environ.get("ZHUYU_BENCH_ROWS", "1000000"))
POINTS = 10
CARD_TARGET_MS, REPORT_TARGET_MS = 20, 2000


def sql_array(values) -> str:
    return "ARRAY[" + ",".join(f"'{v}'" for v in values) + "]"


def load_registration(url: str, points: list[str]) -> None:
    now = "timestamptz '2025-01-01 00:00+00'"
    with psycopg.connect(url) as conn:
        conn.execute("SET synchronous_commit = off")
        conn.execute("INSERT INTO service_points (id, name, address, district, bath_capacity, rest_seats, opening_hours, "
                     "safety_reminders, active, created_at, updated_at) SELECT p, '助浴点' || i, '文三路' || i || '号', "
                     "'西湖区', 4, 8, '{}', '[]', true, now(), now() FROM unnest(%s::text[]) WITH ORDINALITY AS t(p, i)",
                     (points,))
        conn.execute(f"""
INSERT INTO elders (id, name, gender, birth_date, id_number, citizen_card_no, previous_citizen_card_nos, phone,
  phone_is_mobile, address, district, service_point_id, emergency_contacts, chronic_conditions, medications,
  allergies, notes, same_gender_assistant, language, status, status_reason, latest_assessment_level,
  safety_commitment_version, consents, created_at, updated_at)
SELECT gen_random_uuid()::text, (ARRAY['张','王','李','赵','陈','刘','杨','黄'])[1 + n % 8] || n,
  CASE WHEN seq % 2 = 1 THEN 'male' ELSE 'female' END, born,
  f17 || {check_character_sql("f17")},
  'HZ' || lpad(n::text, 10, '0'), '[]', '139' || lpad((n % 100000000)::text, 8, '0'), true,
  '杭州市西湖区文三路' || (n % 500) || '号', '西湖区', ({sql_array(points)})[1 + n % {len(points)}],
  '[{{"name": "李明", "relation": "son", "phone": "13800001111"}}]', '["hypertension"]', '[]', '[]', '', false,
  'zh-CN', 'active', NULL, 2, 'v1', '{{"health_data": null, "sms": null, "third_party_sharing": null}}',
  {now} + n * interval '20 seconds', {now} + n * interval '20 seconds'
FROM (SELECT n, seq, born, '110105' || to_char(born, 'YYYYMMDD') || lpad(seq::text, 3, '0') AS f17
      FROM (SELECT n, n / 9000 AS seq, date '1930-01-01' + (n % 9000) AS born
            FROM generate_series(1, {ROWS}) AS n) AS base) AS rows
""")
        conn.execute("INSERT INTO citizen_cards (card_no, elder_id, given_at) "
                     "SELECT citizen_card_no, id, created_at FROM elders")
        conn.commit()
        conn.autocommit = True
        conn.execute("VACUUM ANALYZE elders")
        sample = conn.execute("SELECT id_number, birth_date, gender FROM elders TABLESAMPLE SYSTEM (1) LIMIT 500").fetchall()
    for id_number, born, gender in sample:  # written as the service would write them
        assert id_check_digit(id_number[:17]) == id_number[17], id_number
        assert id_number[6:14] == f"{born:%Y%m%d}" and (int(id_number[16]) % 2 == 1) == (gender == "male")


def load_visits(url: str, points: list[str], first_day: date) -> None:
    with psycopg.connect(url) as conn:
        conn.execute("SET synchronous_commit = off")
        conn.execute(f"""
INSERT INTO visits (id, elder_id, service_point_id, booking_id, status, local_date, screening, assistant_staff_id,
  checked_in_at, bath_started_at, rest_started_at, checked_out_at, early_leave_reason, bath_overrun_alerted, created_at)
SELECT gen_random_uuid()::text, gen_random_uuid()::text, ({sql_array(points)})[1 + n % {len(points)}], NULL,
  CASE WHEN n % 20 = 0 THEN 'refused' ELSE 'checked_out' END, day,
  CASE WHEN n % 20 = 0 THEN '{{"refusal_reasons": ["ALCOHOL"], "warnings": []}}'::json
       ELSE '{{"refusal_reasons": [], "warnings": []}}'::json END,
  gen_random_uuid()::text, at, at + interval '5 minutes', at + interval '25 minutes', at + interval '45 minutes',
  NULL, false, at
FROM (SELECT n, date '{first_day}' + (n % 365) AS day,
             (date '{first_day}' + (n % 365) + time '08:30') AT TIME ZONE 'Asia/Shanghai' + (n % 480) * interval '1 minute' AS at
      FROM generate_series(1, {ROWS}) AS n) AS rows
""")
        conn.commit()
        conn.autocommit = True
        conn.execute("VACUUM ANALYZE visits")


def load_complaints(url: str, points: list[str], first_day: date) -> None:
    d = complaints_domain
    with psycopg.connect(url) as conn:
        conn.execute("SET synchronous_commit = off")
        conn.execute(f"""
INSERT INTO complaints (id, channel, type, category, service_point_id, elder_id, complainant, content, attachments,
  severity, status, owner_staff_id, escalation_level, overdue, follow_ups, last_follow_up_at, resolution, received_at,
  resolved_at, reopened_at, closed_at, created_at)
SELECT gen_random_uuid()::text, ({sql_array(d.CHANNELS)})[1 + n % {len(d.CHANNELS)}],
  ({sql_array(d.TYPES)})[1 + n % {len(d.TYPES)}], ({sql_array(d.CATEGORIES)})[1 + n % {len(d.CATEGORIES)}],
  ({sql_array(points)})[1 + n % {len(points)}], NULL, '{{"name": "李先生", "phone": "13800002222"}}', '等待时间太长',
  '[]', 'normal', 'closed', NULL, 0, false, 0, NULL, '已处理', at, at + interval '3 hours', NULL, at + interval '1 day', at
FROM (SELECT n, (date '{first_day}' + (n % 365) + time '09:00') AT TIME ZONE 'Asia/Shanghai' + (n % 600) * interval '1 minute' AS at
      FROM generate_series(1, {ROWS}) AS n) AS rows
""")
        conn.execute("""
INSERT INTO deadlines (complaint_id, name, starts_at, due_at, met_at)
SELECT id, 'first_reply', received_at, received_at + interval '24 hours',
       received_at + CASE WHEN random() < 0.97 THEN interval '2 hours' ELSE interval '30 hours' END
FROM complaints
""")
        conn.commit()
        conn.autocommit = True
        conn.execute("VACUUM ANALYZE complaints")
        conn.execute("VACUUM ANALYZE deadlines")


SERVICE_OF_PORT: dict[int, str] = {}  # port → the service listening there
SERVER_PIDS: dict[int, int] = {}  # port → the pid of the gunicorn master serving it
CPU_MS: list[float] = []  # the last timed() run's server CPU per call


def timed(port: int, paths: list[str], expect: int = 200) -> tuple[list[float], bytes]:
    """Each call's wall time, one after the other on one keep-alive connection; the
    server's CPU per call (immune to other work on the machine) is left in CPU_MS."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    samples, body = [], b""
    cpu_before = cpu_ms(SERVER_PIDS[port])
    for path in paths:
        started = time.perf_counter()
        conn.request("GET", path, headers=identity_headers(SERVICE_OF_PORT[port], "GET", path))
        response = conn.getresponse()
        body = response.read()
        samples.append((time.perf_counter() - started) * 1000)
        if response.status != expect:
            raise RuntimeError(f"GET {path}: {response.status} {body[:300]!r}")
    conn.close()
    CPU_MS[:] = [(cpu_ms(SERVER_PIDS[port]) - cpu_before) / len(paths)]
    return samples, body


def row(store: str, call: str, samples: list[float], target: float | None = None) -> dict:
    figures = percentiles(samples)
    verdict = "" if target is None else ("met" if figures["p99"] < target else "MISSED")
    return {"store": store, "call": call, "n": len(samples), "p50 ms": figures["p50"], "p95 ms": figures["p95"],
            "p99 ms": figures["p99"], "max ms": round(max(samples), 1),
            "server CPU ms/call": round(CPU_MS[0], 1) if CPU_MS else "",
            "target": f"p99 < {target:.0f} ms: {verdict}" if target else ""}


def profile(service: str, path: str) -> None:
    """One request in process under pyinstrument: where the time goes."""
    from pyinstrument import Profiler

    app = build(service).app()
    client = app.test_client()
    client.get(path, headers=identity_headers(service, "GET", path))  # warm: first-request set-up is not the subject
    headers = identity_headers(service, "GET", path)
    profiler = Profiler(interval=0.001)
    profiler.start()
    response = client.get(path, headers=headers)
    profiler.stop()
    assert response.status_code == 200, response.status_code
    text = profiler.output_text(unicode=False, color=False, show_all=False)
    print(f"\n-- profile of GET {path} ({service}), in process:")
    print("\n".join(text.splitlines()[:45]))


def explain(url: str, sql: str, params: tuple) -> None:
    with psycopg.connect(url) as conn:
        plan = conn.execute("EXPLAIN (ANALYZE, BUFFERS) " + sql, params).fetchall()
    print("-- its main query:", sql % tuple(repr(p) for p in params))
    print("\n".join("   " + line for (line,) in plan))


def main() -> None:
    with private_broker() as amqp_url, private_postgres() as pg, tempfile.TemporaryDirectory(prefix="zhuyu-bench-") as var:
        names = ("registration", "visits", "complaints")
        urls = {name: pg.create_database(f"bench_{name}") for name in names}
        ports = {name: free_port() for name in names}
        SERVICE_OF_PORT.update({port: name for name, port in ports.items()})
        env = dict(os.environ, AMQP_URL=amqp_url, ZHUYU_VAR_DIR=var, ZHUYU_LOG_LEVEL="WARNING")
        for name in names:
            env[f"{name.upper()}_DATABASE_URL"] = urls[name]
            env[f"{name.upper()}_PORT"] = str(ports[name])
            env[f"{name.upper()}_URL"] = f"http://127.0.0.1:{ports[name]}"
        os.environ.update(env)
        for name in names:
            build(name).store.migrate()  # the services' own migrations

        points = [str(uuid.uuid4()) for _ in range(POINTS)]
        today = date.today()
        first_day = today - timedelta(days=365)
        loads = []
        for name, loader in (("registration", lambda: load_registration(urls["registration"], points)),
                             ("visits", lambda: load_visits(urls["visits"], points, first_day)),
                             ("complaints", lambda: load_complaints(urls["complaints"], points, first_day))):
            with Timer() as timer:
                loader()
            loads.append({"store": name, "rows": ROWS, "load + analyze s": round(timer.seconds, 1)})
        report(f"Bulk load, {ROWS:,} rows per store", loads)

        log = open(Path(var) / "servers.log", "ab")
        servers = [subprocess.Popen([sys.executable, "-m", "ops.cli", "serve", name, "web"], env=env, stdout=log,
                                    stderr=log) for name in names]
        SERVER_PIDS.update({ports[name]: server.pid for name, server in zip(names, servers)})
        try:
            for name in names:
                wait_http(ports[name], "/healthz")
            rng = random.Random(7)
            rows = []
            cards = [f"/elders?citizen_card_no=HZ{rng.randint(1, ROWS):010d}" for _ in range(2000)]
            timed(ports["registration"], cards[:100])
            samples, body = timed(ports["registration"], cards)
            assert len(json.loads(body)["items"]) == 1
            rows.append(row("registration", f"GET /elders?citizen_card_no= (1 of {ROWS:,}, random)", samples, CARD_TARGET_MS))
            by_id = json.loads(body)["items"][0]["id"]
            rows.append(row("registration", "GET /elders/{id} (with the read audit row)",
                            timed(ports["registration"], [f"/elders/{by_id}"] * 300)[0]))
            rows.append(row("registration", "GET /elders?limit=50 (first page)",
                            timed(ports["registration"], ["/elders?limit=50"] * 300)[0]))
            cursor_pages, path = [], "/elders?limit=50"
            conn = http.client.HTTPConnection("127.0.0.1", ports["registration"], timeout=60)
            for _ in range(300):  # walk 300 pages deep along the cursor
                started = time.perf_counter()
                conn.request("GET", path, headers=identity_headers("registration", "GET", path))
                page = json.loads(conn.getresponse().read())
                cursor_pages.append((time.perf_counter() - started) * 1000)
                path = f"/elders?limit=50&cursor={page['next_cursor']}"
            conn.close()
            CPU_MS.clear()
            rows.append(row("registration", "GET /elders?limit=50&cursor= (pages 1-300)", cursor_pages))
            rows.append(row("registration", "GET /elders?service_point_id=&limit=50",
                            timed(ports["registration"], [f"/elders?service_point_id={p}&limit=50" for p in points] * 30)[0]))
            names_q = [f"/elders?q=%E5%BC%A0{rng.randint(1, 99999)}&limit=50" for _ in range(30)]
            rows.append(row("registration", "GET /elders?q=<name prefix>&limit=50", timed(ports["registration"], names_q)[0]))

            days = [first_day + timedelta(days=rng.randint(0, 364)) for _ in range(50)]
            figures = [f"/visits/daily-figures?service_point_id={rng.choice(points)}&date={d}" for d in days]
            rows.append(row("visits", "GET /visits/daily-figures (a point's day, ~274 visits)",
                            timed(ports["visits"], figures)[0]))
            rows.append(row("visits", "GET /visits?service_point_id=&date=&limit=50",
                            timed(ports["visits"], [f"/visits?service_point_id={rng.choice(points)}&date={d}&limit=50"
                                                    for d in days])[0]))
            month_days = [today.replace(day=1) - timedelta(days=1)]
            last_month = month_days[0].strftime("%Y-%m")
            month_first = month_days[0].replace(day=1)
            point_month = [f"/visits/figures?service_point_id={points[0]}&from={month_first}&to={month_days[0]}"] * 5
            city_month = [f"/visits/figures?from={month_first}&to={month_days[0]}"] * 3
            timed(ports["visits"], point_month[:1])
            rows.append(row("visits", f"GET /visits/figures, one point's month (~{ROWS // 12 // POINTS:,} visits)",
                            timed(ports["visits"], point_month)[0], REPORT_TARGET_MS))
            rows.append(row("visits", f"GET /visits/figures, the city's month (~{ROWS // 12:,} visits)",
                            timed(ports["visits"], city_month)[0], REPORT_TARGET_MS))
            by_point = [f"/visits/figures/points?from={month_first}&to={month_days[0]}"] * 3
            rows.append(row("visits", f"GET /visits/figures/points, the city's month per point and day "
                                      f"(~{ROWS // 12:,} visits)", timed(ports["visits"], by_point)[0],
                            REPORT_TARGET_MS))

            city = [f"/reports/monthly?month={last_month}"] * 3
            point_report = [f"/reports/monthly?month={last_month}&service_point_id={points[0]}"] * 5
            timed(ports["complaints"], point_report[:1])
            rows.append(row("complaints", f"GET /reports/monthly, one point ({ROWS // 12 // POINTS:,} complaints)",
                            timed(ports["complaints"], point_report)[0], REPORT_TARGET_MS))
            rows.append(row("complaints", f"GET /reports/monthly, the city ({ROWS // 12:,} complaints)",
                            timed(ports["complaints"], city)[0], REPORT_TARGET_MS))
            per_point = [f"/stats/points?from={month_first}&to={month_days[0]}"] * 3
            rows.append(row("complaints", f"GET /stats/points, the city's month per point ({ROWS // 12:,} complaints)",
                            timed(ports["complaints"], per_point)[0], REPORT_TARGET_MS))
            report(f"Reads on {ROWS:,} elders, {ROWS:,} visits, {ROWS:,} complaints (PostgreSQL, one client, "
                   f"direct to each service)", rows)
            print(f"load average {load_average()}")
        finally:
            for server in servers:
                server.terminate()
            for server in servers:
                try:
                    server.wait(timeout=60)
                except subprocess.TimeoutExpired:
                    server.kill()

        missed = [r for r in rows if r["target"].endswith("MISSED")]
        for r in missed:
            if r["call"].startswith("GET /elders?citizen_card_no"):
                profile("registration", cards[0])
                explain(urls["registration"], "SELECT * FROM elders WHERE citizen_card_no = %s "
                        "ORDER BY created_at, id LIMIT 51", (cards[0].split("=")[1],))
            elif r["store"] == "complaints" and "city" in r["call"]:
                profile("complaints", city[0])
                start = date.fromisoformat(last_month + "-01")
                explain(urls["complaints"], "SELECT * FROM complaints WHERE received_at >= %s AND received_at < %s",
                        (f"{start} 00:00+08", f"{month_days[0] + timedelta(days=1)} 00:00+08"))
            elif r["store"] == "complaints":
                profile("complaints", point_report[0])


if __name__ == "__main__":
    main()
