"""docs/integrating.md says what the code does: its scopes are the contract's, its reason
codes are in the catalogue, its signature recipe verifies what notify signs, and the numbers
it names are the defaults the code has."""
from __future__ import annotations

import re
import time
from pathlib import Path

from gateway.limits import Decision
from kit import reasons
from kit.access import SCOPES
from services.notify import domain as notify_domain

GUIDE = (Path(__file__).resolve().parent.parent / "docs" / "integrating.md").read_text()


def section(title: str) -> str:
    return GUIDE.split(f"## {title}\n", 1)[1].split("\n## ", 1)[0]


def test_the_scope_table_is_the_contracts():
    table = set(re.findall(r"^\| `([a-z]+:[a-z]+)` \|", section("Scopes"), re.M))
    assert table == set(SCOPES)


def test_every_code_the_guide_names_is_in_the_catalogue():
    named = set(re.findall(r"`([A-Z][A-Z_]{3,})`", GUIDE)) - {"ZHUYU_IDEMPOTENCY_HOURS", "ZHUYU_RATE_LIMIT_KEY_PER_MINUTE",
                                                              "ZHUYU_RETRY_DELAYS_SECONDS", "NOTIFY_WEBHOOK_DISABLE_AFTER",
                                                              "NOTIFY_MAX_ATTEMPTS", "POST"}
    assert named and named <= set(reasons.CODES), named - set(reasons.CODES)
    for code in ("UNKNOWN_CARD", "ELDER_SUSPENDED", "NOT_ELIGIBLE", "NO_SAFETY_COMMITMENT", "POINT_CLOSED",
                 "ALREADY_IN_VISIT"):
        assert code in section("Check-in preconditions")


def test_the_signature_recipe_verifies_what_notify_signs():
    [recipe] = re.findall(r"```python\n(def verify.*?|import hashlib.*?)```", section("Events and webhooks"), re.S)
    scope: dict = {}
    exec(recipe, scope)  # noqa: S102 - the guide's own example
    body = b'{"specversion":"1.0","id":"e1","type":"visits.visit.entry_denied"}'
    stamp = str(int(time.time()))
    signature = notify_domain.sign_delivery(b"whsec_test", stamp, body)
    assert scope["verify"]("whsec_test", body, stamp, signature) is True
    assert scope["verify"]("whsec_test", body + b" ", stamp, signature) is False
    assert scope["verify"]("whsec_test", body, str(int(stamp) + 1), signature) is False
    old = str(int(stamp) - 3600)
    assert scope["verify"]("whsec_test", body, old, notify_domain.sign_delivery(b"whsec_test", old, body)) is False


def test_the_rate_limit_headers_and_defaults_are_the_codes():
    headers = [name for name, _ in Decision(True, 120, 119, 60).headers()]
    for name in headers:
        assert f"`{name}`" in section("Rate limits")
    assert f"after {notify_domain.Rules.__dataclass_fields__['webhook_disable_after'].default} failures in a row" \
        in section("Events and webhooks").replace("**", "").lower()


def test_the_guide_teaches_every_webhook_operation_and_the_retry_defaults():
    text = " ".join(section("Events and webhooks").replace("**", "").split())
    for operation in ("GET /api/v1/webhooks", "DELETE /api/v1/webhooks/{id}", "POST /api/v1/webhooks/{id}/enable",
                      "POST /api/v1/webhooks/{id}/test", "GET /api/v1/webhooks/{id}/deliveries",
                      "POST /api/v1/webhooks/{id}/deliveries/{delivery_id}/replay"):
        assert operation in text, operation
    for code in ("WEBHOOK_REVOKED", "WEBHOOK_DISABLED", "VALIDATION_FAILED"):
        assert code in text
    rules = notify_domain.Rules()
    assert f"({rules.backoff_base_seconds:g} s, doubling" in text and f"{rules.max_attempts} attempts in all" in text
    assert f"at most {rules.backoff_cap_seconds / 60:g} minutes apart" in text
    for scope, family in notify_domain.READ_SCOPES.items():
        assert f"`{scope}` → `{family}.*`" in text
