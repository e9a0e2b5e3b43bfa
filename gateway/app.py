"""The gateway: the only public entry. Auth, routing to the services, ids, errors, health,
one OpenAPI document."""
from __future__ import annotations

import dataclasses
import json
import logging
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import jwt
import sqlalchemy as sa
import urllib3
from flask import Flask, Response, abort, g, request
from werkzeug.middleware.proxy_fix import ProxyFix

from gateway import accounts, auth, config, console, me, openapi, permissions
from gateway.catalogue import Catalogue
from gateway.front import PRINCIPAL, Front
from gateway.models import messaging, users
from gateway.proxy import UpstreamUnavailable, Upstreams
from kit import context, logs, tracing
from kit.access import Access
from kit.db import Store
from kit.outbox import Relay
from kit.settings import common_settings
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
    catalogue = Catalogue(upstreams, settings.upstreams, timeout=health_timeout)
    catalogue.load()  # the services that are up now; the others as they come
    merged: dict = {}  # the merged document of the catalogue's current documents
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
        if catalogue.missing:
            catalogue.load()
        # A service whose document is not loaded cannot be routed to yet: down, to clients.
        services = {name: ("ok" if r.get("status") == "ok" and name not in catalogue.missing else "down")
                    for name, r in results.items()}
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
        catalogue.refresh_soon()
        if catalogue.missing:
            return problem(503, "SERVICE_UNAVAILABLE", f"{', '.join(catalogue.missing)} not reachable yet.",
                           headers={"Retry-After": 5})
        if merged.get("of") is not catalogue.documents:
            merged.update(of=catalogue.documents, document=merge_openapi(catalogue.documents))
        return app.json.response(merged["document"])

    @app.get(f"{API}/docs")
    def docs():
        """The API reference, rendered in the browser from openapi.json; no CDN."""
        return app.send_static_file("docs.html")

    console.register(app)
    app.register_blueprint(me.blueprint())

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

    def _json_object() -> dict:
        """The request's body as a JSON object; anything else is 400 MALFORMED_REQUEST."""
        try:
            body = json.loads(request.get_data(cache=True))
        except (ValueError, RecursionError):  # not JSON, not UTF-8, or nested too deep to read
            body = None
        if not isinstance(body, dict):
            abort(400, "The body must be a JSON object.")
        if _lone_surrogate(body):
            abort(400, "The body holds text that is not valid Unicode (a lone surrogate).")
        return body

    def _admin() -> Response | None:
        if g.principal.role != "admin":
            return problem(403, "FORBIDDEN", "Only administrators may do this.")
        return None

    @app.errorhandler(accounts.Invalid)
    def _invalid(error: accounts.Invalid):
        return problem(422, "VALIDATION_FAILED", "Some fields are invalid.", errors=error.errors)

    @app.errorhandler(accounts.Unknown)
    def _unknown(error: accounts.Unknown):
        return problem(404, "NOT_FOUND", f"{str(error)[:1].upper()}{str(error)[1:]}.")

    @app.errorhandler(accounts.Taken)
    def _taken(_error: accounts.Taken):
        return problem(409, "DUPLICATE_USERNAME", "That username is taken.")

    @app.post(f"{API}/users")
    def create_user():
        refused = _admin()
        if refused:
            return refused
        return accounts.create_user(store, _json_object(), settings.min_password_length), 201

    def _page_of(lister) -> Response | dict:
        refused = _admin()
        if refused:
            return refused
        items, next_cursor = lister(store, request.args)
        return {"items": items, "next_cursor": next_cursor}

    @app.get(f"{API}/users")
    def list_users():
        return _page_of(accounts.list_users)

    @app.post(f"{API}/users/<user_id>/disable")
    def disable_user(user_id: str):
        refused = _admin()
        if refused:
            return refused
        user = accounts.disable_user(store, user_id)
        revocations.invalidate()
        return user

    @app.post(f"{API}/users/<user_id>/password")
    def change_password(user_id: str):
        principal = g.principal
        if principal.user_id != user_id and principal.role != "admin":
            return problem(403, "FORBIDDEN", "You may change only your own password.")
        body = _json_object()
        if principal.user_id == user_id:  # a wrong current password counts like a failed login
            try:
                if not auth.check_password(store, throttle, user_id, str(body.get("current_password", "")),
                                           request.remote_addr or ""):
                    return problem(403, "FORBIDDEN", "The current password is wrong.")
            except auth.Locked as locked:
                return _locked(locked)
        accounts.change_password(store, user_id, body, settings.min_password_length)
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
        key, secret = accounts.create_api_key(store, _json_object(), g.principal.user_id)
        revocations.invalidate()
        return key | {"key": secret}, 201

    @app.get(f"{API}/api-keys")
    def list_keys():
        return _page_of(accounts.list_api_keys)

    @app.post(f"{API}/api-keys/<key_id>/revoke")
    def revoke_key(key_id: str):
        refused = _admin()
        if refused:
            return refused
        accounts.revoke_api_key(store, key_id)
        revocations.invalidate()
        return {"id": key_id, "revoked": True}

    @app.route(f"{API}/<path:rest>", methods=["GET", "POST", "PUT", "PATCH", "DELETE"])
    def unknown(rest: str):
        return problem(404, "NOT_FOUND", f"No resource {request.path}.")

    app.wsgi_app = Front(app.wsgi_app, settings, store, upstreams, catalogue, tokens, revocations, throttle)
    if settings.trusted_proxy_hops:
        # Behind load balancers, per-address limits count the client each of them saw.
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=settings.trusted_proxy_hops)
    return app


def _lone_surrogate(document) -> bool:
    """Whether decoded JSON holds a string with a lone surrogate (`"\\ud800"`), which no
    store or hash can take. A loop, not recursion: JSON may nest as deep as the decoder let it."""
    todo = [document]
    while todo:
        value = todo.pop()
        if isinstance(value, str):
            if any(0xD800 <= ord(c) <= 0xDFFF for c in value):
                return True
        elif isinstance(value, dict):
            todo += [*value.keys(), *value.values()]
        elif isinstance(value, list):
            todo += value
    return False


def merge_openapi(documents: dict[str, dict]) -> dict:
    """One document: every service's public paths under /api/v1 (each operation with the
    access it declares; internal ones left out), schema names prefixed by service."""
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
            item = {method: operation for method, operation in item.items()
                    if method == "parameters" or _routed(operation)}
            if set(item) - {"parameters"}:
                merged["paths"][API + path] = item
    merged["paths"][f"{API}/auth/token"] = {"post": {
        "summary": "Exchange a username and password for a bearer token", "security": [],
        "requestBody": {"required": True, "content": {"application/json": {"schema": {
            "type": "object", "required": ["username", "password"],
            "properties": {"username": {"type": "string"}, "password": {"type": "string"}}}}}},
        "responses": {"200": {"description": "A token"}, "401": {"description": "Wrong credentials"}}}}
    merged["paths"].update(me.OPENAPI_PATHS)
    merged["paths"][f"{API}/health"] = {"get": {"summary": "Each service's and the broker's state", "security": [],
                                                "responses": {"200": {"description": "All up"},
                                                              "503": {"description": "Something is down"}}}}
    return openapi.teach(merged)


def _routed(operation: dict) -> bool:
    """Whether the gateway routes an operation (an internal one is for the suite only)."""
    declared = Access.from_document(operation)
    return declared is None or not declared.internal


def start_relay(stop: threading.Event | None = None) -> threading.Thread:
    """Publishes the gateway's events (`gateway.events`: keys revoked, users disabled) from
    its outbox, in a thread of each web worker (until `stop`, for tests); the relay's lease
    lets one at a time."""
    common = dataclasses.replace(common_settings("gateway"), relay_poll_seconds=config.load().relay_poll_seconds)
    relay = Relay(build_store(), messaging, common)
    thread = threading.Thread(target=relay.run, args=(stop or threading.Event(),), name="gateway-relay",
                              daemon=True)
    thread.start()
    return thread


def prepare(settings: config.Settings | None = None) -> None:
    """Once before the web workers start (`zhuyu serve gateway`): the store's schema and
    the first admin."""
    settings = settings or config.load()
    store = build_store()
    store.prepare_schema()
    auth.ensure_admin(store, settings.admin_password)
    store.dispose()
