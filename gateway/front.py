"""The gateway's request path, as a plain WSGI callable in front of the Flask app.

Every request is identified, rate-limited and stamped here; requests for the services are
checked against the access their operations declare (gathered from the services' own
OpenAPI documents, `catalogue.py`) and forwarded from here, with no per-request set-up and
without Flask's machinery, which keeps the hop cheap. The gateway's own endpoints (login,
users, keys, health, OpenAPI) go on to the Flask app with the caller in the environ.
"""
from __future__ import annotations

import base64
import hashlib
import io
import json
import logging
import re
import threading
import time
from functools import lru_cache
from pathlib import Path
from typing import Callable, Iterable

from gateway import auth, idempotency, permissions
from gateway.catalogue import Catalogue, Route
from gateway.config import Settings
from gateway.limits import Decision, RateLimits
from gateway.proxy import DROP_RESPONSE, UpstreamUnavailable, Upstreams
from kit import context, identity, metrics, tracing
from kit.caller import Caller
from kit.db import Store
from kit.web import problem_document

log = logging.getLogger("gateway")
# One line per request (who did what, when): an operator's trail, joined to the service's
# own line by the request id.
access = logging.getLogger("zhuyu.access.gateway")
API = "/api/v1/"
PRINCIPAL = "zhuyu.principal"
RATE_HEADERS = "zhuyu.rate_limit_headers"

# The gateway's own open endpoints. A service's operation is open when it declares so (a
# survey link, answered by an elder or family without an account); the console's pages
# and assets are open, and the console then sends its user's token with each call.
PUBLIC = {("POST", "/api/v1/auth/token"), ("GET", "/api/v1/health"), ("GET", "/api/v1/openapi.json"),
          ("GET", "/api/v1/docs"), ("GET", "/healthz")}
PUBLIC_PREFIXES = (("GET", "/console"), ("HEAD", "/console"))
# Request headers passed on to the services (WSGI names); auth and cookies stay here.
FORWARD = {"CONTENT_TYPE": "Content-Type", "HTTP_ACCEPT": "Accept", "HTTP_ACCEPT_LANGUAGE": "Accept-Language",
           "HTTP_IF_MATCH": "If-Match"}
BODY_METHODS = frozenset({"POST", "PUT", "PATCH"})
StartResponse = Callable[..., object]
# Own POSTs whose answers are not kept for replay (they are bearer tokens).
NOT_REPLAYED = frozenset({"/api/v1/auth/token", "/api/v1/auth/refresh"})
PURGE_EVERY_SECONDS = 600.0

# Headers on every answer: no MIME sniffing, no framing (clickjacking), and a content
# policy per kind of page; API answers carry personal data and are never cached.
NOT_FRAMED = [("X-Content-Type-Options", "nosniff"), ("X-Frame-Options", "DENY")]
API_POLICY = "default-src 'none'; frame-ancestors 'none'"
# The built console: its own scripts, styles and API only.
CONSOLE_POLICY = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                  "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
DOCS_PAGE = Path(__file__).resolve().parent / "static" / "docs.html"


def _inline_hashes(page: str, tag: str) -> str:
    """CSP sources for the page's inline <tag> blocks, by their SHA-256."""
    blocks = (block.split(f"</{tag}>")[0] for block in page.split(f"<{tag}>")[1:])
    return " ".join(f"'sha256-{base64.b64encode(hashlib.sha256(b.encode()).digest()).decode()}'" for b in blocks)


@lru_cache(maxsize=1)
def docs_policy() -> str:
    """The API reference page: its inline script and style (by hash) and openapi.json."""
    page = DOCS_PAGE.read_text(encoding="utf-8")
    return (f"default-src 'none'; script-src {_inline_hashes(page, 'script')}; style-src {_inline_hashes(page, 'style')}; "
            "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'")


def edge_headers(path: str, headers: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The answer's headers with the edge's own added (the policy and caching per path)."""
    if path.startswith("/console"):
        extra = [*NOT_FRAMED, ("Content-Security-Policy", CONSOLE_POLICY)]  # assets keep their own caching
    elif path == "/api/v1/docs":
        extra = [*NOT_FRAMED, ("Content-Security-Policy", docs_policy()), ("Cache-Control", "no-store")]
    else:
        extra = [*NOT_FRAMED, ("Content-Security-Policy", API_POLICY), ("Cache-Control", "no-store")]
    names = {name.lower() for name, _ in extra}
    return [*(h for h in headers if h[0].lower() not in names and h[0].lower() != "server"), *extra]


class Front:
    def __init__(self, flask_wsgi, settings: Settings, store: Store, upstreams: Upstreams, catalogue: Catalogue,
                 tokens: auth.TokenCache, revocations: auth.Revocations, throttle: auth.Throttle):
        self.flask_wsgi = flask_wsgi
        self.settings = settings
        self.store = store
        self.upstreams = upstreams
        self.catalogue = catalogue
        self.tokens = tokens
        self.revocations = revocations
        self.limits = RateLimits(settings.rate_limit_storage_uri, settings.rate_limit_key_prefix)
        self.measure = metrics.instruments()
        self.may_scrape = metrics.Allow()
        self.throttle = throttle
        self.next_purge = 0.0  # monotonic time of the next purge of expired records

    # --- answers ----------------------------------------------------------------------

    @staticmethod
    def _answer(start_response: StartResponse, status: int, body: bytes, headers: list[tuple[str, str]]) -> Iterable[bytes]:
        from http import HTTPStatus

        headers.append(("X-Request-ID", context.request_id.get() or ""))
        headers.append(("Content-Length", str(len(body))))
        start_response(f"{status} {HTTPStatus(status).phrase}", headers)
        return [body]

    def _problem(self, start_response: StartResponse, status: int, code: str, detail: str,
                 headers: dict | None = None, errors: dict | None = None) -> Iterable[bytes]:
        body = json.dumps(problem_document(status, code, detail, errors), ensure_ascii=False).encode()
        extra = [(k, str(v)) for k, v in (headers or {}).items()]
        return self._answer(start_response, status, body, [("Content-Type", "application/problem+json"), *extra])

    # --- who is calling ---------------------------------------------------------------

    def identify(self, environ: dict, route: Route | None = None) -> tuple[auth.Principal | None, tuple | None]:
        """(principal, None), or (None, a 401 to answer); public paths pass with no one."""
        method, path = environ["REQUEST_METHOD"], environ.get("PATH_INFO", "")
        key = environ.get("HTTP_X_API_KEY")
        header = environ.get("HTTP_AUTHORIZATION", "")
        public = ((route is not None and route.public) or (method, path) in PUBLIC
                  or any(method == m and path.startswith(p) for m, p in PUBLIC_PREFIXES))
        if key:
            principal = self.revocations.key(key.strip())
            if principal is None:
                return None, (401, "UNAUTHORIZED", "The API key is unknown or revoked.", None)
            return principal, None
        if header.startswith("Bearer "):
            principal = self.tokens.verify(header[7:].strip())
            if principal is None or self.revocations.token_revoked(principal):
                if public:
                    return None, None
                return None, (401, "UNAUTHORIZED", "The token is invalid, expired or its user disabled.",
                              {"WWW-Authenticate": "Bearer"})
            return principal, None
        if public:
            return None, None
        return None, (401, "UNAUTHORIZED", "A bearer token or an API key is required.", {"WWW-Authenticate": "Bearer"})

    def _rate_limit(self, environ: dict, principal: auth.Principal | None) -> Decision | None:
        """Counts the request against its caller's limit (None: the store is unreachable)."""
        if principal is not None:
            per_minute = principal.rate_limit_per_minute
            if not (isinstance(per_minute, int) and per_minute >= 1):  # unset, or a value stored before validation
                per_minute = self.settings.rate_limit_key_per_minute
            limit = f"{per_minute} per minute" if principal.role == permissions.API_CLIENT else self.settings.rate_limit_user
            return self.limits.hit(f"p:{principal.user_id}", limit)
        address = environ.get("REMOTE_ADDR", "")
        if environ.get("PATH_INFO") == "/api/v1/auth/token":
            return self.limits.hit(f"login:{address}", self.settings.rate_limit_login)
        return self.limits.hit(f"ip:{address}", self.settings.rate_limit_user)

    # --- the request path ---------------------------------------------------------------

    def __call__(self, environ: dict, start_response: StartResponse) -> Iterable[bytes]:
        path = environ.get("PATH_INFO", "")
        if path == "/metrics":
            return self._metrics(environ, start_response)
        started = time.perf_counter()
        seen: list[str] = []
        self._purge_when_due()

        def recording(status: str, headers, *exc_info):
            seen.append(status)
            return start_response(status, edge_headers(path, [*headers, *environ.get(RATE_HEADERS, ())]), *exc_info)

        try:
            return self._handle(environ, recording)
        except Exception:  # whatever fails here, the client gets a problem, never a server's page
            log.exception("unhandled error in the gateway's front")
            if seen:
                raise
            return self._problem(recording, 500, "INTERNAL_ERROR", "An unexpected error occurred; it has been logged.")
        finally:
            method = environ["REQUEST_METHOD"]
            route = self._label(path)
            elapsed = time.perf_counter() - started
            status = seen[0][:3] if seen else "000"
            self.measure.http_requests.labels("gateway", metrics.method_label(method), route, status).inc()
            self.measure.http_latency.labels("gateway", metrics.method_label(method), route).observe(elapsed)
            principal = environ.get(PRINCIPAL)
            access.info("request", extra={
                "request_id": context.request_id.get(), "method": method, "route": route_template(path),
                "status": int(status), "duration_ms": round(elapsed * 1000, 2),
                "user": principal.user_id if principal else None, "role": principal.role if principal else None,
                "point": principal.service_point_id if principal else None, "client": environ.get("REMOTE_ADDR")})

    def _purge_when_due(self) -> None:
        """Every few minutes, in the background: Idempotency-Key records past their window
        and login counts that ran out (each worker does it; deleting twice is harmless)."""
        now = time.monotonic()
        if now < self.next_purge:
            return
        self.next_purge = now + PURGE_EVERY_SECONDS

        def purge():
            try:
                idempotency.purge(self.store, self.settings.idempotency_hours)
                self.throttle.purge()
            except Exception:  # the next round tries again
                log.exception("purge of expired records failed")

        threading.Thread(target=purge, name="gateway-purge", daemon=True).start()

    def _metrics(self, environ: dict, start_response: StartResponse) -> Iterable[bytes]:
        if not self.may_scrape(environ.get("REMOTE_ADDR")):
            return self._problem(start_response, 403, "FORBIDDEN", "Metrics are not open to this address.")
        body = metrics.render()
        start_response("200 OK", [("Content-Type", metrics.CONTENT_TYPE), ("Content-Length", str(len(body)))])
        return [body]

    def _handle(self, environ: dict, start_response: StartResponse) -> Iterable[bytes]:
        rid = context.clean_id(environ.get("HTTP_X_REQUEST_ID"))
        context.request_id.set(rid)
        context.correlation_id.set(rid)
        context.traceparent.set(context.clean_traceparent(environ.get("HTTP_TRACEPARENT")) or context.new_traceparent())
        if not tracing.enabled():
            return self._dispatch(environ, start_response)
        method = environ["REQUEST_METHOD"]
        handle = tracing.start(f"{method} {self._label(environ.get('PATH_INFO', ''))}", tracing.SERVER,
                               {"http.request.method": method})
        try:
            return self._dispatch(environ, start_response)
        finally:
            tracing.finish(handle)

    def _dispatch(self, environ: dict, start_response: StartResponse) -> Iterable[bytes]:
        method = environ["REQUEST_METHOD"]
        route = self.catalogue.route(method, environ.get("PATH_INFO", ""))
        principal, refusal = self.identify(environ, route)
        environ[PRINCIPAL] = principal
        if refusal is not None:  # bad credentials are limited per client address
            decision = self.limits.hit(f"bad:{environ.get('REMOTE_ADDR', '')}", self.settings.rate_limit_bad_credentials)
            if decision is not None and not decision.allowed:
                return self._problem(start_response, 429, "RATE_LIMITED", "Too many requests; slow down.",
                                     {"Retry-After": decision.reset})
            status, code, detail, headers = refusal
            return self._problem(start_response, status, code, detail, headers)
        decision = self._rate_limit(environ, principal)
        if decision is not None and principal is not None:
            environ[RATE_HEADERS] = decision.headers()
        if decision is not None and not decision.allowed:
            return self._problem(start_response, 429, "RATE_LIMITED", "Too many requests; slow down.",
                                 {"Retry-After": decision.reset})
        if route is not None and route.pending:  # like a service that is down
            return self._problem(start_response, 503, "SERVICE_UNAVAILABLE",
                                 "The service that answers this is not known yet; try again shortly.",
                                 {"Retry-After": 5})
        if (method in BODY_METHODS and environ.get("CONTENT_LENGTH") not in (None, "", "0")
                and not environ.get("CONTENT_TYPE", "").lower().startswith(("application/json",
                                                                            "application/merge-patch+json"))):
            return self._problem(start_response, 415, "UNSUPPORTED_MEDIA_TYPE", "Send JSON (Content-Type: application/json).")
        path = environ.get("PATH_INFO", "")
        if route is None:
            if method == "POST" and environ.get("HTTP_IDEMPOTENCY_KEY") and path.startswith(API) \
                    and path not in NOT_REPLAYED:
                return self._own_once(environ, start_response, principal)
            return self.flask_wsgi(environ, start_response)
        if route.entry is not None and route.entry.internal:  # for the suite only, whoever asks
            return self._problem(start_response, 404, "NOT_FOUND", f"No resource {path}.")
        return self._forward(environ, start_response, principal, route)

    def _read_body(self, environ: dict) -> bytes | None:
        """The request's body (None: over the limit)."""
        length = int(environ.get("CONTENT_LENGTH") or 0)
        if length > self.settings.max_body_bytes:
            return None
        return environ["wsgi.input"].read(length) if length else b""

    def _claim(self, environ: dict, start_response: StartResponse, principal: auth.Principal | None,
               target: str, body: bytes) -> tuple[str, str, Iterable[bytes] | None]:
        """Idempotency-Key on a POST: (owner, key, None) to go ahead, or an answer instead
        (the first request's, or a refusal). Anonymous callers (survey links) are told apart
        by link and address, so that one cannot block another."""
        method = environ["REQUEST_METHOD"]
        key = environ.get("HTTP_IDEMPOTENCY_KEY", "") if method == "POST" else ""
        owner = idempotency.owner(principal.user_id if principal is not None else None,
                                  environ.get("PATH_INFO", ""), environ.get("REMOTE_ADDR", ""))
        if not key:
            return owner, "", None
        if len(key) > idempotency.MAX_KEY_LENGTH:
            return owner, key, self._problem(
                start_response, 422, "VALIDATION_FAILED", "Some fields are invalid.",
                errors={"Idempotency-Key": [f"At most {idempotency.MAX_KEY_LENGTH} characters."]})
        try:
            replay = idempotency.begin(self.store, owner, key, idempotency.request_hash(method, target, body),
                                       self.settings.idempotency_hours)
        except idempotency.Mismatch:
            return owner, key, self._problem(start_response, 409, "IDEMPOTENCY_MISMATCH",
                                             "This Idempotency-Key was used with another request.")
        except idempotency.InProgress:
            return owner, key, self._problem(start_response, 409, "IDEMPOTENCY_IN_PROGRESS",
                                             "The first request with this key is still running.", {"Retry-After": 1})
        except idempotency.OutcomeUnknown:
            return owner, key, self._problem(
                start_response, 409, "IDEMPOTENCY_OUTCOME_UNKNOWN",
                "The first request with this key reached the service but its answer was lost; "
                "it may have been carried out. Check before sending it again under a new key.")
        if replay is not None:
            return owner, key, self._answer(start_response, replay.status, replay.body,
                                            [("Content-Type", replay.content_type or "application/json"),
                                             ("Idempotent-Replayed", "true")])
        return owner, key, None

    def _own_once(self, environ: dict, start_response: StartResponse,
                  principal: auth.Principal | None) -> Iterable[bytes]:
        """One of the gateway's own POSTs (a user, an API key…) under an Idempotency-Key."""
        body = self._read_body(environ)
        if body is None:
            return self._problem(start_response, 413, "PAYLOAD_TOO_LARGE", "The body is too large.")
        environ["wsgi.input"] = io.BytesIO(body)
        query = environ.get("QUERY_STRING")
        owner, key, answer = self._claim(environ, start_response, principal,
                                         environ["PATH_INFO"] + ("?" + query if query else ""), body)
        if answer is not None:
            return answer
        answered: list = []
        result = self.flask_wsgi(environ, lambda status, headers, *_: answered.extend((status, headers)))
        try:
            data = b"".join(result)
        finally:
            getattr(result, "close", lambda: None)()
        status, headers = answered
        content_type = next((value for name, value in headers if name.lower() == "content-type"), None)
        idempotency.finish(self.store, owner, key, int(status[:3]), idempotency.without_secrets(data), content_type)
        start_response(status, headers)
        return [data]

    def _forward(self, environ: dict, start_response: StartResponse, principal: auth.Principal | None,
                 route: Route) -> Iterable[bytes]:
        method = environ["REQUEST_METHOD"]
        service, path = route.service, route.path
        if principal is not None and not permissions.permits(route.entry, principal.role, principal.scopes):
            return self._problem(start_response, 403, "FORBIDDEN", "Your role or key may not do this.")
        body = None
        if method in BODY_METHODS:
            body = self._read_body(environ)
            if body is None:
                return self._problem(start_response, 413, "PAYLOAD_TOO_LARGE", "The body is too large.")
        request_id = context.request_id.get() or ""
        headers = {name: environ[key] for key, name in FORWARD.items() if environ.get(key)}
        headers["X-Request-ID"] = request_id
        headers["traceparent"] = context.traceparent.get() or ""
        # The one target this request is sent to and its identity is signed for.
        target = identity.target(path, environ.get("QUERY_STRING", ""))
        headers[identity.HEADER] = identity.mint(
            self.settings.identity_secret, caller_of(principal), audience=service, method=method, target=target,
            request_id=request_id, body=body, ttl=self.settings.identity_ttl_seconds)
        owner, key, answer = self._claim(environ, start_response, principal, target, body or b"")
        if answer is not None:
            return answer
        try:
            upstream = self.upstreams.request(service, method, target, body, headers,
                                              caller=principal.user_id if principal else environ.get("REMOTE_ADDR"))
        except UpstreamUnavailable as unavailable:
            if key and unavailable.sent:  # it may have been done: never send it twice
                idempotency.unknown(self.store, owner, key)
            elif key:
                idempotency.forget(self.store, owner, key)
            log.warning("upstream unavailable", extra={"upstream": service})
            return self._problem(start_response, 503, "SERVICE_UNAVAILABLE",
                                 f"The {service} service is not reachable; try again shortly.", {"Retry-After": 5})
        if key:
            idempotency.finish(self.store, owner, key, upstream.status, upstream.data,
                               upstream.headers.get("Content-Type"))
        passed = [(name, value) for name, value in upstream.headers.items()
                  if name.lower() not in DROP_RESPONSE and name.lower() != "x-request-id"]
        return self._answer(start_response, upstream.status, upstream.data, passed)


    def _label(self, path: str) -> str:
        """A label of bounded cardinality: the resource a path belongs to, never its ids."""
        if path.startswith(API):
            head = path[len(API):].split("/", 1)[0]
            if head in self.catalogue.table.routes:
                return API + head
            if path in _OWN_ROUTES:
                return path
            if head in ("users", "api-keys"):
                return API + head
        elif path in _OWN_ROUTES:
            return path
        return "other"


def caller_of(principal: auth.Principal | None) -> Caller:
    """The caller a service is told of: the user or API key, or nobody (a survey link)."""
    if principal is None:
        return Caller(None, None, None, None)
    return Caller(principal.user_id, principal.role, principal.service_point_id, principal.staff_id, principal.scopes)


_OWN_ROUTES = frozenset({"/api/v1/auth/token", "/api/v1/auth/refresh", "/api/v1/auth/me", "/api/v1/health",
                         "/api/v1/openapi.json", "/api/v1/docs", "/healthz"})


# A segment that names a thing rather than a resource: the id's kind in its place.
_NAMED_BY = {"by-card": "{card}", "by-token": "{token}", "recipients": "{id}"}
_RESOURCE_WORD = re.compile(r"[a-z][a-z-]*")


def route_template(path: str) -> str:
    """The path with its ids, card numbers and tokens replaced by their kind, for the
    access trail (resource words are lower-case letters and hyphens; anything else is a
    value)."""
    if path.startswith("/console"):
        return "/console"
    parts = path.split("/")
    for n in range(1, len(parts)):
        if parts[n - 1] in _NAMED_BY:
            parts[n] = _NAMED_BY[parts[n - 1]]
        elif parts[n] and not _RESOURCE_WORD.fullmatch(parts[n]) and not (n == 2 and parts[1] == "api"):
            parts[n] = "{id}"
    return "/".join(parts)

