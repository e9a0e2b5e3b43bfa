"""The event catalogue (docs/events/) is what the producers declare, and each entry is a
JSON Schema that tells a whole payload from a changed one."""
from __future__ import annotations

import json
import re

import jsonschema
import pytest

from scripts import event_catalogue
from tests import payloads
from tests.catalogue import CATALOGUE, checked


def test_the_catalogue_is_current_with_the_producers_schemas():
    assert event_catalogue.stale() == [], "run: .venv/bin/python -m scripts.event_catalogue"


def documented_types() -> set[str]:
    """Every type docs/events.md names, `a.b.c|d` read as `a.b.c` and `a.b.d`."""
    found = set()
    for family, names in re.findall(r"`([a-z_]+\.[a-z_]+)\.([a-z_|]+)`", (CATALOGUE.parent / "events.md").read_text()):
        found |= {f"{family}.{name}" for name in names.split("|")}
    return found


def test_every_entry_is_a_json_schema_and_docs_events_names_every_type_and_no_other():
    for path in CATALOGUE.glob("*.json"):
        jsonschema.Draft202012Validator.check_schema(json.loads(path.read_text()))
    assert documented_types() == {path.stem for path in CATALOGUE.glob("*.json")}


@pytest.mark.parametrize("change", [lambda data: data.pop("eligible_for_bathing"),
                                    lambda data: data.update(eligible=data.pop("eligible_for_bathing")),
                                    lambda data: data.update(birth_date="1 March 1945"),
                                    lambda data: data.update(service_point_id="p1")])
def test_a_payload_missing_renaming_or_mistyping_a_field_is_refused(change):
    data = checked("registration.elder.updated", payloads.elder())
    change(data)
    with pytest.raises(AssertionError):
        checked("registration.elder.updated", data)
