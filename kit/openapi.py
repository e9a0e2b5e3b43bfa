"""What each service's OpenAPI operation says about itself, derived once from its code so
that the document and the code cannot drift.

- `operationId`: the HTTP method and the view's endpoint name (`GET` on `elders.ElderByCard`
  is `getElderByCard`, `POST` on `elders.elder_suspend` is `postElderSuspend`), unless the
  operation names its own with `@blp.doc(operationId=...)`.
- `summary` and `description`: the view method's docstring (flask-smorest's first line and
  the rest); an operation with no docstring is described by who may call it.

The gateway adds what is the same for every operation (the errors it can answer, rate limits,
idempotency, security per scope) when it merges the services' documents.
"""
from __future__ import annotations

import re

from apispec import BasePlugin


def operation_id(method: str, endpoint: str) -> str:
    """`getElderByCard` from ("get", "elders.ElderByCard"); `postElderSuspend` from
    ("post", "elders.elder_suspend")."""
    view = endpoint.rsplit(".", 1)[-1]
    words = [part for part in re.split(r"_|(?<=[a-z0-9])(?=[A-Z])", view) if part]
    return method.lower() + "".join(word[:1].upper() + word[1:] for word in words)


class OperationIds(BasePlugin):
    """An apispec plugin: the default operationId of every operation a blueprint registers."""

    def operation_helper(self, path=None, operations=None, **kwargs):
        rule = kwargs.get("rule")
        if rule is None or not operations:
            return
        for method, operation in operations.items():
            if method == "parameters" or not isinstance(operation, dict):
                continue
            operation.setdefault("operationId", operation_id(method, rule.endpoint))
