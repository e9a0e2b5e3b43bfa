"""The monthly settlement at a city's scale, on PostgreSQL: 1,000,000 visits checked out in
one month (the worst case: every visit of the store in the month settled), a tenth of them
self-paid, the rest paid by the government across the five subsidy categories, one in
twenty refused at screening (not billed), with prices that change in mid-month, bulk-loaded
with `INSERT … SELECT generate_series` into a schema made by the visits service's own
migrations, then read through its HTTP API as the gateway would call it:
`GET /reports/settlement?month=` for the city, for one point, and as XLSX.

Target: the settlement of the month < 2 s (p99 of the calls). A missed target is explained
(its main query).

Run: `.venv/bin/python -m bench.settlement`; visits with ZHUYU_BENCH_ROWS (1000000).
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import uuid
from pathlib import Path

import psycopg

from bench.common import Timer, private_broker, private_postgres, report
from bench.gateway import wait_http
from bench.store_scale import CPU_MS, SERVER_PIDS, row, sql_array, timed
from kit.broker import free_port
from ops.build import build
from services.visits.domain import SUBSIDY_CATEGORIES

ROWS = int(os.environ.get("ZHUYU_BENCH_ROWS", "1000000"))
POINTS = 10
TARGET_MS = 2000
MONTH, FIRST, DAYS = "2026-10", "2026-10-01", 31


def load(url: str, points: list[str]) -> None:
    categories = sql_array(SUBSIDY_CATEGORIES)
    with psycopg.connect(url) as conn:
        conn.execute("SET synchronous_commit = off")
        conn.execute("INSERT INTO service_points (id, name, active, opening_hours, bath_capacity, safety_reminders, "
                     "sequence) SELECT p, '助浴点' || i, true, '{}', 4, '[]', 1 "
                     "FROM unnest(%s::text[]) WITH ORDINALITY AS t(p, i)", (points,))
        conn.execute(f"""
INSERT INTO visits (id, elder_id, service_point_id, booking_id, status, local_date, screening, assistant_staff_id,
  checked_in_at, bath_started_at, rest_started_at, checked_out_at, early_leave_reason, bath_overrun_alerted, created_at,
  funding_source, funding_category)
SELECT gen_random_uuid()::text, gen_random_uuid()::text, ({sql_array(points)})[1 + n % {POINTS}], NULL,
  CASE WHEN n % 20 = 0 THEN 'refused' ELSE 'checked_out' END, day, '{{"refusal_reasons": [], "warnings": []}}'::json,
  NULL, at, at + interval '5 minutes', at + interval '25 minutes',
  CASE WHEN n % 20 = 0 THEN NULL ELSE at + interval '45 minutes' END, NULL, false, at,
  CASE WHEN n % 10 = 1 THEN 'self_pay' ELSE 'government' END,
  CASE WHEN n % 10 = 1 THEN NULL ELSE ({categories})[1 + n % {len(SUBSIDY_CATEGORIES)}] END
FROM (SELECT n, date '{FIRST}' + (n % {DAYS}) AS day,
             (date '{FIRST}' + (n % {DAYS}) + time '08:30') AT TIME ZONE 'Asia/Shanghai' + (n % 480) * interval '1 minute' AS at
      FROM generate_series(1, {ROWS}) AS n) AS rows
""")
        prices = [("government", c, None, 40 + i, "2026-09-01") for i, c in enumerate(SUBSIDY_CATEGORIES)]
        prices += [("government", "dibao", points[0], 45, "2026-09-01"), ("government", "dibao", None, 42, "2026-10-16")]
        prices += [("self_pay", None, p, 30, "2026-09-01") for p in points]
        prices += [("self_pay", None, points[1], 32, "2026-10-20")]
        for funding, category, point, amount, start in prices:
            conn.execute("INSERT INTO prices (id, funding, category, service_point_id, amount, effective_from, set_by, "
                         "created_at) VALUES (%s, %s, %s, %s, %s, %s, 'bench', now())",
                         (str(uuid.uuid4()), funding, category, point, amount, start))
        conn.commit()
        conn.autocommit = True
        conn.execute("VACUUM ANALYZE visits")


def main() -> None:
    with private_broker() as amqp_url, private_postgres() as pg, tempfile.TemporaryDirectory(prefix="zhuyu-bench-") as var:
        url = pg.create_database("bench_visits")
        port = free_port()
        env = dict(os.environ, AMQP_URL=amqp_url, ZHUYU_VAR_DIR=var, ZHUYU_LOG_LEVEL="WARNING",
                   VISITS_DATABASE_URL=url, VISITS_PORT=str(port), VISITS_URL=f"http://127.0.0.1:{port}",
                   REGISTRATION_URL=f"http://127.0.0.1:{free_port()}")
        os.environ.update(env)
        build("visits").store.migrate()  # the service's own migrations
        points = [str(uuid.uuid4()) for _ in range(POINTS)]
        with Timer() as timer:
            load(url, points)
        report(f"Bulk load of the visits store", [{"rows": ROWS, "load + analyze s": round(timer.seconds, 1)}])

        log = open(Path(var) / "servers.log", "ab")
        server = subprocess.Popen([sys.executable, "-m", "ops.cli", "serve", "visits", "web"], env=env, stdout=log,
                                  stderr=log)
        SERVER_PIDS[port] = server.pid
        try:
            wait_http(port, "/healthz")
            city = [f"/reports/settlement?month={MONTH}"] * 5
            timed(port, city[:1])  # warm
            samples, body = timed(port, city)
            settled = json.loads(body)["totals"]
            billed = ROWS - ROWS // 20
            assert settled["visits"] == billed, (settled["visits"], billed)
            rows = [row("visits", f"GET /reports/settlement, the city's month ({billed:,} visits billed of {ROWS:,})",
                        samples, TARGET_MS)]
            one = [f"/reports/settlement?month={MONTH}&service_point_id={points[0]}"] * 5
            rows.append(row("visits", f"GET /reports/settlement, one point's month (~{billed // POINTS:,} visits)",
                            timed(port, one)[0], TARGET_MS))
            timed(port, [city[0] + "&format=xlsx"])  # warm: the first XLSX imports openpyxl
            rows.append(row("visits", "GET /reports/settlement&format=xlsx, the city's month",
                            timed(port, [city[0] + "&format=xlsx"] * 3)[0], TARGET_MS))
            CPU_MS.clear()
            report(f"The monthly settlement on {ROWS:,} visits (PostgreSQL, one client, direct to the service)", rows)
            print(f"city totals: {settled['visits']:,} visits, {settled['government_visits']:,} government, "
                  f"{settled['self_pay']:,} self-pay; amount {settled['amount']} yuan")
        finally:
            server.terminate()
            try:
                server.wait(timeout=60)
            except subprocess.TimeoutExpired:
                server.kill()
        if any(r["target"].endswith("MISSED") for r in rows):
            with psycopg.connect(url) as conn:
                plan = conn.execute(
                    "EXPLAIN (ANALYZE, BUFFERS) SELECT service_point_id, funding_source, funding_category, local_date, "
                    "count(*) FROM visits WHERE status IN ('checked_out') AND checked_out_at >= %s "
                    "AND checked_out_at < %s GROUP BY 1, 2, 3, 4", (f"{FIRST} 00:00+08", "2026-11-01 00:00+08")).fetchall()
            print("\n".join("   " + line for (line,) in plan))


if __name__ == "__main__":
    main()
