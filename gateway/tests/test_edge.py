"""The gateway's edge in-process: malformed input, the circuit breaker, sessions and logins,
idempotency, response headers and the access trail."""
from __future__ import annotations

import base64
import hashlib
import json
import socket
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timedelta, timezone

import jwt
import pytest
import sqlalchemy as sa
from flask_smorest import Blueprint
from werkzeug.serving import make_server
from werkzeug.wrappers import Response

from gateway import auth, front, models
from gateway.proxy import Breaker, UpstreamUnavailable, Upstreams
from kit.access import EVERYONE, access
from kit.broker import free_port
from kit.db import Store
from kit.logs import JsonFormatter
from kit.web import create_app

POINT = "0f5b6d30-0000-4000-8000-00000000000a"
ELDER = "781f3e96-0000-4000-8000-00000000000b"

DEEP = '{"username": "admin", "password": "x", "a": ' + "[" * 5000 + "]" * 5000 + "}"


# --- malformed input ---------------------------------------------------------------------

@pytest.mark.parametrize("body", [DEEP, '{"username": "\\ud800", "password": "x"}', '{"username": '])
def test_the_login_endpoint_answers_unreadable_json_with_400(edge, body):
    gateway = edge()
    response = gateway.post("/api/v1/auth/token", data=body, headers={"Content-Type": "application/json"})
    assert (response.status_code, response.get_json()["code"]) == (400, "MALFORMED_REQUEST")


@pytest.mark.parametrize("path", ["/api/v1/users", "/api/v1/api-keys"])
def test_the_gateways_own_writes_answer_unreadable_json_with_400(edge, path):
    gateway = edge()
    for body in (DEEP, '{"name": "\\udc00"}'):
        response = gateway.post(path, data=body, headers=gateway.bearer() | {"Content-Type": "application/json"})
        assert (response.status_code, response.get_json()["code"]) == (400, "MALFORMED_REQUEST")


def test_media_types_are_case_insensitive_at_the_gateway(edge, upstream):
    gateway = edge()
    response = gateway.post("/api/v1/complaints", data=json.dumps({"a": 1}),
                            headers=gateway.bearer() | {"Content-Type": "APPLICATION/JSON; charset=UTF-8"})
    assert response.status_code == 201 and upstream.calls[-1][1] == "/complaints"


def test_an_error_inside_the_front_is_a_problem_not_a_server_page(edge, monkeypatch):
    gateway = edge()
    headers = gateway.bearer()

    def broken(*_args):
        raise RuntimeError("boom")

    monkeypatch.setattr(front.permissions, "permits", broken)
    response = gateway.get("/api/v1/elders", headers=headers)
    assert response.status_code == 500 and response.mimetype == "application/problem+json"
    assert response.get_json()["code"] == "INTERNAL_ERROR" and response.headers["X-Request-ID"]


# --- the circuit breaker -----------------------------------------------------------------

class Dropping:
    """An upstream that drops the connection on /bad… (as a service does when it cannot
    send what it made) and answers anything else."""

    def __init__(self):
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self.listener.getsockname()[1]}"
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self):
        while True:
            try:
                conn, _ = self.listener.accept()
            except OSError:
                return
            threading.Thread(target=self._answer, args=(conn,), daemon=True).start()

    @staticmethod
    def _answer(conn):
        with conn:
            while request := conn.recv(65536):
                if request.split(b" ")[1].startswith(b"/bad"):
                    return
                conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}")


def test_one_callers_failing_requests_never_open_the_breaker_for_everyone():
    upstream = Dropping()
    upstreams = Upstreams({"complaints": upstream.url}, 0.5, 2.0, 4, breaker_threshold=3, breaker_cool_down=60)
    for _ in range(12):
        with pytest.raises(UpstreamUnavailable):
            upstreams.request("complaints", "GET", "/bad?month=2%EF%BC%9026-11", None, {}, caller="mallory")
    assert upstreams.request("complaints", "GET", "/complaints", None, {}, caller="alice").status == 200
    upstream.listener.close()


def test_failures_from_several_callers_or_to_connect_open_the_breaker():
    breaker = Breaker(threshold=3, cool_down=60)
    for caller in ("a", "a", "b", "b"):
        breaker.failed(caller, reached=True)
    assert breaker.allows()
    breaker.failed("c", reached=True)
    assert not breaker.allows()

    breaker = Breaker(threshold=3, cool_down=60)
    for _ in range(3):
        breaker.failed("a", reached=False)  # the service cannot be reached at all
    assert not breaker.allows()


# --- sessions and logins -----------------------------------------------------------------

USER_PASSWORD = "right-password-123"


def make_user(gateway, name="clerk", role="cs_agent") -> str:
    response = gateway.post("/api/v1/users", headers=gateway.bearer(),
                            json={"username": name, "password": USER_PASSWORD, "role": role})
    assert response.status_code == 201, response.get_json()
    return response.get_json()["id"]


def failures_counted(gateway, name: str) -> int:
    with gateway.store.begin() as session:
        return session.execute(sa.select(sa.func.coalesce(sa.func.sum(models.login_failures.c.failures), 0))
                               .where(models.login_failures.c.username == name)).scalar()


def test_parallel_wrong_passwords_are_each_counted(edge, database_urls):
    gateway = edge(database_url=database_urls("gateway"), max_login_failures=5)
    make_user(gateway)
    start = threading.Barrier(10)

    def guess(n):
        client = gateway.application.test_client()
        start.wait()
        return client.post("/api/v1/auth/token", json={"username": "clerk", "password": f"wrong-{n}"}).status_code

    with ThreadPoolExecutor(10) as pool:
        statuses = list(pool.map(guess, range(10)))
    assert set(statuses) <= {401, 429} and failures_counted(gateway, "clerk") == 10
    locked = gateway.login(username="clerk", password=USER_PASSWORD)
    assert (locked.status_code, locked.get_json()["code"]) == (429, "ACCOUNT_LOCKED")


def test_a_strangers_wrong_passwords_lock_only_the_strangers_source(edge, database_urls):
    gateway = edge(database_url=database_urls("gateway"), max_login_failures=3)
    make_user(gateway)
    for _ in range(3):
        assert gateway.login(username="clerk", password="wrong", address="10.9.9.9").status_code == 401
    assert gateway.login(username="clerk", password=USER_PASSWORD, address="10.9.9.9").status_code == 429
    assert gateway.login(username="clerk", password=USER_PASSWORD, address="127.0.0.1").status_code == 200


def test_a_success_does_not_erase_failures_counted_while_it_was_checked(edge, database_urls, monkeypatch):
    gateway = edge(database_url=database_urls("gateway"), max_login_failures=3)
    make_user(gateway)
    checking, release = threading.Event(), threading.Event()
    verify = auth._verify

    def slow_right_password(hash_, password):
        if password == USER_PASSWORD and not release.is_set():
            checking.set()
            release.wait(10)
        return verify(hash_, password)

    monkeypatch.setattr(auth, "_verify", slow_right_password)
    with ThreadPoolExecutor(1) as pool:
        success = pool.submit(gateway.application.test_client().post, "/api/v1/auth/token",
                              json={"username": "clerk", "password": USER_PASSWORD})
        assert checking.wait(10)
        for _ in range(3):
            assert gateway.login(username="clerk", password="wrong").status_code == 401
        release.set()
        assert success.result().status_code == 200
    assert failures_counted(gateway, "clerk") == 3
    assert gateway.login(username="clerk", password=USER_PASSWORD).status_code == 429


def test_an_admin_can_unlock_an_account(edge):
    gateway = edge(max_login_failures=2)
    user = make_user(gateway)
    for _ in range(2):
        gateway.login(username="clerk", password="wrong")
    assert gateway.login(username="clerk", password=USER_PASSWORD).status_code == 429
    make_user(gateway, name="colleague")
    colleague = gateway.bearer(username="colleague", password=USER_PASSWORD)
    assert gateway.post(f"/api/v1/users/{user}/unlock", headers=colleague).status_code == 403
    unlocked = gateway.post(f"/api/v1/users/{user}/unlock", headers=gateway.bearer())
    assert unlocked.status_code == 200 and unlocked.get_json()["unlocked"] is True
    assert gateway.login(username="clerk", password=USER_PASSWORD).status_code == 200


def test_a_password_change_ends_every_token_of_the_user_in_every_worker_within_seconds(edge, database_urls):
    gateway = edge(database_url=database_urls("gateway"), revocation_refresh_seconds=1.0)
    other_worker = gateway.application.test_client()
    make_user(gateway)
    first, second = (gateway.bearer(username="clerk", password=USER_PASSWORD) for _ in range(2))
    refreshed = gateway.post("/api/v1/auth/refresh", headers=first)
    assert refreshed.status_code == 200
    third = {"Authorization": f"Bearer {refreshed.get_json()['access_token']}"}
    for headers in (first, second, third):
        assert other_worker.get("/api/v1/complaints", headers=headers).status_code == 200
    me = gateway.get("/api/v1/users", headers=gateway.bearer()).get_json()["items"][-1]["id"]
    changed = gateway.post(f"/api/v1/users/{me}/password", headers=first,
                           json={"current_password": USER_PASSWORD, "new_password": "another-password-456"})
    assert changed.status_code == 200
    time.sleep(1.5)
    for headers in (first, second, third):
        assert gateway.get("/api/v1/complaints", headers=headers).status_code == 401
        assert other_worker.get("/api/v1/complaints", headers=headers).status_code == 401
    assert gateway.login(username="clerk", password="another-password-456").status_code == 200


def test_refresh_never_extends_a_session_past_its_maximum_from_login(edge):
    gateway = edge(session_max_hours=2 / 3600)
    make_user(gateway)
    login = gateway.login(username="clerk", password=USER_PASSWORD).get_json()
    logged_in = jwt.decode(login["access_token"], options={"verify_signature": False})["iat"]
    headers = {"Authorization": f"Bearer {login['access_token']}"}
    refreshed = gateway.post("/api/v1/auth/refresh", headers=headers)
    assert refreshed.status_code == 200
    claims = jwt.decode(refreshed.get_json()["access_token"], options={"verify_signature": False})
    assert claims["exp"] <= logged_in + 2 and refreshed.get_json()["expires_in"] <= 2
    time.sleep(2.5)
    again = gateway.post("/api/v1/auth/refresh",
                         headers={"Authorization": f"Bearer {refreshed.get_json()['access_token']}"})
    assert again.status_code == 401


def test_wrong_current_passwords_count_toward_the_login_throttle(edge, database_urls):
    gateway = edge(database_url=database_urls("gateway"), max_login_failures=3)
    make_user(gateway)
    headers = gateway.bearer(username="clerk", password=USER_PASSWORD)
    me = gateway.get("/api/v1/users", headers=gateway.bearer()).get_json()["items"][-1]["id"]
    statuses = [gateway.post(f"/api/v1/users/{me}/password", headers=headers,
                             json={"current_password": f"guess-{n}", "new_password": "another-password-456"}
                             ).status_code for n in range(4)]
    assert statuses == [403, 403, 403, 429]
    assert gateway.login(username="clerk", password=USER_PASSWORD).status_code == 429


# --- rate limits -------------------------------------------------------------------------

def test_answers_to_an_authenticated_caller_carry_ratelimit_headers(edge):
    gateway = edge(rate_limit_user="7 per minute")
    headers = gateway.bearer()
    answers = [gateway.get("/api/v1/elders", headers=headers) for _ in range(2)]
    assert [a.headers["RateLimit-Limit"] for a in answers] == ["7", "7"]
    assert [a.headers["RateLimit-Remaining"] for a in answers] == ["6", "5"]
    assert 1 <= int(answers[1].headers["RateLimit-Reset"]) <= 60
    own = gateway.get("/api/v1/users", headers=headers)  # the gateway's own endpoints too
    assert own.headers["RateLimit-Remaining"] == "4"
    assert "RateLimit-Limit" not in gateway.get("/healthz").headers


def test_requests_with_bad_credentials_are_rate_limited_per_address(edge):
    gateway = edge(rate_limit_bad_credentials="3 per minute")
    bad = {"Authorization": "Bearer not-a-token"}
    statuses = [gateway.get("/api/v1/elders", headers=bad).status_code for _ in range(4)]
    assert statuses == [401, 401, 401, 429]
    assert gateway.get("/api/v1/elders", headers={"X-API-Key": "zk_unknown"}).status_code == 429
    elsewhere = gateway.get("/api/v1/elders", headers=bad, environ_base={"REMOTE_ADDR": "10.1.2.3"})
    assert elsewhere.status_code == 401


def test_when_the_rate_limit_store_is_down_requests_go_through_and_it_is_logged(edge, caplog):
    from kit.broker import free_port

    gateway = edge(rate_limit_storage_uri=f"redis://127.0.0.1:{free_port()}/0", rate_limit_user="1 per minute")
    headers = gateway.bearer()
    with caplog.at_level("WARNING", logger="gateway.limits"):
        statuses = [gateway.get("/api/v1/elders", headers=headers).status_code for _ in range(3)]
    assert statuses == [200, 200, 200]
    assert any("rate-limit store unreachable" in record.getMessage() for record in caplog.records)


# --- idempotency -------------------------------------------------------------------------

def test_an_idempotency_key_over_200_characters_is_refused_not_cut(edge, upstream):
    gateway = edge()
    headers = gateway.bearer()
    calls = len(upstream.calls)
    long = gateway.post("/api/v1/complaints", headers=headers | {"Idempotency-Key": "k" * 201}, json={"a": 1})
    assert (long.status_code, long.get_json()["code"]) == (422, "VALIDATION_FAILED")
    assert "Idempotency-Key" in long.get_json()["errors"] and len(upstream.calls) == calls
    assert gateway.post("/api/v1/complaints", headers=headers | {"Idempotency-Key": "k" * 200},
                        json={"a": 1}).status_code == 201


def test_the_gateways_own_posts_honour_the_idempotency_key(edge, database_urls):
    gateway = edge(database_url=database_urls("gateway"))
    headers = gateway.bearer()
    body = {"name": "社区站", "scopes": ["elders:read"]}
    first = gateway.post("/api/v1/api-keys", headers=headers | {"Idempotency-Key": "key-1"}, json=body)
    again = gateway.post("/api/v1/api-keys", headers=headers | {"Idempotency-Key": "key-1"}, json=body)
    assert first.status_code == again.status_code == 201 and again.headers["Idempotent-Replayed"] == "true"
    assert again.get_json()["id"] == first.get_json()["id"] and again.get_json()["key"] is None  # shown once
    with gateway.store.begin() as session:
        assert session.execute(sa.select(sa.func.count()).select_from(models.api_keys)).scalar() == 1
    user = {"username": "desk1", "password": USER_PASSWORD, "role": "cs_agent"}
    made = [gateway.post("/api/v1/users", headers=headers | {"Idempotency-Key": "user-1"}, json=user) for _ in range(2)]
    assert [m.status_code for m in made] == [201, 201] and made[0].get_json() == made[1].get_json()


def test_anonymous_callers_do_not_share_idempotency_keys(edge, upstream):
    gateway = edge()
    key = {"Idempotency-Key": "same"}

    def answer(address, token, score):
        return gateway.post(f"/api/v1/surveys/by-token/{token}", headers=key, json={"score": score},
                            environ_base={"REMOTE_ADDR": address})

    assert answer("10.0.0.1", "link-a", 5).status_code == 201
    assert answer("10.0.0.2", "link-a", 4).status_code == 201  # another client, same key: its own
    assert answer("10.0.0.1", "link-b", 3).status_code == 201  # another link, same key: its own
    replay = answer("10.0.0.1", "link-a", 5)
    assert replay.status_code == 201 and replay.headers["Idempotent-Replayed"] == "true"


def test_old_idempotency_records_are_purged_on_a_schedule(edge):
    gateway = edge(idempotency_hours=1.0)
    with gateway.store.begin() as session:
        session.execute(models.idempotency.insert().values(
            principal="someone", key="old", request_hash="x", status=201, body=b"{}",
            created_at=datetime.now(timezone.utc) - timedelta(hours=2)))
    front_app = gateway.application.wsgi_app
    front_app.next_purge = 0.0
    gateway.get("/healthz")
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        with gateway.store.begin() as session:
            if not session.execute(sa.select(sa.func.count()).select_from(models.idempotency)).scalar():
                break
        time.sleep(0.05)
    else:
        pytest.fail("the old record is still there")


# --- response headers --------------------------------------------------------------------

def test_api_answers_are_not_cached_sniffed_or_framed(edge):
    gateway = edge()
    headers = gateway.bearer()
    for answer in (gateway.get("/api/v1/elders", headers=headers), gateway.get("/api/v1/users", headers=headers),
                   gateway.get("/api/v1/elders"), gateway.get("/healthz")):
        assert answer.headers["X-Content-Type-Options"] == "nosniff"
        assert answer.headers["X-Frame-Options"] == "DENY"
        assert answer.headers["Cache-Control"] == "no-store"
        assert "frame-ancestors 'none'" in answer.headers["Content-Security-Policy"]
        assert "Server" not in answer.headers


def test_the_api_reference_page_runs_only_its_own_script(edge):
    page = edge().get("/api/v1/docs")
    policy = page.headers["Content-Security-Policy"]
    script = page.get_data(as_text=True).split("<script>")[1].split("</script>")[0]
    digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
    assert f"script-src 'sha256-{digest}'" in policy and "unsafe-inline" not in policy


def test_the_openapi_document_stays_public(edge, upstream):
    upstream.answer = lambda request: Response(json.dumps({"openapi": "3.0.3", "paths": {}}),
                                               content_type="application/json")
    assert edge().get("/api/v1/openapi.json").status_code == 200


# --- the access trail --------------------------------------------------------------------

def test_a_request_through_the_gateway_leaves_an_access_line_at_each_end_joined_by_request_id(edge, tmp_path,
                                                                                              caplog):
    elders = Blueprint("elders", __name__)

    @elders.get("/elders/<elder_id>")
    @access(EVERYONE)
    def one(elder_id):
        return {"id": elder_id}

    service = create_app("registration", Store(f"sqlite:///{tmp_path / 'r.db'}", tmp_path), [elders], None, None)
    server = make_server("127.0.0.1", 0, service, threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        url = f"http://127.0.0.1:{server.server_port}"
        dead = f"http://127.0.0.1:{free_port()}"
        gateway = edge(upstreams={"registration": url, "visits": dead, "complaints": dead, "notify": dead})
        created = gateway.post("/api/v1/users", headers=gateway.bearer(), json={
            "username": "point-a", "password": USER_PASSWORD, "role": "point_admin", "service_point_id": POINT})
        headers = gateway.bearer(username="point-a", password=USER_PASSWORD) | {"X-Request-ID": "trail-1"}
        with caplog.at_level("INFO", logger="zhuyu.access"):
            assert gateway.get(f"/api/v1/elders/{ELDER}", headers=headers).status_code == 200
    finally:
        server.shutdown()
    formatter = JsonFormatter("any")
    lines = [json.loads(formatter.format(record)) for record in caplog.records if record.name.startswith("zhuyu.access")]
    mine = [line for line in lines if line["request_id"] == "trail-1"]
    assert sorted(line["logger"] for line in mine) == ["zhuyu.access.gateway", "zhuyu.access.registration"]
    at = {line["logger"].rsplit(".", 1)[1]: line for line in mine}
    assert at["gateway"]["route"] == "/api/v1/elders/{id}" and at["registration"]["route"] == "/elders/<elder_id>"
    for line in mine:
        assert (line["method"], line["status"], line["user"], line["role"], line["point"]) == \
            ("GET", 200, created.get_json()["id"], "point_admin", POINT)
        assert line["duration_ms"] >= 0 and ELDER not in json.dumps(line)


def test_access_lines_never_carry_raw_ids(edge, caplog):
    gateway = edge()
    with caplog.at_level("INFO", logger="zhuyu.access"):
        gateway.get(f"/api/v1/elders/by-card/CARD{ELDER[:8]}")
        gateway.post(f"/api/v1/surveys/by-token/TOKEN{ELDER[:8]}", json={"score": 5})
        gateway.get(f"/api/v1/users/{ELDER}", headers={"X-API-Key": "zk_nothing"})
    routes = [record.route for record in caplog.records if record.name == "zhuyu.access.gateway"]
    assert routes == ["/api/v1/elders/by-card/{card}", "/api/v1/surveys/by-token/{token}", "/api/v1/users/{id}"]


@pytest.mark.parametrize("stored", [-1, 0, "abc", "5 per second"])
def test_a_keys_unusable_stored_rate_limit_falls_back_to_the_default_instead_of_failing(edge, stored):
    gateway = edge(rate_limit_key_per_minute=4)
    created = gateway.post("/api/v1/api-keys", headers=gateway.bearer(), json={"name": "old", "scopes": ["elders:read"]})
    with gateway.store.begin() as session:
        session.execute(models.api_keys.update().values(rate_limit_per_minute=stored))
    key = {"X-API-Key": created.get_json()["key"]}
    answers = [gateway.get("/api/v1/elders", headers=key) for _ in range(5)]
    assert [a.status_code for a in answers] == [200, 200, 200, 200, 429]
    assert answers[0].headers["RateLimit-Limit"] == "4"


def test_made_up_methods_do_not_each_add_a_metric_series(edge):
    """Hostile clients send any token as the method (HTTP allows it); each new label set of
    the request counters is memory the worker keeps for its whole life."""
    from kit import metrics

    client = edge()
    for n in range(40):
        response = client.open("/api/v1/service-points", method=f"FUZZ{n}X")
        assert response.status_code in (401, 429)  # refused, then limited as bad credentials
        assert response.headers["Content-Type"].startswith("application/problem+json")
    methods = {sample.labels["method"] for family in metrics.instruments().http_requests.collect()
               for sample in family.samples if sample.labels.get("service") == "gateway"}
    assert not any(method.startswith("FUZZ") for method in methods), sorted(methods)
    assert "other" in methods


def test_every_answer_to_a_key_tells_its_rate_limit(edge):
    """Success, refusal by scope, an unknown path, a bad body and the 429 itself: a partner
    can pace itself from any answer."""
    gateway = edge(rate_limit_key_per_minute=5)
    created = gateway.post("/api/v1/api-keys", headers=gateway.bearer(), json={"name": "站", "scopes": ["elders:read"]})
    key = {"X-API-Key": created.get_json()["key"]}
    answers = [gateway.get("/api/v1/elders", headers=key),
               gateway.get("/api/v1/complaints", headers=key),
               gateway.get("/api/v1/no-such-thing", headers=key),
               gateway.post("/api/v1/elders", headers=key, json={"bogus": 1}),
               gateway.get("/api/v1/elders", headers=key),
               gateway.get("/api/v1/elders", headers=key)]
    assert [a.status_code for a in answers] == [200, 403, 404, 403, 200, 429]
    assert [a.headers["RateLimit-Limit"] for a in answers] == ["5"] * 6
    assert [a.headers["RateLimit-Remaining"] for a in answers] == ["4", "3", "2", "1", "0", "0"]
    assert all(1 <= int(a.headers["RateLimit-Reset"]) <= 60 for a in answers)
    assert answers[-1].headers["Retry-After"] == answers[-1].headers["RateLimit-Reset"]
