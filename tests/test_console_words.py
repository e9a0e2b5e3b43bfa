"""The console speaks every code registration can answer about an elder's subsidy and
bathing eligibility: each has its words in Chinese and in English in `console/src/i18n.js`,
with the same placeholders in both. The codes are gathered from registration's rules
themselves (every eligibility outcome over a grid of claims), so a new code without words
fails here."""
from __future__ import annotations

import itertools
import re
from datetime import date
from pathlib import Path

import pytest

from services.registration import domain
from services.registration.domain import Rules

WORDS_FILE = Path(__file__).resolve().parents[1] / "console" / "src" / "i18n.js"
_STRING = r"""'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*\""""
_ENTRY = re.compile(rf"^\s*'(?P<key>[^']+)':\s*\[\s*(?P<zh>{_STRING})\s*,\s*(?P<en>{_STRING})\s*\],?\s*$")
TODAY = date(2026, 12, 1)


def words() -> dict[str, tuple[str, str]]:
    found = {}
    for line in WORDS_FILE.read_text(encoding="utf-8").splitlines():
        match = _ENTRY.match(line)
        if match:
            found[match["key"]] = (match["zh"][1:-1], match["en"][1:-1])
    return found


def eligibility_outcomes() -> tuple[set[str], set[str]]:
    """Every problem code and every basis registration's rule gives over a grid of claims."""
    problems: set[str] = set()
    bases: set[str] = set()
    rules = Rules()
    births = [date(TODAY.year - age, 1, 1) for age in (50, 65, 75, 95)]
    for category, birth, level, urban, household, resides, evidence, worker in itertools.product(
            domain.SUBSIDY_CATEGORIES, births, (None, 0, 1, 2, 3), (True, False), (True, False), (True, False),
            (None, "DB-1"), (None, *domain.MODEL_WORKER_LEVELS)):
        claim = domain.SubsidyClaim(category, urban, household, resides, evidence, worker)
        result = domain.subsidy_eligibility(claim, birth, level, TODAY, rules)
        problems.update(result.problems)
        if result.basis:
            bases.add(result.basis)
    return problems, bases


def test_the_grid_reaches_every_outcome_of_the_rule():
    problems, bases = eligibility_outcomes()
    # what the rule is known to answer today; the grid must reach at least these
    assert {"UNDER_AGE", "NOT_LOCAL_HOUSEHOLD", "NOT_LOCAL_RESIDENT", "NOT_URBAN", "EVIDENCE_MISSING",
            "MODEL_WORKER_LEVEL", "UNDER_CATEGORY_AGE"} <= problems
    assert bases == {"severely_disabled", "aged_with_category", "aged_90"}


def expected_keys() -> list[str]:
    problems, bases = eligibility_outcomes()
    return sorted(
        [f"subsidyProblem.{code}" for code in problems]
        + [f"subsidyBasis.{basis}" for basis in bases]
        + [f"subsidyCategory.{category}" for category in domain.SUBSIDY_CATEGORIES]
        + [f"subsidyStatus.{status}" for status in domain.SUBSIDY_STATUSES]
        + [f"modelWorkerLevel.{level}" for level in domain.MODEL_WORKER_LEVELS]
        + [f"ineligible.{reason}" for reason in domain.INELIGIBILITY_REASONS]
        # the refusals of filing, reviewing and approving an application
        + [f"subsidyRefused.{code}" for code in ("NOT_ELIGIBLE", "DUPLICATE_APPLICATION", "INVALID_TRANSITION")]
    )


@pytest.mark.parametrize("key", expected_keys())
def test_each_code_has_words_in_both_languages(key):
    known = words()
    assert key in known, f"console/src/i18n.js has no words for {key}"
    chinese, english = known[key]
    assert chinese.strip() and english.strip(), key
    assert re.search(r"[\u3400-\u9fff]", chinese), f"{key}: the Chinese words are not Chinese"
    assert set(re.findall(r"\{(\w+)\}", chinese)) == set(re.findall(r"\{(\w+)\}", english)), (
        f"{key}: the two languages name different values")


def test_the_words_file_is_read_whole():
    # every entry line of WORDS is understood, so a key cannot hide behind an odd quote
    text = WORDS_FILE.read_text(encoding="utf-8")
    body = text[text.index("const WORDS = {"):text.index("\n};", text.index("const WORDS = {"))]
    entries = [line for line in body.splitlines() if re.match(r"^\s*'[^']+':", line)]
    assert [line for line in entries if not _ENTRY.match(line)] == []
    assert len(entries) > 400
