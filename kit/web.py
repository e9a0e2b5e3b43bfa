"""The HTTP side every service shares: app factory, problem+json errors, request ids,
liveness and readiness."""
from __future__ import annotations

import contextlib
import logging
import time
from http import HTTPStatus
from typing import Any, Callable, Iterable, TypeVar

import marshmallow as ma
from flask import Flask, Response, current_app, g, jsonify, request
from flask_smorest import Api, Blueprint
from sqlalchemy.orm import Session
from werkzeug.exceptions import HTTPException

from kit import access, bus, context, identity, jsonbody, metrics, tracing
from kit.openapi import OperationIds
from kit.caller import Caller
from kit.db import UNAVAILABLE, Store
from kit.errors import DomainError, Forbidden, Invalid, NotFound, Unavailable
from kit.settings import identity_secret

log = logging.getLogger("kit.web")

PROBLEM = "application/problem+json"
T = TypeVar("T")
# What a service answers without an identity: probes, metrics (by address) and its OpenAPI
# document (the gateway's table is built from it); none holds a person's data.
OPEN_PATHS = frozenset({"/healthz", "/readyz", "/metrics", "/openapi.json"})
BODY_METHODS = frozenset({"POST", "PUT", "PATCH"})


# --- What an endpoint reaches: the caller, the use cases, a unit of work ----------------

def caller() -> Caller:
    """Who is calling, as the gateway (or another part of the suite) vouched for it in the
    request's verified identity (`kit.identity`)."""
    return g.caller


class Identities:
    """Verifies each request's identity for the service `audience`; the secret is read
    when the first request comes (an app built only for its document never needs it)."""

    def __init__(self, audience: str):
        self.audience = audience
        self._secret: str | None = None

    @property
    def secret(self) -> str:
        if self._secret is None:
            self._secret = identity_secret()
        return self._secret

    def of_request(self) -> Caller:
        """The caller of the current request; raises identity.Unverified."""
        environ = request.environ
        return identity.verify(
            request.headers.get(identity.HEADER), self.secret, audience=self.audience, method=request.method,
            target=identity.target(environ.get("PATH_INFO", ""), environ.get("QUERY_STRING", "")),
            request_id=request.headers.get("X-Request-ID", ""),
            body=request.get_data(cache=True) if request.method in BODY_METHODS else b"")


def declared_access() -> access.Access | None:
    """The access the matched operation declares (None: no route matched, or nothing declared)."""
    rule = request.url_rule
    if rule is None:
        return None
    view = current_app.view_functions.get(rule.endpoint)
    view_class = getattr(view, "view_class", None)
    method = "get" if request.method == "HEAD" else request.method.lower()
    func = getattr(view_class, method, None) if view_class else view
    return access.declared(func) if func is not None else None


def use_cases(kind: type[T]) -> T:
    """The use-case object of the service this app serves (`Service.use_cases`)."""
    found = current_app.extensions["zhuyu.use_cases"]
    if not isinstance(found, kind):
        raise TypeError(f"this app serves {type(found).__name__}, not {kind.__name__}")
    return found


def transaction() -> contextlib.AbstractContextManager[Session]:
    """One unit of work on the service's store: it commits when the block ends."""
    return current_app.extensions["zhuyu.store"].begin()


class ProblemSchema(ma.Schema):
    type = ma.fields.String()
    title = ma.fields.String()
    status = ma.fields.Integer()
    detail = ma.fields.String()
    code = ma.fields.String()
    errors = ma.fields.Dict(keys=ma.fields.String(), values=ma.fields.List(ma.fields.String()))


def status_of(error: DomainError) -> int:
    """The one mapping of the domain's errors to HTTP: unknown 404, invalid 422, not allowed
    403, another part of the suite not answering 503, any other refusal a 409 conflict
    carrying its reason code."""
    if isinstance(error, Unavailable):
        return 503
    if isinstance(error, NotFound):
        return 404
    if isinstance(error, Invalid):
        return 422
    if isinstance(error, Forbidden):
        return 403
    return 409


def problem_document(status: int, code: str, detail: str = "", errors: dict | None = None,
                     fields: dict | None = None) -> dict[str, Any]:
    """The problem+json body (RFC 9457) with the contract's `code`, and any facts the
    refusal names (`fields`, e.g. `missing`) as members of their own."""
    try:
        title = HTTPStatus(status).phrase
    except ValueError:
        title = "Error"
    body: dict[str, Any] = {
        "type": f"https://zhuyu.example/problems/{code.lower().replace('_', '-')}",
        "title": title,
        "status": status,
        "detail": detail or title,
        "code": code,
    }
    if errors:
        body["errors"] = errors
    for name, value in (fields or {}).items():
        body.setdefault(name, value)
    return body


def problem(status: int, code: str, detail: str = "", errors: dict | None = None, headers: dict | None = None,
            fields: dict | None = None) -> Response:
    response = jsonify(problem_document(status, code, detail, errors, fields))
    response.status_code = status
    response.mimetype = PROBLEM
    for key, value in (headers or {}).items():
        response.headers[key] = str(value)
    return response


def flatten_errors(messages: Any, prefix: str = "") -> dict[str, list[str]]:
    """webargs nests errors by location and field; clients want `field.sub: [msg]`."""
    out: dict[str, list[str]] = {}
    if isinstance(messages, dict):
        for key, value in messages.items():
            if key in ("json", "query", "form", "headers", "path") and not prefix:
                out.update(flatten_errors(value, ""))
                continue
            name = f"{prefix}.{key}" if prefix else str(key)
            out.update(flatten_errors(value, name))
    elif isinstance(messages, list) and all(isinstance(m, str) for m in messages):
        out[prefix or "_body"] = list(messages)
    elif isinstance(messages, list):
        for index, value in enumerate(messages):
            out.update(flatten_errors(value, f"{prefix}.{index}" if prefix else str(index)))
    else:
        out[prefix or "_body"] = [str(messages)]
    return out


_STATUS_CODES = {400: "MALFORMED_REQUEST", 401: "UNAUTHORIZED", 403: "FORBIDDEN", 404: "NOT_FOUND",
                 405: "METHOD_NOT_ALLOWED", 409: "CONFLICT", 413: "PAYLOAD_TOO_LARGE",
                 415: "UNSUPPORTED_MEDIA_TYPE", 422: "VALIDATION_FAILED", 429: "RATE_LIMITED",
                 503: "SERVICE_UNAVAILABLE"}


class ProblemApi(Api):
    ERROR_SCHEMA = ProblemSchema

    def handle_http_exception(self, error: HTTPException):
        data = getattr(error, "data", None) or {}
        status = error.code or 500
        errors = data.get("errors") or data.get("messages")
        if status == 422 and errors:
            flat = flatten_errors(errors)
            if set(flat) == {"_body"} and any("JSON" in m for m in flat["_body"]):
                return problem(400, "MALFORMED_REQUEST", "The body is not valid JSON.")
            return problem(422, "VALIDATION_FAILED", "Some fields are invalid.", errors=flat)
        if status == 400 and errors:
            return problem(400, "MALFORMED_REQUEST", "The request body could not be read.", errors=flatten_errors(errors))
        return problem(status, _STATUS_CODES.get(status, "ERROR"), data.get("message") or error.description or "")


def refuse_unreadable_json() -> Response | None:
    """A JSON body that cannot be read (kit.jsonbody) is 400 before any handler sees it."""
    if request.method in ("POST", "PUT", "PATCH") and request.content_length and request.is_json:
        try:
            jsonbody.loads(request.get_data(cache=True))
        except jsonbody.MalformedJson as error:
            return problem(400, "MALFORMED_REQUEST", str(error))
    return None


def create_app(
    name: str,
    store: Store,
    blueprints: Iterable[Blueprint],
    amqp_url: str | None,
    use_cases: object,
    extra_ready_checks: Iterable[Callable[[], None]] = (),
    store_gauges: Iterable[metrics.StoreGauge] = (),
) -> Flask:
    tracing.configure(name)
    app = Flask(name)
    app.config.update(
        API_TITLE=f"Zhuyu {name}",
        API_VERSION="1",
        OPENAPI_VERSION="3.0.3",
        OPENAPI_URL_PREFIX="/",
        OPENAPI_JSON_PATH="openapi.json",
        MAX_CONTENT_LENGTH=1024 * 1024,
        JSON_SORT_KEYS=False,
    )
    app.json.ensure_ascii = False
    api = ProblemApi(app, spec_kwargs={"extra_plugins": [OperationIds()]})
    blueprints = list(blueprints)
    for blueprint in blueprints:
        api.register_blueprint(blueprint)
    missing = access.undeclared(app, blueprints)
    if missing:  # every operation says who may call it, or the service does not start
        raise RuntimeError(f"{name}: no access declared for {', '.join(missing)} (kit.access)")
    app.extensions["zhuyu.store"] = store
    app.extensions["zhuyu.use_cases"] = use_cases
    identities = app.extensions["zhuyu.identities"] = Identities(name)

    @app.before_request
    def _ids() -> None:
        g.started = time.perf_counter()
        rid = context.clean_id(request.headers.get("X-Request-ID"))
        context.request_id.set(rid)
        context.correlation_id.set(context.clean_id(request.headers.get("X-Correlation-ID") or rid))
        context.traceparent.set(context.clean_traceparent(request.headers.get("traceparent")))
        context.actor.set(None)
        if tracing.enabled():
            route = request.url_rule.rule if request.url_rule is not None else "unmatched"
            g.span = tracing.start(f"{request.method} {route}", tracing.SERVER,
                                   {"http.request.method": request.method, "http.route": route})

    @app.before_request
    def _identify() -> Response | None:
        """No request reaches an operation without the gateway's identity for it, nor one
        its caller may not make: the operation's declared access is enforced here too."""
        g.caller = None
        if request.path in OPEN_PATHS:
            return None
        try:
            who = identities.of_request()
        except identity.Unverified as refused:
            log.warning("identity refused", extra={"reason": str(refused)})
            return problem(401, "UNAUTHORIZED", "This service answers only requests the gateway vouches for.")
        g.caller = who
        context.actor.set(who.user_id)
        if request.url_rule is None:
            return None  # 404 or 405, as routing decided
        declared = declared_access()
        if declared is not None and declared.admits(who):
            return None
        if who.kind == "anonymous":
            return problem(401, "UNAUTHORIZED", "A bearer token or an API key is required.")
        return problem(403, "FORBIDDEN", "Your role or key may not do this.")

    app.before_request(refuse_unreadable_json)
    measure = metrics.instruments()
    may_scrape = metrics.Allow()
    gauges = list(store_gauges)
    trail = logging.getLogger(f"zhuyu.access.{name}")  # one line per request, joined to the gateway's by id

    @app.after_request
    def _stamp(response: Response) -> Response:
        response.headers["X-Request-ID"] = context.request_id.get() or ""
        tracing.finish(g.pop("span", None), response.status_code)
        route = request.url_rule.rule if request.url_rule is not None else "unmatched"
        if route != "/metrics":
            elapsed = time.perf_counter() - g.get("started", time.perf_counter())
            method = metrics.method_label(request.method)
            measure.http_requests.labels(name, method, route, str(response.status_code)).inc()
            measure.http_latency.labels(name, method, route).observe(elapsed)
            who = g.get("caller")
            trail.info("request", extra={
                "request_id": context.request_id.get(), "method": request.method, "route": route,
                "status": response.status_code, "duration_ms": round(elapsed * 1000, 2),
                "user": who.user_id if who else None, "role": who.role if who else None,
                "point": who.service_point_id if who else None})
        return response

    @app.get("/metrics")
    def _metrics():
        if not may_scrape(request.remote_addr):
            return problem(403, "FORBIDDEN", "Metrics are not open to this address.")
        return Response(metrics.render(gauges), mimetype=None, headers={"Content-Type": metrics.CONTENT_TYPE})

    @app.errorhandler(DomainError)
    def _refused(error: DomainError):
        status = status_of(error)
        return problem(status, error.code, error.detail, getattr(error, "errors", None),
                       headers={"Retry-After": 5} if status == 503 else None, fields=error.fields)

    def _db_down(error):
        log.error("database unavailable", extra={"error": repr(error)[:300]})
        return problem(503, "SERVICE_UNAVAILABLE", "The database is not reachable.", headers={"Retry-After": 5})

    for error_type in UNAVAILABLE:
        app.register_error_handler(error_type, _db_down)

    @app.errorhandler(Exception)
    def _unexpected(error: Exception):
        if isinstance(error, HTTPException):
            return api.handle_http_exception(error)
        log.exception("unhandled error")
        return problem(500, "INTERNAL_ERROR", "An unexpected error occurred; it has been logged.")

    broker_state = {"checked": 0.0, "error": None}

    def check_broker() -> None:
        if amqp_url is None:
            return
        now = time.monotonic()
        if now - broker_state["checked"] > 2.0:
            broker_state["checked"] = now
            try:
                conn = bus.connect(amqp_url, timeout=2.0)
                conn.release()
                broker_state["error"] = None
            except bus.BROKER_ERRORS as exc:
                broker_state["error"] = repr(exc)
        if broker_state["error"]:
            raise RuntimeError(f"broker: {broker_state['error']}")

    @app.get("/healthz")
    def healthz():
        return {"status": "ok", "service": name}

    @app.get("/readyz")
    def readyz():
        # Kubernetes asks `?skip=broker`: the outbox keeps events while the broker is away, so
        # a broker outage must not take the API out of rotation (the gateway's health asks all).
        skipped = set(request.args.getlist("skip"))
        checks: dict[str, str] = {}
        ok = True
        for label, check in (("database", store.ping), ("broker", check_broker), *(
            (getattr(c, "__name__", "check"), c) for c in extra_ready_checks
        )):
            if label in skipped:
                checks[label] = "skipped"
                continue
            try:
                check()
                checks[label] = "ok"
            except Exception as exc:  # any failure means not ready; say which
                checks[label] = f"down: {type(exc).__name__}"
                ok = False
        body = jsonify({"status": "ok" if ok else "down", "service": name, "checks": checks})
        body.status_code = 200 if ok else 503
        if not ok:
            body.headers["Retry-After"] = "5"
        return body

    return app
