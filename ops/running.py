"""Operators' view of a running suite: `zhuyu health` and `zhuyu reports monthly|settlement`.

Both talk HTTP to the processes as any client would; they need no store of their own.
"""
from __future__ import annotations

import json
import os
import re
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass

from kit import bus, registry
from kit.settings import env, service_url, var_dir

API = "/api/v1"


def gateway_url() -> str:
    return env.str("ZHUYU_GATEWAY_URL", f"http://127.0.0.1:{env.int('GATEWAY_PORT', registry.GATEWAY_PORT)}").rstrip("/")


def broker_url() -> str:
    """The broker `zhuyu run` uses: AMQP_URL, else its private node's port."""
    return env.str("AMQP_URL", "") or f"amqp://guest:guest@127.0.0.1:{env.int('ZHUYU_RABBITMQ_PORT', 5672)}/%2F"


@dataclass(frozen=True)
class Check:
    component: str
    ok: bool
    detail: str


def _get(url: str, timeout: float, headers: dict[str, str] | None = None) -> tuple[int, bytes]:
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def health(timeout: float = 3.0) -> list[Check]:
    """The gateway's own view (GET /api/v1/health), each service's /healthz and the broker."""
    checks: list[Check] = []
    gateway = gateway_url()
    reported: dict = {}
    try:
        status, body = _get(f"{gateway}{API}/health", timeout + 2)
        reported = json.loads(body or b"{}")
        checks.append(Check("gateway", status in (200, 503) and "services" in reported,
                            f"{gateway}{API}/health: {status} {reported.get('status', '?')}"))
    except (OSError, ValueError) as exc:
        checks.append(Check("gateway", False, f"{gateway}: {_reason(exc)}"))
    for name, port in registry.SERVICES.items():
        url = f"{service_url(name, port)}/healthz"
        via_gateway = reported.get("services", {}).get(name)
        try:
            status, _ = _get(url, timeout)
            up = status == 200
            detail = f"{url}: {status}"
        except OSError as exc:
            up, detail = False, f"{url}: {_reason(exc)}"
        if via_gateway is not None:
            detail += f"; ready per gateway: {via_gateway}"
            up = up and via_gateway == "ok"
        checks.append(Check(name, up, detail))
    url = broker_url()
    shown = re.sub(r"//[^@/]*@", "//", url)  # no credentials in the table
    try:
        bus.connect(url, timeout).release()
        up, detail = True, f"{shown}: connected"
    except bus.BROKER_ERRORS as exc:
        up, detail = False, f"{shown}: {_reason(exc)}"
    if "broker" in reported:
        detail += f"; per gateway: {reported['broker']}"
        up = up and reported["broker"] == "ok"
    checks.append(Check("broker", up, detail))
    return checks


def _reason(exc: BaseException) -> str:
    reason = getattr(exc, "reason", None) or exc
    return f"{type(reason).__name__}: {reason}"[:160]


def health_table(checks: list[Check]) -> str:
    width = max(len(c.component) for c in checks)
    lines = [f"{'COMPONENT':<{width}}  STATE  DETAIL"]
    lines += [f"{c.component:<{width}}  {'ok' if c.ok else 'DOWN':<5}  {c.detail}" for c in checks]
    return "\n".join(lines)


class ApiError(Exception):
    pass


def admin_token(username: str, password: str | None) -> str:
    """A bearer token for `username`; the password from the argument, ZHUYU_ADMIN_PASSWORD
    or the file `zhuyu run` wrote on first start."""
    password = password or os.environ.get("ZHUYU_ADMIN_PASSWORD")
    if not password and (var_dir() / "admin-password").exists():
        password = (var_dir() / "admin-password").read_text().strip()
    if not password:
        raise ApiError("no credentials: pass --token, or set ZHUYU_ADMIN_PASSWORD")
    request = urllib.request.Request(f"{gateway_url()}{API}/auth/token", method="POST",
                                     data=json.dumps({"username": username, "password": password}).encode(),
                                     headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=15) as response:
            return json.loads(response.read())["access_token"]
    except urllib.error.HTTPError as error:
        raise ApiError(f"login as {username}: {error.code} {error.read().decode(errors='replace')}") from None
    except OSError as exc:
        raise ApiError(f"gateway {gateway_url()} not reachable: {_reason(exc)}") from None


def monthly_report(token: str, month: str, service_point_id: str | None, fmt: str,
                   lang: str | None = None, kind: str = "monthly") -> tuple[bytes, str]:
    """The monthly complaints report (GET /api/v1/reports/monthly), or with `kind`
    "settlement" the month's settlement of the visits (GET /api/v1/reports/settlement): its
    bytes and the file name the service suggests; with `lang`, the report to read (CSV, XLSX
    with charts)."""
    query = {"month": month, "format": fmt}
    if lang and fmt != "json":
        query["lang"] = lang
    if service_point_id:
        query["service_point_id"] = service_point_id
    url = f"{gateway_url()}{API}/reports/{kind}?{urllib.parse.urlencode(query)}"
    try:
        status, body = _get(url, 60, {"Authorization": f"Bearer {token}"})
    except OSError as exc:
        raise ApiError(f"gateway {gateway_url()} not reachable: {_reason(exc)}") from None
    if status != 200:
        raise ApiError(f"GET {url}: {status} {body.decode(errors='replace')}")
    prefix = "complaints" if kind == "monthly" else kind
    return body, f"{prefix}-{month}-{service_point_id or 'city'}.{fmt}"
