"""The event catalogue: one JSON Schema (2020-12) per event type under docs/events/,
generated from the schemas each producer declares (`services/<name>/events.py`,
`gateway/events.py`).

Consumers' tests check the payloads they feed their handlers against these files, so no
service imports another's code; a test checks the files are current.

    .venv/bin/python -m scripts.event_catalogue          # write docs/events/
    .venv/bin/python -m scripts.event_catalogue --check  # exit 1 when they are stale
"""
from __future__ import annotations

import importlib
import json
import sys
from pathlib import Path

from apispec import APISpec
from apispec.ext.marshmallow import MarshmallowPlugin

from kit.registry import SERVICES

DIRECTORY = Path(__file__).resolve().parent.parent / "docs" / "events"


def json_schema(event_type: str, schema) -> dict:
    """A marshmallow schema as a standalone JSON Schema: nested schemas under `$defs`."""
    spec = APISpec(event_type, "1", "3.1.0", plugins=[MarshmallowPlugin()])
    spec.components.schema(event_type, schema=schema)
    components = json.loads(json.dumps(spec.to_dict()["components"]["schemas"]).replace(
        '"#/components/schemas/', '"#/$defs/'))
    document = {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": f"{event_type}.json",
                "title": event_type, "description": f"The data of a {event_type} event (docs/events.md).",
                **components.pop(event_type)}
    if components:
        document["$defs"] = dict(sorted(components.items()))
    return document


def catalogue() -> dict[str, dict]:
    """Every event type any service or the gateway publishes → its JSON Schema."""
    found: dict[str, dict] = {}
    for module in [*(f"services.{service}.events" for service in SERVICES), "gateway.events"]:
        for event_type, schema in importlib.import_module(module).SCHEMAS.items():
            found[event_type] = json_schema(event_type, schema)
    return dict(sorted(found.items()))


def rendered() -> dict[str, str]:
    return {f"{event_type}.json": json.dumps(document, ensure_ascii=False, indent=2) + "\n"
            for event_type, document in catalogue().items()}


def stale() -> list[str]:
    """The files under docs/events/ that differ from the schemas, are missing, or are left over."""
    wanted = rendered()
    present = {path.name: path.read_text() for path in DIRECTORY.glob("*.json")}
    return sorted(name for name in wanted.keys() | present.keys() if wanted.get(name) != present.get(name))


def main(argv: list[str]) -> int:
    if "--check" in argv:
        names = stale()
        if names:
            print("docs/events/ is not current (run: python -m scripts.event_catalogue):", *names, sep="\n  ")
        return 1 if names else 0
    DIRECTORY.mkdir(parents=True, exist_ok=True)
    for path in DIRECTORY.glob("*.json"):
        path.unlink()
    for name, text in rendered().items():
        (DIRECTORY / name).write_text(text)
    print(f"wrote {len(rendered())} schemas to {DIRECTORY}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
