"""The mutation tool's bookkeeping (scripts/mutation.py): which modules it measures with
which tests, and that its list of equivalent mutants and its record stay well formed.
The measurement itself is `make mutation`."""
from __future__ import annotations

import json

from scripts import mutation


def test_every_services_domain_module_is_a_rule_module():
    assert {"services/registration/domain.py", "services/visits/domain.py", "services/complaints/domain.py",
            "services/notify/domain.py"} <= set(mutation.rule_modules())
    assert all(module.startswith("services/") and module.endswith("/domain.py") for module in mutation.rule_modules())


def test_a_rule_module_is_measured_with_the_unit_tests_beside_it_only():
    assert mutation.tests_of("services/visits/domain.py") == ["services/visits/tests/test_domain.py",
                                                               "services/visits/tests/test_domain_oracles.py"]


def test_each_listed_equivalent_names_a_rule_module_and_says_why():
    modules = set(mutation.rule_modules())
    for entry in mutation.equivalents():
        assert entry.module in modules and entry.line and entry.mutant and entry.line != entry.mutant
        assert len(entry.why.split()) >= 4, entry


def test_an_equivalent_matches_its_own_mutant_only():
    entry = mutation.Equivalent("m.py", "a = 1", "a = 2", "any reason given here")
    assert entry.matches(mutation.Mutant(3, "a = 1", "a = 2", ""))
    assert not entry.matches(mutation.Mutant(3, "a = 1", "a = None", ""))


def test_the_record_holds_only_rule_modules_at_or_above_target():
    record = json.loads(mutation.RECORD.read_text())
    assert set(record) <= set(mutation.rule_modules())
    for module, measured in record.items():
        assert measured["score"] >= mutation.TARGET, module
        assert measured["killed"] / (measured["mutants"] - measured["equivalent"]) >= mutation.TARGET, module
