"""The merged OpenAPI document made to teach: what every operation has in common is added
here once, derived from what each operation declares next to its code (its access, its
path parameters, its method, its schemas), so that no operation can be left out.

- one `Problem` schema (RFC 9457, `application/problem+json`) with the catalogue of reason
  codes (`kit.reasons`), and the errors each operation can answer: 401 and 403 unless it is
  public, 404 when its path names a record, 409 on writes, 422 when it takes input, 429 and
  503 everywhere (the gateway's rate limits and a service that is down);
- the `RateLimit-*` headers on every answer to a key, `Idempotency-Key` on every POST;
- security per operation (a bearer token for staff; an API key too when the operation
  declares a scope, named in its description), public operations with none;
- a description for every operation (its docstring, then who may call it), an example of
  every JSON request and answer (a field's own `example` first, then one made from its
  schema), and the tags listed once with a description.
"""
from __future__ import annotations

import copy
import json
import re
from typing import Any

from kit import reasons
from kit.access import PUBLIC_KEY, ROLES_KEY, SCOPE_KEY

PROBLEM = "application/problem+json"
GUIDE = "docs/integrating.md"
VERSION = "1.1.0"
METHODS = ("get", "post", "put", "patch", "delete")
WRITES = ("post", "put", "patch", "delete")

INFO = {
    "title": "Zhuyu API",
    "version": VERSION,
    "description": (
        "The public API of Zhuyu (助浴), the suite behind the city's elderly bathing-assistance points "
        "and their service desk. Partners (community stations, health centres) call it with an API key "
        "(`X-API-Key`); staff with a bearer token from `POST /api/v1/auth/token`.\n\n"
        "Read the guide first (`docs/integrating.md`, the reference page at `/api/v1/docs`): "
        "authentication and scopes, pagination (`limit`, `cursor`, `next_cursor`), idempotency "
        "(`Idempotency-Key`), rate limits (`RateLimit-*`, `Retry-After`), errors (`application/problem+json` "
        "with a stable `code`), events and signed webhooks, and the versioning and deprecation policy.\n\n"
        "Within `/api/v1` changes are only additive: new operations, new optional fields, new reason codes "
        "and new event types. A client must ignore fields it does not know."),
    "contact": {"name": "Zhuyu service desk (city operator)", "email": "api@zhuyu.example"},
}

SECURITY_SCHEMES = {
    "bearer": {"type": "http", "scheme": "bearer", "bearerFormat": "JWT",
               "description": "Staff: a token from `POST /api/v1/auth/token`, renewed with `POST /api/v1/auth/refresh`."},
    "apiKey": {"type": "apiKey", "in": "header", "name": "X-API-Key",
               "description": "Partners: a key an administrator made with `POST /api/v1/api-keys`. "
                              "A key may call an operation only when it holds the scope the operation names "
                              "(see each operation's description)."},
}

TAGS = {
    "auth": "Logging in and the caller's own account.",
    "accounts": "Users and API keys (administrators).",
    "service_points": "Bathing-assistance points: address, capacity, opening hours.",
    "elders": "Elders, their assessments, safety commitments and consents.",
    "staff": "Staff members and their qualifications.",
    "subsidies": "Subsidy applications.",
    "audit": "Who read which elder's record or which notification unmasked, and when.",
    "bookings": "Booked baths.",
    "visits": "Visits at a point: check-in, screening, bath, rest, check-out, incidents and figures.",
    "incidents": "Incidents during a visit and their outcomes.",
    "follow_up_plans": "Home-visit plans.",
    "follow_ups": "Home visits and their meeting rate.",
    "complaints": "The service desk's complaints, suggestions, consultations and praise.",
    "surveys": "Satisfaction surveys.",
    "calls": "Hotline calls.",
    "stats": "Complaint and satisfaction figures.",
    "reports": "Monthly reports.",
    "notifications": "Messages sent (SMS, webhook deliveries) and their status.",
    "webhooks": "Subscriptions of a partner's HTTPS endpoint to events, signed deliveries, a test delivery, "
                "the delivery log and replay.",
    "recipients": "A recipient's notification preferences.",
    "health": "Whether the suite is up.",
}

RATE_LIMIT_HEADERS = {
    "RateLimit-Limit": ("integer", "Requests allowed to this caller in the current window."),
    "RateLimit-Remaining": ("integer", "Requests left in the current window."),
    "RateLimit-Reset": ("integer", "Seconds until the window ends and the count starts again."),
}

ERRORS = {  # status: (component name, description, code of the example)
    "401": ("Unauthorized", "No credentials, or credentials that are not valid (expired, revoked, unknown).",
            "UNAUTHORIZED"),
    "403": ("Forbidden", "The caller's role or the key's scopes do not allow this operation on this record.",
            "FORBIDDEN"),
    "404": ("NotFound", "No such record, or none the caller may know of.", "NOT_FOUND"),
    "409": ("Conflict", "A rule refused the request; `code` says which (see the reason codes in `Problem`), "
                        "or the `Idempotency-Key` was used before with another request (`IDEMPOTENCY_MISMATCH`).",
            "IDEMPOTENCY_MISMATCH"),
    "422": ("ValidationFailed", "Some fields are invalid; `errors` names each field with its messages. "
                                "Unknown fields are refused too.", "VALIDATION_FAILED"),
    "429": ("RateLimited", "Too many requests from this caller; wait `Retry-After` seconds.", "RATE_LIMITED"),
    "503": ("Unavailable", "A service or store is not reachable right now; retry after `Retry-After` seconds. "
                           "A POST that answered 503 was not applied; retry it with the same `Idempotency-Key`.",
            "SERVICE_UNAVAILABLE"),
}
RETRY_AFTER = {"description": "Seconds to wait before trying again.", "schema": {"type": "integer", "minimum": 0}}

IDEMPOTENCY_KEY = {
    "name": "Idempotency-Key", "in": "header", "required": False,
    "description": ("Any unique string of at most 200 characters (a UUID is best). The first answer to a POST "
                    "with this key is kept for 24 hours and replayed, with `Idempotent-Replayed: true`, to a "
                    "retry with the same key and body; the same key with another request is refused "
                    "`409 IDEMPOTENCY_MISMATCH`. 4xx answers are kept and replayed too: after fixing a "
                    "refused request, send it with a new key. Use a new key for every new request."),
    "schema": {"type": "string", "minLength": 1, "maxLength": 200},
    "example": "5b0f2c1e-8d1a-4f57-9f0e-2d8a6b1c3e44",
}

PAGE_PARAMETERS = {
    "limit": "How many items a page holds at most.",
    "cursor": "The `next_cursor` of the page before; leave it out for the first page. Cursors are opaque.",
}
# What a query parameter of this name means wherever it appears (a parameter's own
# description, next to its code, comes first).
QUERY_PARAMETERS = {
    "service_point_id": "Only records of this service point (a caller bound to a point: its own).",
    "from": "The first day of the period (YYYY-MM-DD, local time), included.",
    "to": "The last day of the period (YYYY-MM-DD, local time), included.",
    "date": "The day (YYYY-MM-DD, local time).",
    "status": "Only records in this status.",
    "elder_id": "Only records of this elder.",
    "staff_id": "Only records of this staff member.",
    "overdue": "Only records past their deadline (true) or not (false).",
    "citizen_card_no": "Only the elder holding this citizen card (a lookup by card).",
    "role": "Only accounts of this role.",
    "user_id": "Only records made by this user.",
    "due_before": "Only follow-ups due before this day.",
    "format": "The answer's format.",
    "recipient": "Only notifications to this recipient (an elder's, a family member's or a webhook's id).",
    "event_id": "Only notifications caused by this event (its CloudEvents `id`).",
    "event_type": "Only notifications caused by events of this type.",
    "channel": "Only notifications of this channel (`sms`, `webhook`).",
}
PATH_PARAMETERS = {"card": "The citizen card number.", "token": "The survey link's token.",
                   "recipient_id": "The recipient's id (an elder's or a family member's)."}

# Example values of fields whose schema alone cannot make a valid one (checks, patterns).
FIELD_EXAMPLES: dict[str, Any] = {
    "id_number": "110105194503010026",
    "birth_date": "1945-03-01",
    "citizen_card_no": "HZ20240001",
    "card": "HZ20240001",
    "phone": "13912341234",
    "name": "张阿姨",
    "address": "杭州市西湖区文三路2号",
    "district": "西湖区",
    "url": "https://partner.example/zhuyu/events",
    "event_types": ["registration.elder.registered", "visits.visit.checked_in"],
    "scopes": ["elders:read", "visits:read"],
    "month": "2026-11",
    "caller": "13912341234",
    "language": "zh-CN",
}
FORMAT_EXAMPLES = {
    "uuid": "3fa85f64-5717-4562-b3fc-2c963f66afa6",
    "date": "2026-11-30",
    "date-time": "2026-11-30T09:30:00+08:00",
    "email": "desk@partner.example",
    "uri": "https://partner.example/zhuyu/events",
}


def teach(document: dict) -> dict:
    """The merged document with what every operation has in common (see the module)."""
    document = _one_problem(document)
    document["paths"].update(own_paths())
    components = document["components"]
    components["securitySchemes"] = copy.deepcopy(SECURITY_SCHEMES)
    components["schemas"]["Problem"] = problem_schema()
    components["responses"] = {name: _error_response(status, name, text, code)
                               for status, (name, text, code) in ERRORS.items()}
    components["headers"] = {name: {"description": text, "schema": {"type": kind, "minimum": 0}}
                             for name, (kind, text) in RATE_LIMIT_HEADERS.items()}
    components["parameters"] = {"IdempotencyKey": IDEMPOTENCY_KEY}
    document["info"] = copy.deepcopy(INFO)
    document["servers"] = [{"url": "/", "description": "The gateway that served this document."}]
    used_tags: set[str] = set()
    for path, item in document["paths"].items():
        for method in METHODS:
            operation = item.get(method)
            if operation is None:
                continue
            _teach_operation(document, path, item, method, operation)
            used_tags.update(operation.get("tags", ()))
    document["tags"] = [{"name": tag, "description": TAGS.get(tag, tag.replace("_", " ").capitalize() + ".")}
                        for tag in sorted(used_tags)]
    _drop_unused_schemas(document)
    return document


def problem_schema() -> dict:
    catalogue = "\n".join(f"- `{code}` ({status}): {meaning}" for code, (status, meaning) in reasons.CODES.items())
    return {
        "type": "object",
        "description": "An error (RFC 9457 problem details), sent as `application/problem+json`.",
        "properties": {
            "type": {"type": "string", "description": "A URI naming the kind of problem (from `code`)."},
            "title": {"type": "string", "description": "The HTTP status's phrase."},
            "status": {"type": "integer", "description": "The HTTP status."},
            "detail": {"type": "string", "description": "One sentence for a person; do not parse it."},
            "code": {"type": "string", "description": "The stable reason code to act on. New codes may be added "
                                                      "within a version; treat an unknown one by its status.\n\n"
                                                      + catalogue,
                     "x-zhuyu-reason-codes": sorted(reasons.CODES)},
            "errors": {"type": "object", "description": "Per field (`name` or `name.sub`), its messages (422).",
                       "additionalProperties": {"type": "array", "items": {"type": "string"}}},
        },
        "required": ["type", "title", "status", "detail", "code"],
    }


def _error_response(status: str, name: str, text: str, code: str) -> dict:
    example = {"type": f"https://zhuyu.example/problems/{code.lower().replace('_', '-')}",
               "title": {"401": "Unauthorized", "403": "Forbidden", "404": "Not Found", "409": "Conflict",
                         "422": "Unprocessable Entity", "429": "Too Many Requests",
                         "503": "Service Unavailable"}[status],
               "status": int(status), "detail": text.split(";")[0].rstrip(".") + ".", "code": code}
    if status == "422":
        example["errors"] = {"name": ["Missing data for required field."], "bogus_field": ["Unknown field."]}
    response: dict = {"description": text,
                      "content": {PROBLEM: {"schema": {"$ref": "#/components/schemas/Problem"}, "example": example}}}
    if status in ("429", "503"):
        response["headers"] = {"Retry-After": RETRY_AFTER}
    return response


def own_paths() -> dict:
    """The gateway's own account operations (administrators), their bodies from the schemas
    `gateway.accounts` loads them with."""
    from apispec import APISpec
    from apispec.ext.marshmallow import MarshmallowPlugin

    from gateway import accounts

    plugin = MarshmallowPlugin()
    APISpec("own", "1", "3.0.3", plugins=[plugin])
    key_in = plugin.converter.schema2jsonschema(accounts.ApiKeyIn())
    key_in["properties"]["scopes"]["items"]["enum"] = list(accounts.permissions.SCOPES)
    key_in["properties"]["scopes"]["description"] = "What the key may do: each operation names the scope it needs."
    key_in["properties"]["service_point_id"]["description"] = "The one point whose records the key may reach."
    key_in["properties"]["rate_limit_per_minute"]["description"] = (
        "Requests a minute the key may make; the deployment's default when left out.")
    user_in = plugin.converter.schema2jsonschema(accounts._user_schema(1))
    user_in["properties"]["password"] = {"type": "string", "description": (
        "At least the deployment's minimum length (`ZHUYU_MIN_PASSWORD_LENGTH`, 10 by default).")}
    key_view = {"type": "object", "properties": {
        "id": {"type": "string", "format": "uuid"}, "name": {"type": "string"},
        "scopes": {"type": "array", "items": {"type": "string"}},
        "service_point_id": {"type": "string", "format": "uuid", "nullable": True},
        "rate_limit_per_minute": {"type": "integer", "nullable": True},
        "created_by": {"type": "string"}, "created_at": {"type": "string", "format": "date-time"},
        "revoked_at": {"type": "string", "format": "date-time", "nullable": True}}}
    made_key = copy.deepcopy(key_view)
    made_key["properties"]["key"] = {"type": "string", "description": "The key itself, shown this once only."}
    user_view = {"type": "object", "properties": {
        "id": {"type": "string", "format": "uuid"}, "username": {"type": "string"}, "role": {"type": "string"},
        "service_point_id": {"type": "string", "format": "uuid", "nullable": True},
        "staff_id": {"type": "string", "format": "uuid", "nullable": True}, "disabled": {"type": "boolean"},
        "created_at": {"type": "string", "format": "date-time"}}}

    def page(item: dict) -> dict:
        return {"type": "object", "properties": {"items": {"type": "array", "items": item},
                                                 "next_cursor": {"type": "string", "nullable": True}}}

    def answer(status: str, schema: dict, text: str = "OK") -> dict:
        return {status: {"description": text, "content": {"application/json": {"schema": schema}}}}

    def body(schema: dict) -> dict:
        return {"required": True, "content": {"application/json": {"schema": schema}}}

    paging = [{"in": "query", "name": "limit", "required": False,
               "schema": {"type": "integer", "minimum": 1, "maximum": 200, "default": 50}},
              {"in": "query", "name": "cursor", "required": False, "schema": {"type": "string"}}]
    admin = {"x-zhuyu-roles": ["admin"], "x-zhuyu-scope": None}
    ident = [{"in": "path", "name": "id", "required": True, "schema": {"type": "string", "format": "uuid"}}]
    token = {"type": "object", "required": ["access_token", "token_type", "expires_in", "role"], "properties": {
        "access_token": {"type": "string", "description": "Send as `Authorization: Bearer <access_token>`."},
        "token_type": {"type": "string", "enum": ["Bearer"]},
        "expires_in": {"type": "integer", "description": "Seconds the token is valid for."},
        "role": {"type": "string"}, "service_point_id": {"type": "string", "format": "uuid", "nullable": True}}}
    credentials = {"type": "object", "required": ["username", "password"],
                   "properties": {"username": {"type": "string", "example": "desk01"},
                                  "password": {"type": "string", "example": "a-long-pass-phrase"}}}
    health = {"type": "object", "properties": {
        "status": {"type": "string", "enum": ["ok", "down"]},
        "services": {"type": "object", "additionalProperties": {"type": "string", "enum": ["ok", "down"]}},
        "broker": {"type": "string", "enum": ["ok", "down"]}}}
    return {
        "/api/v1/health": {
            "get": {"operationId": "getHealth", "summary": "Whether each service and the broker are up",
                    "description": "`200` when all are up; `503` with the same body and `Retry-After` when one is down.",
                    "security": [], "tags": ["health"],
                    "responses": {**answer("200", health, "All up"),
                                  "503": {**answer("503", health, "Something is down")["503"],
                                          "headers": {"Retry-After": RETRY_AFTER}}}}},
        "/api/v1/auth/token": {
            "post": {"operationId": "postAuthToken", "summary": "Exchange a username and password for a bearer token",
                     "description": "For staff. Partners use an API key instead (`X-API-Key`). Wrong passwords "
                                    "from one address are throttled (`429 ACCOUNT_LOCKED`).",
                     "security": [], "tags": ["auth"], "requestBody": body(credentials),
                     "responses": {**answer("200", token, "A token"),
                                   "401": {"$ref": "#/components/responses/Unauthorized"}}}},
        "/api/v1/api-keys": {
            "post": {"operationId": "createApiKey", "summary": "Make an API key for a partner", **admin,
                     "description": "The key is answered once, in `key`, and never again: only its hash is kept. "
                                    "Unknown fields are refused (422).",
                     "requestBody": body(key_in), "responses": answer("201", made_key, "The key, shown once")},
            "get": {"operationId": "listApiKeys", "summary": "The API keys, a page at a time (never the keys)",
                    **admin, "parameters": paging, "responses": answer("200", page(key_view))}},
        "/api/v1/api-keys/{id}/revoke": {
            "parameters": ident,
            "post": {"operationId": "revokeApiKey", "summary": "Revoke an API key at once", **admin,
                     "responses": answer("200", {"type": "object", "properties": {
                         "id": {"type": "string"}, "revoked": {"type": "boolean"}}})}},
        "/api/v1/users": {
            "post": {"operationId": "createUser", "summary": "Make a staff account", **admin,
                     "requestBody": body(user_in), "responses": answer("201", user_view)},
            "get": {"operationId": "listUsers", "summary": "The staff accounts, a page at a time", **admin,
                    "parameters": paging, "responses": answer("200", page(user_view))}},
    }


def _one_problem(document: dict) -> dict:
    """Every service's problem schema and shared error responses become the one `Problem`."""
    schemas = document["components"]["schemas"]
    problems = [name for name in schemas if name.endswith("Problem") and name != "Problem"]
    text = json.dumps(document, ensure_ascii=False)
    for name in problems:
        text = text.replace(f'"#/components/schemas/{name}"', '"#/components/schemas/Problem"')
    # Python's end of text (`\\Z`) is ECMA's `$`; `url` is not a format OpenAPI knows, `uri` is.
    text = text.replace('\\\\Z"', '$"').replace('"format": "url"', '"format": "uri"')
    document = json.loads(text)
    for name in problems:
        document["components"]["schemas"].pop(name, None)
    return document


def _teach_operation(document: dict, path: str, item: dict, method: str, operation: dict) -> None:
    public = bool(operation.get(PUBLIC_KEY)) or operation.get("security") == []
    scope = operation.get(SCOPE_KEY)
    parameters = [*item.get("parameters", ()), *operation.get("parameters", ())]
    operation.setdefault("operationId", _path_id(method, path))
    operation.setdefault("tags", [_path_tag(path)])
    if not operation.get("summary"):
        operation["summary"] = _words(operation.get("operationId", f"{method} {path}"))
    operation["summary"] = " ".join(operation["summary"].split())
    operation["description"] = "\n\n".join(part for part in (operation.get("description", ""),
                                                             _access_text(operation, public, scope)) if part)
    if public:
        operation["security"] = []
    elif scope:
        operation["security"] = [{"bearer": []}, {"apiKey": []}]
    elif ROLES_KEY in operation:
        operation["security"] = [{"bearer": []}]
    for parameter in [*item.get("parameters", ()), *operation.get("parameters", ())]:
        if "$ref" not in parameter and not parameter.get("description"):
            parameter["description"] = _parameter_text(parameter["in"], parameter["name"])
    if method == "post" and path != "/api/v1/auth/token":
        operation.setdefault("parameters", []).append({"$ref": "#/components/parameters/IdempotencyKey"})
    responses = operation.setdefault("responses", {})
    responses.pop("default", None)
    statuses = ["429", "503"]
    if not public:
        statuses += ["401", "403"]
    if any(p.get("in") == "path" for p in parameters):
        statuses.append("404")
    if method in WRITES:
        statuses.append("409")
    if parameters or "requestBody" in operation:
        statuses.append("422")
    for status in sorted(statuses):
        if "content" in responses.get(status, {}):
            continue  # the operation's own answer for it (e.g. health's 503 names what is down)
        responses[status] = {"$ref": f"#/components/responses/{ERRORS[status][0]}"}
    for status, response in responses.items():
        if "$ref" in response:
            continue
        response.setdefault("description", "OK")
        if status.startswith("2"):
            headers = response.setdefault("headers", {})
            for name in RATE_LIMIT_HEADERS:
                headers.setdefault(name, {"$ref": f"#/components/headers/{name}"})
        _add_example(document, response.get("content", {}))
    _add_example(document, operation.get("requestBody", {}).get("content", {}))


def _parameter_text(where: str, name: str) -> str:
    if where == "query":
        return PAGE_PARAMETERS.get(name) or QUERY_PARAMETERS.get(name) or f"Only records whose `{name}` is this."
    if name in PATH_PARAMETERS:
        return PATH_PARAMETERS[name]
    what = name.removesuffix("_id").replace("_", " ") if name != "id" else "record"
    return f"The {what}'s id."


def _path_id(method: str, path: str) -> str:
    """`postAuthToken` for the gateway's own operations that name none."""
    parts = re.split(r"[/_-]", path.removeprefix("/api/v1/").replace("{", "").replace("}", ""))
    return method + "".join(part[:1].upper() + part[1:] for part in parts if part)


def _path_tag(path: str) -> str:
    head = path.removeprefix("/api/v1/").split("/", 1)[0]
    return {"users": "accounts", "api-keys": "accounts"}.get(head, head.replace("-", "_"))


def _access_text(operation: dict, public: bool, scope: str | None) -> str:
    if public:
        return "**Access:** public, no credentials."
    roles = [role for role in operation.get(ROLES_KEY, ()) if role != "admin"]
    staff = f"staff roles {', '.join(f'`{r}`' for r in roles)} and `admin`" if roles else "`admin` only"
    key = f"API keys with scope `{scope}`" if scope else "no API key"
    return f"**Access:** {staff}; {key}."


def _words(operation_id: str) -> str:
    words = re.sub(r"(?<=[a-z0-9])(?=[A-Z])", " ", operation_id).split()
    return " ".join(words).capitalize()


def _add_example(document: dict, content: dict) -> None:
    for media, body in content.items():
        if "json" not in media or "schema" not in body or "example" in body or "examples" in body:
            continue
        value = example_of(document, body["schema"])
        if value is not None:
            body["example"] = value


def example_of(document: dict, schema: dict, name: str = "", depth: int = 0) -> Any:
    """A value that the schema accepts: the schema's own `example`, a known field's, or one
    made from its type, format, enum and bounds."""
    if depth > 8:
        return None
    if "$ref" in schema:
        schema = _resolve(document, schema["$ref"])
    if "example" in schema:
        return schema["example"]
    if "enum" in schema:
        return schema["enum"][0]
    if name in FIELD_EXAMPLES and schema.get("type") != "object":
        return FIELD_EXAMPLES[name]
    kind = schema.get("type")
    if kind == "object" or "properties" in schema:
        properties = schema.get("properties", {})
        out = {}
        for key, sub in properties.items():
            value = example_of(document, sub, key, depth + 1)
            if value is not None or sub.get("nullable"):
                out[key] = value
        if not properties and isinstance(schema.get("additionalProperties"), dict):
            out["key"] = example_of(document, schema["additionalProperties"], "", depth + 1)
        return out
    if kind == "array":
        item = example_of(document, schema.get("items", {}), name, depth + 1)
        return [] if item is None else [item] * max(1, schema.get("minItems", 1))
    if kind == "integer":
        return max(schema.get("minimum", 1), min(1, schema.get("maximum", 1)))
    if kind == "number":
        return max(float(schema.get("minimum", 1)), min(1.0, float(schema.get("maximum", 1))))
    if kind == "boolean":
        return True
    if kind == "string":
        if schema.get("format") in FORMAT_EXAMPLES:
            return FORMAT_EXAMPLES[schema["format"]]
        text = "text"
        low, high = schema.get("minLength", 0), schema.get("maxLength", 50)
        return (text * (1 + low // len(text)))[:max(low, min(len(text), high))]
    return None


def _resolve(document: dict, ref: str) -> dict:
    node: Any = document
    for part in ref.lstrip("#/").split("/"):
        node = node[part]
    return node


def _drop_unused_schemas(document: dict) -> None:
    """Schemas no operation reaches (e.g. the page-number metadata no endpoint answers)."""
    schemas = document["components"]["schemas"]
    outside = {key: value for key, value in document.items() if key != "components"}
    outside["components"] = {key: value for key, value in document["components"].items() if key != "schemas"}
    reached: set[str] = set()
    todo = _refs(outside)
    while todo:
        name = todo.pop()
        if name in reached or name not in schemas:
            continue
        reached.add(name)
        todo |= _refs(schemas[name])
    for name in [name for name in schemas if name not in reached]:
        del schemas[name]


def _refs(node: Any) -> set[str]:
    return set(re.findall(r'"#/components/schemas/([^"]+)"', json.dumps(node)))
