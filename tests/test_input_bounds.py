"""Nothing a client sends grows without bound, and no date or time it sends can overflow: every
list a service takes declares `maxItems`, every string a maximum length (or a vocabulary, a
pattern or a format), every date and time its range, in the document each service serves (so
the schema that validates is the one that is published)."""
from __future__ import annotations

import pytest

from tests.openapi_documents import service_documents

BOUNDED_FORMATS = {"uuid", "email", "uri", "url"}
# Left to the part of the suite that owns it, with why it is safe meanwhile (none today).
KNOWN: set[tuple[str, str]] = set()


def _unbounded(document: dict, schema: dict, where: str, seen: tuple = ()) -> list[str]:
    if "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[-1]
        return [] if name in seen else _unbounded(document, document["components"]["schemas"][name], where,
                                                  seen + (name,))
    found = [problem for part in schema.get("allOf", []) + schema.get("anyOf", []) + schema.get("oneOf", [])
             for problem in _unbounded(document, part, where, seen)]
    kind = schema.get("type")
    if kind == "object":
        for name, field in schema.get("properties", {}).items():
            found += _unbounded(document, field, f"{where}.{name}", seen)
        if isinstance(schema.get("additionalProperties"), dict):
            found += _unbounded(document, schema["additionalProperties"], f"{where}.*", seen)
    elif kind == "array":
        if "maxItems" not in schema:
            found.append(where)
        found += _unbounded(document, schema.get("items", {}), f"{where}[]", seen)
    elif kind == "string":
        if schema.get("format") in ("date", "date-time"):
            if not {"x-minimum", "x-maximum"} <= set(schema):
                found.append(where)
        elif not ({"maxLength", "enum", "pattern"} & set(schema) or schema.get("format") in BOUNDED_FORMATS):
            found.append(where)
    return found


def _inputs(document: dict):
    for path, item in document["paths"].items():
        for method, operation in item.items():
            if not isinstance(operation, dict):
                continue
            for parameter in operation.get("parameters", []):
                if "schema" in parameter:
                    yield f"{method.upper()} {path} ?{parameter['name']}", parameter["schema"]
            body = operation.get("requestBody", {}).get("content", {}).get("application/json", {}).get("schema")
            if body:
                yield f"{method.upper()} {path} body", body


@pytest.mark.parametrize("service", sorted(service_documents()))
def test_every_list_string_date_and_time_a_service_takes_is_bounded(service):
    document = service_documents()[service]
    unbounded = [where for name, schema in _inputs(document) for where in _unbounded(document, schema, name)
                 if (service, where) not in KNOWN]
    assert unbounded == []


def test_the_check_sees_an_unbounded_list_string_and_date():
    document = {"components": {"schemas": {}}}
    schema = {"type": "object", "properties": {
        "a": {"type": "array", "items": {"type": "string", "maxLength": 5}},
        "b": {"type": "array", "maxItems": 3, "items": {"type": "string"}},
        "c": {"type": "string", "format": "date"},
        "d": {"type": "string", "format": "date-time", "x-minimum": "1900", "x-maximum": "2999"},
        "e": {"type": "string", "enum": ["x"]}}}
    assert _unbounded(document, schema, "body") == ["body.a", "body.b[]", "body.c"]
