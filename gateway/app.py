"""The gateway: the only public entry. Auth, routing to the services, ids, errors, health,
one OpenAPI document."""
from __future__ import annotations

import json
import logging
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import jwt
import sqlalchemy as sa
import urllib3
from flask import Flask, Response, g, request

from gateway import auth, config, console, permissions
from gateway.front import PRINCIPAL, ROUTES, Front
from gateway.models import api_keys, users
from gateway.proxy import UpstreamUnavailable, Upstreams
from kit import context, logs, tracing
from kit.db import Store
from kit.types import utcnow
from kit.web import problem, refuse_unreadable_json

log = logging.getLogger("gateway")
API = "/api/v1"

def build_store() -> Store:
    return Store(config.load().database_url, Path(__file__).resolve().parent / "migrations")


def create_app(settings: config.Settings | None = None) -> Flask:
    settings = settings or config.load()
    tracing.configure("gateway")
    app = Flask("gateway")
    app.config["MAX_CONTENT_LENGTH"] = 1024 * 1024
    app.json.ensure_ascii = False
    store = Store(settings.database_url, Path(__file__).resolve().parent / "migrations")
    upstreams = Upstreams(settings.upstreams, settings.upstream_connect_timeout,
                          settings.upstream_read_timeout, settings.upstream_pool_size,
                          settings.breaker_threshold, settings.breaker_cool_down_seconds)
    health_timeout = urllib3.Timeout(connect=0.5, read=2.0)
    openapi_cache: dict = {}
    revocations = auth.Revocations(store, settings.revocation_refresh_seconds)
    tokens = auth.TokenCache(settings.jwt_secret)
    throttle = auth.Throttle(store, settings.max_login_failures, settings.lockout_seconds)
    session_max = int(settings.session_max_hours * 3600)

    def _token(principal: auth.Principal) -> dict:
        token = auth.issue_token(principal, settings.jwt_secret, settings.token_ttl_seconds, session_max)
        expires = jwt.decode(token, options={"verify_signature": False})["exp"] - int(time.time())
        return {"access_token": token, "token_type": "Bearer", "expires_in": max(expires, 0), "role": principal.role,
                "service_point_id": principal.service_point_id}

    @app.before_request
    def _caller():
        g.principal = request.environ.get(PRINCIPAL)  # identified by the front

    app.before_request(refuse_unreadable_json)

    @app.after_request
    def _stamp(response: Response) -> Response:
        response.headers["X-Request-ID"] = context.request_id.get() or ""
        return response

    @app.errorhandler(Exception)
    def _error(error):
        from werkzeug.exceptions import HTTPException

        if isinstance(error, HTTPException) and error.response is not None:
            return error.response  # already a problem (the rate limiter's breach answer)
        if isinstance(error, HTTPException):
            code = {400: "MALFORMED_REQUEST", 404: "NOT_FOUND", 405: "METHOD_NOT_ALLOWED",
                    413: "PAYLOAD_TOO_LARGE"}.get(error.code or 500, "ERROR")
            return problem(error.code or 500, code, error.description or "")
        log.exception("unhandled error")
        return problem(500, "INTERNAL_ERROR", "An unexpected error occurred; it has been logged.")

    @app.post(f"{API}/auth/token")
    def token():
        body = request.get_json(silent=True)
        if not isinstance(body, dict):
            return problem(400, "MALFORMED_REQUEST", "The body must be a JSON object.")
        username, password = body.get("username"), body.get("password")
        errors = {name: ["Missing or not a string."] for name, value in (("username", username), ("password", password))
                  if not isinstance(value, str) or not value}
        if errors:
            return problem(422, "VALIDATION_FAILED", "Some fields are invalid.", errors=errors)
        try:
            principal = auth.authenticate(store, throttle, username, password, request.remote_addr or "")
        except auth.Locked as locked:
            return _locked(locked)
        if principal is None:
            return problem(401, "INVALID_CREDENTIALS", "Wrong username or password.")
        return _token(principal)

    def _locked(locked: auth.Locked) -> Response:
        return problem(429, "ACCOUNT_LOCKED", "Too many wrong passwords from this address; try again later.",
                       headers={"Retry-After": locked.seconds})

    def _ready(name: str) -> tuple[str, dict]:
        try:
            response = upstreams.request(name, "GET", "/readyz", None, {"X-Request-ID": context.request_id.get() or ""},
                                         timeout=health_timeout)
            return name, json.loads(response.data or b"{}") | {"http_status": response.status}
        except (UpstreamUnavailable, ValueError):
            return name, {"status": "down", "checks": {}}

    pool = ThreadPoolExecutor(max_workers=len(settings.upstreams), thread_name_prefix="health")

    @app.get(f"{API}/health")
    def health():
        results = dict(pool.map(_ready, settings.upstreams))
        services = {name: ("ok" if r.get("status") == "ok" else "down") for name, r in results.items()}
        broker_states = [r.get("checks", {}).get("broker") for r in results.values()]
        broker = "ok" if broker_states and all(s == "ok" for s in broker_states) else "down"
        ok = all(s == "ok" for s in services.values()) and broker == "ok"
        body = {"status": "ok" if ok else "down", "services": services, "broker": broker}
        response = app.json.response(body)
        response.status_code = 200 if ok else 503
        if not ok:
            response.headers["Retry-After"] = "5"
        return response

    @app.get(f"{API}/openapi.json")
    def openapi():
        now = time.monotonic()
        if not openapi_cache or now - openapi_cache["at"] > 60:
            documents = {}
            for name in settings.upstreams:
                try:
                    documents[name] = json.loads(upstreams.request(name, "GET", "/openapi.json", None, {}).data)
                except (UpstreamUnavailable, ValueError):
                    return problem(503, "SERVICE_UNAVAILABLE", f"{name} is not reachable.", headers={"Retry-After": 5})
            openapi_cache.update(doc=merge_openapi(documents), at=now)
        return app.json.response(openapi_cache["doc"])

    @app.get(f"{API}/docs")
    def docs():
        """The API reference, rendered in the browser from openapi.json; no CDN."""
        return app.send_static_file("docs.html")

    console.register(app)

    @app.get("/healthz")
    def healthz():
        return {"status": "ok", "service": "gateway"}

    @app.post(f"{API}/auth/refresh")
    def refresh():
        """A new token for the same login session, which ends ZHUYU_SESSION_MAX_HOURS after
        the login however often it is refreshed."""
        principal = g.principal
        if principal.role == permissions.API_CLIENT:
            return problem(403, "FORBIDDEN", "API keys do not take tokens.")
        if time.time() >= (principal.logged_in_at or 0) + session_max:
            return problem(401, "SESSION_EXPIRED", "This login session is over; log in again.",
                           headers={"WWW-Authenticate": "Bearer"})
        return _token(principal)

    def _body() -> dict:
        body = request.get_json(silent=True)
        return body if isinstance(body, dict) else {}

    def _admin() -> Response | None:
        if g.principal.role != "admin":
            return problem(403, "FORBIDDEN", "Only administrators may do this.")
        return None

    def _user_view(row) -> dict:
        return {"id": row.id, "username": row.username, "role": row.role, "service_point_id": row.service_point_id,
                "staff_id": row.staff_id, "disabled": row.disabled, "created_at": row.created_at.isoformat()}

    @app.post(f"{API}/users")
    def create_user():
        refused = _admin()
        if refused:
            return refused
        body = _body()
        errors = {}
        if not isinstance(body.get("username"), str) or not 3 <= len(body["username"]) <= 64:
            errors["username"] = ["3 to 64 characters."]
        if not isinstance(body.get("password"), str) or len(body["password"]) < settings.min_password_length:
            errors["password"] = [f"At least {settings.min_password_length} characters."]
        if body.get("role") not in permissions.ROLES:
            errors["role"] = [f"One of {', '.join(permissions.ROLES)}."]
        if errors:
            return problem(422, "VALIDATION_FAILED", "Some fields are invalid.", errors=errors)
        try:
            user_id = auth.create_user(store, body["username"], body["password"], body["role"],
                                       body.get("service_point_id"), body.get("staff_id"))
        except sa.exc.IntegrityError:
            return problem(409, "DUPLICATE_USERNAME", "That username is taken.")
        with store.begin() as session:
            row = session.execute(sa.select(users).where(users.c.id == user_id)).first()
        return _user_view(row), 201

    @app.get(f"{API}/users")
    def list_users():
        refused = _admin()
        if refused:
            return refused
        with store.begin() as session:
            rows = session.execute(sa.select(users).order_by(users.c.created_at)).all()
        return {"items": [_user_view(r) for r in rows], "next_cursor": None}

    @app.post(f"{API}/users/<user_id>/disable")
    def disable_user(user_id: str):
        refused = _admin()
        if refused:
            return refused
        with store.begin() as session:
            if not session.execute(users.update().where(users.c.id == user_id).values(disabled=True)).rowcount:
                return problem(404, "NOT_FOUND", f"No user {user_id}.")
            row = session.execute(sa.select(users).where(users.c.id == user_id)).first()
        revocations.invalidate()
        return _user_view(row)

    @app.post(f"{API}/users/<user_id>/password")
    def change_password(user_id: str):
        principal = g.principal
        body = _body()
        new = body.get("new_password")
        if principal.user_id != user_id and principal.role != "admin":
            return problem(403, "FORBIDDEN", "You may change only your own password.")
        if principal.user_id == user_id:  # a wrong current password counts like a failed login
            try:
                if not auth.check_password(store, throttle, user_id, str(body.get("current_password", "")),
                                           request.remote_addr or ""):
                    return problem(403, "FORBIDDEN", "The current password is wrong.")
            except auth.Locked as locked:
                return _locked(locked)
        if not isinstance(new, str) or len(new) < settings.min_password_length:
            return problem(422, "VALIDATION_FAILED", "Some fields are invalid.",
                           errors={"new_password": [f"At least {settings.min_password_length} characters."]})
        auth.set_password(store, user_id, new)
        revocations.invalidate()  # every token of the user ends (other workers within seconds)
        return {"id": user_id, "changed": True}

    @app.post(f"{API}/users/<user_id>/unlock")
    def unlock_user(user_id: str):
        """Lifts every login lock of the user, from whatever address."""
        refused = _admin()
        if refused:
            return refused
        with store.begin() as session:
            username = session.execute(sa.select(users.c.username).where(users.c.id == user_id)).scalar()
        if username is None:
            return problem(404, "NOT_FOUND", f"No user {user_id}.")
        throttle.unlock(username)
        return {"id": user_id, "unlocked": True}

    @app.post(f"{API}/api-keys")
    def create_key():
        refused = _admin()
        if refused:
            return refused
        body = _body()
        scopes = body.get("scopes")
        errors = {}
        if not isinstance(body.get("name"), str) or not body["name"]:
            errors["name"] = ["Required."]
        if not isinstance(scopes, list) or not scopes or any(s not in permissions.SCOPES for s in scopes):
            errors["scopes"] = [f"A list of: {' '.join(permissions.SCOPES)}."]
        if errors:
            return problem(422, "VALIDATION_FAILED", "Some fields are invalid.", errors=errors)
        key_id, key = auth.create_api_key(store, body["name"], scopes, body.get("service_point_id"),
                                          body.get("rate_limit_per_minute"), g.principal.user_id)
        revocations.invalidate()
        return {"id": key_id, "key": key, "name": body["name"], "scopes": scopes}, 201

    @app.post(f"{API}/api-keys/<key_id>/revoke")
    def revoke_key(key_id: str):
        refused = _admin()
        if refused:
            return refused
        with store.begin() as session:
            if not session.execute(api_keys.update().where(api_keys.c.id == key_id, api_keys.c.revoked_at.is_(None))
                                   .values(revoked_at=utcnow())).rowcount:
                return problem(404, "NOT_FOUND", f"No active API key {key_id}.")
        revocations.invalidate()
        return {"id": key_id, "revoked": True}

    @app.route(f"{API}/<path:rest>", methods=["GET", "POST", "PUT", "PATCH", "DELETE"])
    def unknown(rest: str):
        return problem(404, "NOT_FOUND", f"No resource {request.path}.")

    app.wsgi_app = Front(app.wsgi_app, settings, store, upstreams, tokens, revocations, throttle)
    return app


def merge_openapi(documents: dict[str, dict]) -> dict:
    """One document: every service's paths under /api/v1, schema names prefixed by service."""
    merged = {
        "openapi": "3.0.3",
        "info": {"title": "Zhuyu API", "version": "1"},
        "servers": [{"url": "/"}],
        "paths": {},
        "components": {"schemas": {}, "securitySchemes": {
            "bearer": {"type": "http", "scheme": "bearer"},
            "apiKey": {"type": "apiKey", "in": "header", "name": "X-API-Key"}}},
        "security": [{"bearer": []}, {"apiKey": []}],
    }
    for name, document in documents.items():
        prefix = name.capitalize()
        text = json.dumps(document)
        for schema in document.get("components", {}).get("schemas", {}):
            text = text.replace(f'"#/components/schemas/{schema}"', f'"#/components/schemas/{prefix}{schema}"')
        document = json.loads(text)
        for section, entries in document.get("components", {}).items():
            for name, body in entries.items():
                if section == "schemas":
                    merged["components"]["schemas"][f"{prefix}{name}"] = body
                else:  # shared responses and parameters (the same problem+json everywhere)
                    merged["components"].setdefault(section, {}).setdefault(name, body)
        for path, item in document.get("paths", {}).items():
            if path.startswith("/") and path.split("/")[1] in ROUTES:
                merged["paths"][API + path] = item
    merged["paths"][f"{API}/auth/token"] = {"post": {
        "summary": "Exchange a username and password for a bearer token", "security": [],
        "requestBody": {"required": True, "content": {"application/json": {"schema": {
            "type": "object", "required": ["username", "password"],
            "properties": {"username": {"type": "string"}, "password": {"type": "string"}}}}}},
        "responses": {"200": {"description": "A token"}, "401": {"description": "Wrong credentials"}}}}
    merged["paths"][f"{API}/health"] = {"get": {"summary": "Each service's and the broker's state", "security": [],
                                                "responses": {"200": {"description": "All up"},
                                                              "503": {"description": "Something is down"}}}}
    return merged


def serve() -> None:
    from kit.web_server import serve as gunicorn_serve

    settings = config.load()
    logs.configure("gateway", settings.log_level)

    def prepare() -> None:
        store = build_store()
        store.migrate()
        auth.ensure_admin(store, settings.admin_password)
        store.dispose()

    gunicorn_serve(create_app, settings.port, "GATEWAY", on_starting=prepare)
