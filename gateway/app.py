"""The gateway: the only public entry. Auth, routing to the services, ids, errors, health,
one OpenAPI document."""
from __future__ import annotations

import json
import logging
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import urllib3
from flask import Flask, Response, g, request

from gateway import auth, config
from gateway.proxy import DROP_RESPONSE, FORWARD_REQUEST, UpstreamUnavailable, Upstreams
from kit import context, logs
from kit.db import Store
from kit.web import problem

log = logging.getLogger("gateway")
API = "/api/v1"

# First path segment under /api/v1 → the service that owns it.
ROUTES = {
    "service-points": "registration", "staff": "registration", "elders": "registration",
    "subsidy-applications": "registration", "audit": "registration",
    "bookings": "visits", "visits": "visits", "follow-up-plans": "visits", "follow-ups": "visits",
    "complaints": "complaints", "surveys": "complaints", "calls": "complaints", "stats": "complaints",
    "reports": "complaints",
    "notifications": "notify", "webhooks": "notify", "recipients": "notify",
}
PUBLIC = {("POST", f"{API}/auth/token"), ("GET", f"{API}/health"), ("GET", f"{API}/openapi.json")}


def build_store() -> Store:
    return Store(config.load().database_url, Path(__file__).resolve().parent / "migrations")


def create_app(settings: config.Settings | None = None) -> Flask:
    settings = settings or config.load()
    app = Flask("gateway")
    app.config["MAX_CONTENT_LENGTH"] = 1024 * 1024
    app.json.ensure_ascii = False
    store = Store(settings.database_url, Path(__file__).resolve().parent / "migrations")
    upstreams = Upstreams(settings.upstreams, settings.upstream_connect_timeout,
                          settings.upstream_read_timeout, settings.upstream_pool_size)
    health_timeout = urllib3.Timeout(connect=0.5, read=2.0)
    openapi_cache: dict = {}

    @app.before_request
    def _begin():
        rid = context.clean_id(request.headers.get("X-Request-ID"))
        context.request_id.set(rid)
        context.correlation_id.set(rid)
        context.traceparent.set(context.clean_traceparent(request.headers.get("traceparent")) or context.new_traceparent())
        g.principal = None
        if (request.method, request.path) in PUBLIC or request.method == "OPTIONS":
            return None
        header = request.headers.get("Authorization", "")
        if not header.startswith("Bearer "):
            return problem(401, "UNAUTHORIZED", "A bearer token is required.", headers={"WWW-Authenticate": "Bearer"})
        principal = auth.verify_token(header[7:].strip(), settings.jwt_secret)
        if principal is None:
            return problem(401, "UNAUTHORIZED", "The token is invalid or expired.", headers={"WWW-Authenticate": "Bearer"})
        g.principal = principal
        return None

    @app.after_request
    def _stamp(response: Response) -> Response:
        response.headers["X-Request-ID"] = context.request_id.get() or ""
        return response

    @app.errorhandler(Exception)
    def _error(error):
        from werkzeug.exceptions import HTTPException

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
        principal = auth.authenticate(store, username, password)
        if principal is None:
            return problem(401, "INVALID_CREDENTIALS", "Wrong username or password.")
        return {
            "access_token": auth.issue_token(principal, settings.jwt_secret, settings.token_ttl_seconds),
            "token_type": "Bearer",
            "expires_in": settings.token_ttl_seconds,
            "role": principal.role,
            "service_point_id": principal.service_point_id,
        }

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

    @app.route(f"{API}/<path:rest>", methods=["GET", "POST", "PUT", "PATCH", "DELETE"])
    def forward(rest: str):
        service = ROUTES.get(rest.split("/", 1)[0])
        if service is None:
            return problem(404, "NOT_FOUND", f"No resource {request.path}.")
        principal = g.principal
        headers = {k: v for k, v in request.headers.items() if k.lower() in FORWARD_REQUEST}
        headers["X-Request-ID"] = context.request_id.get() or ""
        headers["traceparent"] = context.traceparent.get() or ""
        headers["X-Zhuyu-User"] = principal.user_id
        headers["X-Zhuyu-Role"] = principal.role
        if principal.service_point_id:
            headers["X-Zhuyu-Point"] = principal.service_point_id
        if principal.staff_id:
            headers["X-Zhuyu-Staff"] = principal.staff_id
        path = "/" + rest + (("?" + request.query_string.decode("latin-1")) if request.query_string else "")
        body = request.get_data() if request.method in ("POST", "PUT", "PATCH") else None
        try:
            upstream = upstreams.request(service, request.method, path, body, headers)
        except UpstreamUnavailable:
            log.warning("upstream unavailable", extra={"upstream": service})
            return problem(503, "SERVICE_UNAVAILABLE", f"The {service} service is not reachable; try again shortly.",
                           headers={"Retry-After": 5})
        response = Response(upstream.data, status=upstream.status)
        for key, value in upstream.headers.items():
            if key.lower() not in DROP_RESPONSE:
                response.headers[key] = value
        return response

    return app


def merge_openapi(documents: dict[str, dict]) -> dict:
    """One document: every service's paths under /api/v1, schema names prefixed by service."""
    merged = {
        "openapi": "3.0.3",
        "info": {"title": "Zhuyu API", "version": "1"},
        "servers": [{"url": "/"}],
        "paths": {},
        "components": {"schemas": {}, "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}}},
        "security": [{"bearer": []}],
    }
    for name, document in documents.items():
        prefix = name.capitalize()
        text = json.dumps(document)
        for schema in document.get("components", {}).get("schemas", {}):
            text = text.replace(f'"#/components/schemas/{schema}"', f'"#/components/schemas/{prefix}{schema}"')
        document = json.loads(text)
        for schema, body in document.get("components", {}).get("schemas", {}).items():
            merged["components"]["schemas"][f"{prefix}{schema}"] = body
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
