"""The merged OpenAPI document teaches: it validates, passes the style lint kept in
`openapi/.spectral.yaml` with no error and no warning, every operation has an operationId, a
description, an example and the errors it can answer, and every reason code the code can
answer is in its catalogue."""
from __future__ import annotations

import copy
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from openapi_schema_validator import OAS30Validator
from openapi_spec_validator import validate

from gateway.app import merge_openapi
from tests.openapi_documents import service_documents

ROOT = Path(__file__).resolve().parent.parent
LINT = ROOT / "openapi"
SPECTRAL = LINT / "node_modules" / ".bin" / "spectral"
METHODS = ("get", "post", "put", "patch", "delete")


@pytest.fixture(scope="module")
def document() -> dict:
    return merge_openapi(service_documents())


def operations(document: dict):
    for path, item in document["paths"].items():
        for method in METHODS:
            if method in item:
                yield path, method, item, item[method]


def resolve(document: dict, node: dict) -> dict:
    while "$ref" in node:
        target = document
        for part in node["$ref"].lstrip("#/").split("/"):
            target = target[part]
        node = target
    return node


def test_the_document_is_valid_openapi(document):
    validate(document)


def test_every_operation_has_an_id_a_summary_and_a_description(document):
    ids = [operation.get("operationId") for *_, operation in operations(document)]
    assert None not in ids
    assert len(ids) == len(set(ids)), "operationIds are unique"
    for path, method, _, operation in operations(document):
        assert operation.get("summary"), f"{method} {path}"
        assert operation.get("description"), f"{method} {path}"
        assert "**Access:**" in operation["description"], f"{method} {path} says who may call it"


def test_the_partner_operations_are_named_for_generated_clients(document):
    named = {(path, method): operation["operationId"] for path, method, _, operation in operations(document)}
    assert named[("/api/v1/elders/{elder_id}", "get")] == "getElder"
    assert all(path != "/api/v1/elders/by-card/{card}" for path, _ in named)  # visits' own lookup, not routed
    assert named[("/api/v1/elders", "post")] == "postElders"
    assert named[("/api/v1/api-keys", "post")] == "createApiKey"
    assert named[("/api/v1/auth/token", "post")] == "postAuthToken"


def test_every_operation_declares_the_errors_it_can_answer(document):
    for path, method, item, operation in operations(document):
        declared = set(operation["responses"])
        public = operation.get("x-zhuyu-public") or path in ("/api/v1/auth/token", "/api/v1/health")
        expected = {"429", "503"} | (set() if public else {"401", "403"})
        parameters = [resolve(document, p) for p in [*item.get("parameters", ()), *operation.get("parameters", ())]]
        if any(p["in"] == "path" for p in parameters):
            expected.add("404")
        if method in ("post", "put", "patch", "delete"):
            expected.add("409")
        if "requestBody" in operation:
            expected.add("422")
        assert expected <= declared, f"{method} {path} lacks {sorted(expected - declared)}"
        for status in declared - {"200", "201", "202", "204"} - ({"503"} if path == "/api/v1/health" else set()):
            response = resolve(document, operation["responses"][status])
            if status.startswith(("4", "5")) and status != "503" or "content" in response:
                assert list(response.get("content", {})) == ["application/problem+json"], f"{method} {path} {status}"
                assert response["content"]["application/problem+json"]["schema"] == {
                    "$ref": "#/components/schemas/Problem"}


def test_every_post_takes_an_idempotency_key_and_every_answer_tells_the_rate_limit(document):
    for path, method, _, operation in operations(document):
        if method == "post" and path != "/api/v1/auth/token":
            assert {"$ref": "#/components/parameters/IdempotencyKey"} in operation["parameters"], path
        for status, response in operation["responses"].items():
            if status.startswith("2"):
                assert {"RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset"} <= set(response["headers"])
    assert document["components"]["responses"]["RateLimited"]["headers"]["Retry-After"]


def test_every_json_body_has_an_example_its_schema_accepts(document):
    checked = 0
    for path, method, _, operation in operations(document):
        bodies = [operation.get("requestBody", {}), *(resolve(document, r) for r in operation["responses"].values())]
        has_example = False
        for body in bodies:
            for media, content in body.get("content", {}).items():
                if "json" not in media or "schema" not in content:
                    continue
                assert "example" in content, f"{method} {path} {media}"
                has_example = True
                schema = {**resolve(document, content["schema"]), "components": document["components"]}
                errors = [e.message for e in OAS30Validator(schema).iter_errors(content["example"])]
                assert not errors, f"{method} {path}: {errors[:3]}"
                checked += 1
        assert has_example, f"{method} {path} shows no example"
    assert checked > 100


def raised_reason_codes() -> dict[str, str]:
    """Every reason code the code raises or answers, found in the source (not in the
    catalogue): domain errors, problem answers with their status, the HTTP layer's table,
    and the refusals a rule returns."""
    found: dict[str, str] = {}
    patterns = [re.compile(r'DomainError\(\s*"([A-Z][A-Z_]+)"'),
                re.compile(r'\b[1-5]\d\d\s*[,:]\s*"([A-Z][A-Z_]+)"'),
                re.compile(r'super\(\).__init__\(\s*"([A-Z][A-Z_]+)"')]
    files = [*ROOT.glob("gateway/*.py"), *ROOT.glob("kit/*.py"), *ROOT.glob("services/*/*.py")]
    for file in files:
        text = file.read_text()
        for pattern in patterns:
            for code in pattern.findall(text):
                found.setdefault(code, str(file.relative_to(ROOT)))
        if file.name == "domain.py":
            for code in re.findall(r'return "([A-Z][A-Z_]{3,})"', text):
                found.setdefault(code, str(file.relative_to(ROOT)))
    return found


def test_every_reason_code_the_code_answers_is_in_the_document(document):
    raised = raised_reason_codes()
    assert {"NOT_ELIGIBLE", "NO_SAFETY_COMMITMENT", "UNKNOWN_CARD", "IDEMPOTENCY_MISMATCH", "RATE_LIMITED",
            "DUPLICATE_CITIZEN_CARD", "VALIDATION_FAILED", "INVALID_TRANSITION"} <= set(raised), "the scan finds them"
    code = document["components"]["schemas"]["Problem"]["properties"]["code"]
    missing = {c: where for c, where in raised.items() if c not in code["x-zhuyu-reason-codes"]
               or f"`{c}`" not in code["description"]}
    assert not missing, f"reason codes not in the document's catalogue: {missing}"


def test_the_account_operations_are_in_the_document(document):
    create = document["paths"]["/api/v1/api-keys"]["post"]
    body = resolve(document, create["requestBody"]["content"]["application/json"]["schema"])
    assert body["additionalProperties"] is False
    assert set(body["properties"]["scopes"]["items"]["enum"]) >= {"elders:read", "webhooks:write"}
    assert "/api/v1/api-keys/{id}/revoke" in document["paths"]


def spectral(path: Path) -> tuple[int, list[dict]]:
    """Spectral's exit status and findings (any severity fails) on the document at `path`."""
    if not SPECTRAL.exists():
        pytest.fail("Spectral is not installed: run `make openapi-lint` (npm ci in openapi/) first")
    report = path.with_suffix(".lint.json")
    result = subprocess.run([str(SPECTRAL), "lint", "--ruleset", str(LINT / ".spectral.yaml"), "--fail-severity",
                             "hint", "--format", "json", "--output", str(report), str(path)],
                            capture_output=True, text=True, timeout=300)
    assert report.exists(), result.stderr
    return result.returncode, json.loads(report.read_text() or "[]")


def test_the_style_lint_finds_nothing(document, tmp_path):
    target = tmp_path / "openapi.json"
    target.write_text(json.dumps(document, ensure_ascii=False))
    status, findings = spectral(target)
    assert findings == [], "\n".join(f"{f['code']}: {'.'.join(map(str, f['path']))} {f['message']}"
                                     for f in findings[:30])
    assert status == 0


def test_the_style_lint_catches_an_operation_without_example_or_429(document, tmp_path):
    broken = copy.deepcopy(document)
    operation = broken["paths"]["/api/v1/elders"]["post"]
    del operation["responses"]["429"]
    del operation["requestBody"]["content"]["application/json"]["example"]
    target = tmp_path / "openapi.json"
    target.write_text(json.dumps(broken, ensure_ascii=False))
    status, findings = spectral(target)
    assert {"zhuyu-declares-429", "zhuyu-json-example"} <= {f["code"] for f in findings}
    assert status != 0


@pytest.mark.skipif(shutil.which("node") is None, reason="no Node.js")
def test_the_rule_set_accepts_warnings_only_with_a_reason():
    text = (LINT / ".spectral.yaml").read_text()
    for line_no, line in enumerate(text.splitlines()):
        if re.match(r"\s+[a-z0-9-]+: off$", line):
            before = text.splitlines()[:line_no]
            assert any(b.strip().startswith("#") for b in before[-4:]), f"no reason given for {line.strip()}"
