"""Registration rules, one test per rule, no I/O."""
from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import assume, given, strategies as st

from services.registration import domain
from services.registration.domain import DomainError, Invalid, Rules

RULES = Rules()


def check_character(first17: str) -> str:
    """GB 11643's check character from the standard's definition, not from the code under
    test: the i-th character from the right weighs 2^(i-1) mod 11 (the check character is
    i = 1) and the whole weighted sum is 1 mod 11; a value of 10 is written X."""
    value = (12 - sum(int(d) * pow(2, 17 - n, 11) for n, d in enumerate(first17)) % 11) % 11
    return "X" if value == 10 else str(value)


def make_id(birth: date, serial: int, male: bool, region: str = "330106") -> str:
    gender_digit = serial % 5 * 2 + (1 if male else 0)
    first17 = f"{region}{birth:%Y%m%d}{serial % 100:02d}{gender_digit}"
    return first17 + check_character(first17)


birth_dates = st.dates(min_value=date(1900, 1, 1), max_value=date(2010, 12, 31))


@given(birth_dates, st.integers(0, 999), st.booleans())
def test_valid_id_number_is_accepted(birth, serial, male):
    number = make_id(birth, serial, male)
    assert domain.validate_id_number(number.lower(), birth, "male" if male else "female") == number


@given(birth_dates, st.integers(0, 999), st.booleans(), st.integers(0, 16), st.integers(1, 9))
def test_changing_any_single_digit_is_rejected(birth, serial, male, position, shift):
    number = make_id(birth, serial, male)
    changed = number[:position] + str((int(number[position]) + shift) % 10) + number[position + 1:]
    with pytest.raises(Invalid) as error:
        domain.validate_id_number(changed, birth, "male" if male else "female")
    assert "id_number" in error.value.errors


def test_id_number_with_wrong_check_digit_is_rejected():
    number = make_id(date(1945, 3, 1), 1, False)
    wrong = number[:17] + ("0" if number[17] != "0" else "1")
    with pytest.raises(Invalid, match="check digit"):
        domain.validate_id_number(wrong, date(1945, 3, 1), "female")


def test_id_number_must_carry_the_given_birth_date():
    number = make_id(date(1945, 3, 1), 1, False)
    with pytest.raises(Invalid, match="birth date"):
        domain.validate_id_number(number, date(1945, 3, 2), "female")


def test_id_number_gender_digit_must_match_gender():
    number = make_id(date(1945, 3, 1), 1, male=True)
    with pytest.raises(Invalid, match="gender"):
        domain.validate_id_number(number, date(1945, 3, 1), "female")


@pytest.mark.parametrize("value", ["", "12345", "33010619450301001", "3301061945030100123", "33010619450301001Y"])
def test_id_number_must_be_17_digits_and_a_digit_or_x(value):
    with pytest.raises(Invalid):
        domain.validate_id_number(value, date(1945, 3, 1), "female")


@pytest.mark.parametrize("phone,mobile", [("13912341234", True), ("+86 139 1234 1234", True),
                                          ("0571-88001234", False), ("057188001234", False), ("010-1234567", False)])
def test_mobile_or_landline_is_accepted(phone, mobile):
    assert domain.normalise_phone(phone)[1] is mobile


@pytest.mark.parametrize("phone", ["12912341234", "1391234123", "88001234", "phone", "139123412345"])
def test_other_phone_numbers_are_rejected(phone):
    with pytest.raises(ValueError):
        domain.normalise_phone(phone)


def test_an_elder_needs_at_least_one_emergency_contact():
    with pytest.raises(Invalid) as error:
        domain.validate_elder_fields({"emergency_contacts": []})
    assert "emergency_contacts" in error.value.errors


def test_emergency_contact_phone_is_checked():
    with pytest.raises(Invalid) as error:
        domain.validate_elder_fields({"emergency_contacts": [{"name": "a", "relation": "son", "phone": "123"}]})
    assert "emergency_contacts.0.phone" in error.value.errors


@pytest.mark.parametrize("card,ok", [("AB1234", True), ("A" * 32, True), ("AB123", False), ("A" * 33, False),
                                     ("AB-1234", False)])
def test_citizen_card_is_6_to_32_letters_and_digits(card, ok):
    if ok:
        domain.validate_elder_fields({"citizen_card_no": card})
    else:
        with pytest.raises(Invalid):
            domain.validate_elder_fields({"citizen_card_no": card})


# An elder born 1940-05-01, assessed on 2026-01-10: written-out dates, not computed ones.
BORN = date(1940, 5, 1)
ASSESSED = date(2026, 1, 10)


@pytest.mark.parametrize("level,status,reasons", [
    (0, "active", ["LEVEL"]), (1, "active", ["LEVEL"]), (2, "active", []), (3, "active", []),
    (None, "active", ["NO_ASSESSMENT"]), (3, "suspended", ["INACTIVE"]), (2, "closed", ["INACTIVE"]),
    (1, "suspended", ["LEVEL", "INACTIVE"])])
def test_only_active_elders_at_level_2_or_3_are_eligible(level, status, reasons):
    assessed = ASSESSED if level is not None else None
    assert domain.ineligibility_reasons(status, level, assessed, BORN, date(2026, 6, 1), RULES) == reasons


@pytest.mark.parametrize("today,reasons", [
    (date(2026, 1, 10), []),  # the day of the assessment
    (date(2027, 1, 9), []),  # day 365 from assessed_on, that day included: the last valid day
    (date(2027, 1, 10), ["ASSESSMENT_EXPIRED"]),  # day 366
])
def test_an_assessment_is_valid_for_365_days_from_its_date(today, reasons):
    assert domain.ineligibility_reasons("active", 2, ASSESSED, BORN, today, RULES) == reasons


def test_the_assessment_is_due_again_on_its_last_valid_day():
    assert domain.assessment_due_on(ASSESSED, RULES) == date(2027, 1, 9)
    assert domain.assessment_due_on(date(2027, 3, 1), RULES) == date(2028, 2, 28)  # 365 days across a leap day
    assert domain.assessment_due_on(ASSESSED, Rules(assessment_valid_days=180)) == date(2026, 7, 8)


@pytest.mark.parametrize("born,today,reasons", [
    (date(1966, 6, 2), date(2026, 6, 1), ["UNDER_AGE"]),  # 59, the day before the 60th birthday
    (date(1966, 6, 1), date(2026, 6, 1), []),  # 60 on the day
    (date(1964, 2, 29), date(2024, 2, 28), ["UNDER_AGE"]),
    (date(1964, 2, 29), date(2024, 2, 29), []),
    (date(1965, 2, 28), date(2025, 2, 28), []),
])
def test_the_service_is_for_elders_of_60_and_over(born, today, reasons):
    assert domain.ineligibility_reasons("active", 2, date(2026, 5, 1), born, today, RULES) == reasons


def test_the_minimum_age_is_configurable():
    assert domain.ineligibility_reasons("active", 2, ASSESSED, date(1966, 6, 1), date(2026, 6, 1),
                                        Rules(min_age=65)) == ["UNDER_AGE"]


def test_every_reason_is_given_in_the_contracts_order():
    assert domain.ineligibility_reasons("closed", 1, date(2020, 1, 1), date(2000, 1, 1), date(2026, 6, 1), RULES) == [
        "LEVEL", "ASSESSMENT_EXPIRED", "UNDER_AGE", "INACTIVE"]
    assert domain.ineligibility_reasons("suspended", None, None, date(2000, 1, 1), date(2026, 6, 1), RULES) == [
        "NO_ASSESSMENT", "UNDER_AGE", "INACTIVE"]


@pytest.mark.parametrize("assessed_on,latest_on,becomes", [
    (date(2026, 10, 1), None, True), (date(2026, 10, 1), date(2026, 9, 30), True),
    (date(2026, 10, 1), date(2026, 10, 1), True),  # equal dates: the last recorded counts
    (date(2019, 1, 1), date(2026, 10, 1), False)])  # a back-dated entry joins the history only
def test_the_latest_assessment_is_the_one_with_the_latest_date(assessed_on, latest_on, becomes):
    assert domain.becomes_latest(assessed_on, latest_on) is becomes


def test_an_assessment_dated_in_the_future_is_refused():
    domain.check_assessed_on(date(2026, 6, 1), date(2026, 6, 1))
    with pytest.raises(Invalid) as error:
        domain.check_assessed_on(date(2026, 6, 2), date(2026, 6, 1))
    assert "assessed_on" in error.value.errors


@pytest.mark.parametrize("today,due", [
    (date(2026, 12, 9), False),  # 31 days before the last valid day (2027-01-09)
    (date(2026, 12, 10), True),  # 30 days before
    (date(2027, 1, 9), True),  # the last valid day
    (date(2027, 1, 10), False)])  # lapsed: no more reminders, the elder is ineligible
def test_the_point_is_reminded_30_days_before_the_assessment_lapses(today, due):
    assert domain.assessment_reminder_due(ASSESSED, today, RULES) is due


def test_a_new_commitment_version_requires_re_signing():
    assert domain.commitment_current("v1", "v1")
    assert not domain.commitment_current("v1", "v2")
    assert not domain.commitment_current(None, "v1")


def test_signing_another_version_than_the_current_is_refused():
    with pytest.raises(Invalid):
        domain.check_commitment_version("v0", "v1")
    domain.check_commitment_version("v1", "v1")


@pytest.mark.parametrize("level,status,signed,eligible,current", [
    (2, "active", "v1", True, True), (1, "active", "v1", False, True), (3, "suspended", None, False, False),
    (2, "active", "v0", True, False)])
def test_the_bathing_decision_is_eligibility_and_a_current_commitment(level, status, signed, eligible, current):
    decision = domain.bathing_decision(status, level, ASSESSED, BORN, signed, date(2026, 6, 1), "v1", RULES)
    assert (decision.eligible, decision.commitment_current) == (eligible, current)


def test_the_decision_lapses_the_day_after_the_assessments_last_valid_day():
    decision = domain.bathing_decision("active", 2, ASSESSED, BORN, "v1", date(2026, 6, 1), "v1", RULES)
    assert decision.lapses_on == date(2027, 1, 10)
    lapsed = domain.bathing_decision("active", 2, ASSESSED, BORN, "v1", date(2027, 1, 10), "v1", RULES)
    assert (lapsed.eligible, lapsed.lapses_on, lapsed.ineligibility_reasons) == (False, None, ("ASSESSMENT_EXPIRED",))


def test_the_decision_of_an_elder_under_60_lapses_on_the_60th_birthday():
    decision = domain.bathing_decision("active", 2, date(2026, 5, 1), date(1966, 6, 10), "v1", date(2026, 6, 1), "v1",
                                       RULES)
    assert (decision.eligible, decision.lapses_on) == (False, date(2026, 6, 10))


def test_an_elder_with_no_assessment_has_a_decision_no_date_changes():
    decision = domain.bathing_decision("active", None, None, BORN, "v1", date(2026, 6, 1), "v1", RULES)
    assert (decision.eligible, decision.lapses_on, decision.ineligibility_reasons) == (False, None, ("NO_ASSESSMENT",))


@pytest.mark.parametrize("witness", [None, {"active": False, "service_point_id": "P1"},
                                     {"active": True, "service_point_id": "P2"}])
def test_a_commitment_is_witnessed_by_active_staff_of_the_elders_point(witness):
    with pytest.raises(Invalid) as error:
        domain.check_witness(witness, "P1")
    assert "witness_staff_id" in error.value.errors


@pytest.mark.parametrize("point", ["P1", None])
def test_staff_of_the_point_or_of_none_may_witness(point):
    domain.check_witness({"active": True, "service_point_id": point}, "P1")


@pytest.mark.parametrize("status", ["active", "suspended"])
def test_an_open_record_may_change(status):
    domain.check_open(status, "changed")


def test_a_closed_record_is_not_changed_assessed_or_signed_for():
    for change in ("changed", "assessed", "signed for"):
        with pytest.raises(DomainError) as error:
            domain.check_open("closed", change)
        assert error.value.code == "INVALID_TRANSITION"


@pytest.mark.parametrize("status,action,after", [("active", "suspend", "suspended"), ("suspended", "reactivate", "active"),
                                                 ("active", "close", "closed"), ("suspended", "close", "closed"),
                                                 ("closed", "reopen", "active")])
def test_elder_status_transitions(status, action, after):
    assert domain.transition(status, action) == after


@pytest.mark.parametrize("status,action", [("active", "reactivate"), ("suspended", "suspend"), ("closed", "reactivate"),
                                           ("closed", "suspend"), ("closed", "close"), ("active", "reopen"),
                                           ("suspended", "reopen")])
def test_illegal_elder_transitions_are_refused(status, action):
    with pytest.raises(DomainError) as error:
        domain.transition(status, action)
    assert error.value.code == "INVALID_TRANSITION"


TODAY = date(2026, 11, 22)
CERT = {"number": "H1", "issued_on": date(2025, 1, 1), "expires_on": date(2026, 12, 31)}


def test_qualified_staff_has_no_problems():
    assert domain.qualification_problems(CERT, 2, {"completed_on": "2024-01-01"}, TODAY, RULES) == []


def test_missing_certificate_short_experience_and_no_training_are_each_reported():
    assert domain.qualification_problems(None, 1.9, None, TODAY, RULES) == [
        "HEALTH_CERTIFICATE_MISSING", "EXPERIENCE_TOO_SHORT", "TRAINING_MISSING"]


def test_certificate_is_valid_through_its_expiry_day():
    cert = dict(CERT, expires_on=TODAY)
    assert domain.qualification_problems(cert, 5, {"completed_on": "x"}, TODAY, RULES) == []
    assert domain.qualification_problems(cert, 5, {"completed_on": "x"}, TODAY + timedelta(days=1), RULES) == [
        "HEALTH_CERTIFICATE_EXPIRED"]


def test_minimum_experience_is_configurable():
    assert domain.qualification_problems(CERT, 2, {"completed_on": "x"}, TODAY, Rules(min_experience_years=3)) == [
        "EXPERIENCE_TOO_SHORT"]


@pytest.mark.parametrize("days,change", [(31, None), (30, "expiring_soon"), (0, "expiring_soon"), (-1, "expired")])
def test_certificate_warning_30_days_before_expiry(days, change):
    assert domain.certificate_change(TODAY + timedelta(days=days), TODAY, RULES) == change


def born(years_ago: int, days: int = 0) -> date:
    return date(TODAY.year - years_ago, TODAY.month, TODAY.day) + timedelta(days=days)


@pytest.mark.parametrize("birth,age", [(born(60), 60), (born(60, 1), 59), (born(70, -1), 70), (born(90, 1), 89)])
def test_age_counts_whole_years_and_birthdays(birth, age):
    assert domain.age_on(birth, TODAY) == age


def test_leap_day_birthday_turns_a_year_older_on_1_march():
    assert domain.age_on(date(1956, 2, 29), date(2026, 2, 28)) == 69
    assert domain.age_on(date(1956, 2, 29), date(2026, 3, 1)) == 70


# Seed 004, against the fixed day 2026-11-22: birthdays written out, so each row is its own
# oracle (70 today: born 1956-11-22; 69: born 1956-11-23; 90: 1936-11-22; 89: 1936-11-23;
# 60: 1966-11-22; 59: 1966-11-23).
CERTIFICATE = "DB-330106-0042"
SUBSIDY_TABLE = [
    # category, born, capability level, urban → eligible, basis, problems
    ("dibao", date(1956, 11, 22), 1, True, True, "aged_with_category", ()),  # 70 today: C2
    ("dibao", date(1956, 11, 23), 1, True, False, None, ("UNDER_CATEGORY_AGE",)),  # 69
    ("sanwu", date(1956, 11, 22), 2, True, True, "aged_with_category", ()),
    ("youfu", date(1956, 11, 23), 2, True, False, None, ("UNDER_CATEGORY_AGE",)),
    ("sanwu", date(1966, 11, 22), 3, True, True, "severely_disabled", ()),  # 60 and severely disabled: C1
    ("dibao", date(1966, 11, 22), 3, True, True, "severely_disabled", ()),
    ("youfu", date(1966, 11, 22), 3, True, True, "severely_disabled", ()),
    ("dibao", date(1966, 11, 23), 3, True, False, None, ("UNDER_AGE",)),  # 59: under the base age
    ("dibao", date(1966, 11, 22), 2, True, False, None, ("UNDER_CATEGORY_AGE",)),  # 60, level 2 only
    ("dibao", date(1956, 11, 22), 3, True, True, "severely_disabled", ()),
    ("age_90", date(1936, 11, 22), None, True, True, "aged_90", ()),       # 90 today: C3
    ("age_90", date(1936, 11, 23), 3, True, False, None, ("UNDER_CATEGORY_AGE",)),  # 89
    ("age_90", date(1936, 11, 22), None, False, False, None, ("NOT_URBAN",)),  # rural
    ("dibao", date(1940, 1, 1), 3, False, False, None, ("NOT_URBAN",)),
]


def claim(category: str, urban: bool = True, household: bool = True, resides: bool = True,
          evidence: str | None = CERTIFICATE, level: str | None = "city") -> domain.SubsidyClaim:
    return domain.SubsidyClaim(category, urban, household, resides, evidence if category != "age_90" else None,
                               level)


@pytest.mark.parametrize("category,birth,level,urban,eligible,basis,problems", SUBSIDY_TABLE)
def test_subsidy_categories_and_age_boundaries(category, birth, level, urban, eligible, basis, problems):
    result = domain.subsidy_eligibility(claim(category, urban), birth, level, TODAY, RULES)
    assert (result.eligible, result.basis, result.problems) == (eligible, basis, problems)
    assert len(result.reasons) == max(1, len(problems))


@pytest.mark.parametrize("birth,level,eligible", [
    (date(1956, 11, 22), None, True),     # 70 today
    (date(1956, 11, 23), None, False),    # 69
    (date(1966, 11, 22), 3, False),       # severe disability does not make a model worker eligible at 60
])
def test_model_workers_qualify_from_70(birth, level, eligible):
    result = domain.subsidy_eligibility(claim("model_worker"), birth, level, TODAY, RULES)
    assert result.eligible is eligible
    assert result.problems == (() if eligible else ("UNDER_CATEGORY_AGE",))


@pytest.mark.parametrize("conferred,eligible", [("town", False), ("county", False), ("city", True),
                                                ("provincial", True), ("national", True), (None, False)])
def test_model_workers_of_city_level_or_above(conferred, eligible):
    """盐城市级以上劳模: a title conferred by the county-level city (大丰市) or the town is not enough."""
    result = domain.subsidy_eligibility(claim("model_worker", level=conferred), date(1950, 1, 1), 1, TODAY, RULES)
    assert result.eligible is eligible
    assert result.problems == (() if eligible else ("MODEL_WORKER_LEVEL",))


def test_the_model_workers_level_is_configurable():
    provincial = Rules(model_worker_min_level="provincial")
    assert not domain.subsidy_eligibility(claim("model_worker", level="city"), date(1950, 1, 1), 1, TODAY,
                                          provincial).eligible
    with pytest.raises(ValueError):
        Rules(model_worker_min_level="village")


@pytest.mark.parametrize("household,resides,problems", [
    (True, True, ()),
    (False, True, ("NOT_LOCAL_HOUSEHOLD",)),
    (True, False, ("NOT_LOCAL_RESIDENT",)),
    (False, False, ("NOT_LOCAL_HOUSEHOLD", "NOT_LOCAL_RESIDENT")),
])
def test_household_registration_and_residence_are_both_needed(household, resides, problems):
    """户籍与居住地在我镇: both, in every category."""
    for category in domain.SUBSIDY_CATEGORIES:
        result = domain.subsidy_eligibility(claim(category, household=household, resides=resides),
                                            date(1930, 5, 1), 3, TODAY, RULES)
        assert (result.eligible, result.problems) == (not problems, problems), category


@pytest.mark.parametrize("category,evidence,problems", [
    ("dibao", None, ("EVIDENCE_MISSING",)), ("sanwu", "  ", ("EVIDENCE_MISSING",)),
    ("youfu", None, ("EVIDENCE_MISSING",)), ("dibao", "DB-1", ()), ("age_90", None, ()),
])
def test_a_status_category_names_its_certificate(category, evidence, problems):
    result = domain.subsidy_eligibility(
        domain.SubsidyClaim(category, True, True, True, evidence), date(1930, 5, 1), 3, TODAY, RULES)
    assert result.problems == problems


def test_every_unmet_condition_is_named_at_once():
    result = domain.subsidy_eligibility(
        domain.SubsidyClaim("model_worker", False, False, False, None, "county"), date(1966, 11, 23), None, TODAY,
        RULES)
    assert result.problems == ("UNDER_AGE", "NOT_LOCAL_HOUSEHOLD", "NOT_LOCAL_RESIDENT", "NOT_URBAN",
                               "EVIDENCE_MISSING", "MODEL_WORKER_LEVEL", "UNDER_CATEGORY_AGE")
    assert not result.eligible and result.basis is None and len(result.reasons) == 7


@given(st.integers(0, 364))
def test_nobody_under_60_qualifies(days_short):
    birth = born(60, days_short + 1)
    assume(domain.age_on(birth, TODAY) == 59)
    for category in domain.SUBSIDY_CATEGORIES:
        result = domain.subsidy_eligibility(claim(category, level="national"), birth, 3, TODAY, RULES)
        assert not result.eligible and "UNDER_AGE" in result.problems


def test_subsidy_is_reviewed_then_approved_in_order():
    assert domain.subsidy_step("submitted", "review", True) == "reviewed"
    assert domain.subsidy_step("submitted", "review", False) == "rejected"
    assert domain.subsidy_step("reviewed", "approve", True) == "approved"
    assert domain.subsidy_step("reviewed", "approve", False) == "rejected"


@pytest.mark.parametrize("stage,step", [("submitted", "approve"), ("reviewed", "review"), ("approved", "approve"),
                                        ("rejected", "review"), ("ended", "approve")])
def test_subsidy_steps_out_of_order_are_refused(stage, step):
    with pytest.raises(DomainError) as error:
        domain.subsidy_step(stage, step, True)
    assert error.value.code == "INVALID_TRANSITION"


@pytest.mark.parametrize("stage,step", [("submitted", "review"), ("reviewed", "approve")])
def test_an_ineligible_application_is_passed_at_no_step_but_can_be_refused(stage, step):
    with pytest.raises(DomainError) as error:
        domain.subsidy_step(stage, step, True, eligible=False)
    assert error.value.code == "NOT_ELIGIBLE"
    assert domain.subsidy_step(stage, step, False, eligible=False) == "rejected"


@pytest.mark.parametrize("held,duplicate", [
    ([], False),
    ([domain.HeldSubsidy("submitted", None)], True),
    ([domain.HeldSubsidy("reviewed", None)], True),
    ([domain.HeldSubsidy("rejected", None)], False),
    ([domain.HeldSubsidy("ended", date(2027, 6, 1))], False),
    ([domain.HeldSubsidy("approved", date(2027, 6, 1))], True),     # 191 days left
    ([domain.HeldSubsidy("approved", date(2026, 12, 23))], True),   # 31 days left: not yet due
    ([domain.HeldSubsidy("approved", date(2026, 12, 22))], False),  # 30 days left: due for re-check
    ([domain.HeldSubsidy("approved", date(2026, 12, 21))], False),  # 29 days left
    ([domain.HeldSubsidy("approved", date(2026, 11, 1))], False),   # lapsed
    ([domain.HeldSubsidy("approved", None)], False),                # approved before validity was kept
    ([domain.HeldSubsidy("rejected", None), domain.HeldSubsidy("submitted", None)], True),
])
def test_one_open_or_approved_application_per_elder_and_category(held, duplicate):
    if duplicate:
        with pytest.raises(DomainError) as error:
            domain.check_not_duplicate(held, TODAY, RULES)
        assert error.value.code == "DUPLICATE_APPLICATION"
    else:
        domain.check_not_duplicate(held, TODAY, RULES)


def test_an_approved_subsidy_holds_a_year_from_approval_and_is_rechecked_before_it_lapses():
    assert domain.subsidy_validity(date(2026, 11, 22), RULES) == (date(2026, 11, 22), date(2027, 11, 21))
    assert domain.subsidy_validity(date(2024, 3, 1), Rules(subsidy_valid_days=30)) == (date(2024, 3, 1),
                                                                                        date(2024, 3, 30))
    assert domain.subsidy_in_force("approved", date(2026, 11, 22), date(2027, 11, 21), date(2027, 11, 21))
    assert not domain.subsidy_in_force("approved", date(2026, 11, 22), date(2027, 11, 21), date(2027, 11, 22))
    assert not domain.subsidy_in_force("approved", date(2026, 11, 22), date(2027, 11, 21), date(2026, 11, 21))
    assert not domain.subsidy_in_force("ended", date(2026, 11, 22), date(2027, 11, 21), date(2027, 1, 1))
    assert not domain.subsidy_in_force("approved", None, None, date(2027, 1, 1))
    assert domain.recheck_due(None, date(2027, 1, 1), RULES)


# The re-check falls due as the assessment reminder starts: within 30 days of the last
# valid day, the 30th included (a subsidy and an assessment ending the same day are both
# flagged from the same morning).
@pytest.mark.parametrize("today,due", [
    (date(2027, 10, 21), False),  # 31 days before the last valid day (2027-11-21)
    (date(2027, 10, 22), True),   # 30 days before
    (date(2027, 10, 23), True),   # 29 days before
    (date(2027, 11, 21), True),   # the last valid day
    (date(2027, 11, 22), True)])  # lapsed: still to be re-checked
def test_a_subsidy_is_due_for_its_recheck_from_30_days_before_its_last_day(today, due):
    assert domain.recheck_due(date(2027, 11, 21), today, RULES) is due
    # the same day as an assessment whose last valid day is the subsidy's
    if today <= date(2027, 11, 21):
        assert domain.assessment_reminder_due(date(2026, 11, 22), today, RULES) is due


def test_the_recheck_window_follows_its_setting():
    rules = Rules(subsidy_recheck_days=10)
    assert not domain.recheck_due(date(2027, 11, 21), date(2027, 11, 10), rules)  # 11 days before
    assert domain.recheck_due(date(2027, 11, 21), date(2027, 11, 11), rules)      # 10 days before
    assert domain.recheck_due(date(2027, 11, 21), date(2027, 11, 21), Rules(subsidy_recheck_days=0))
    assert not domain.recheck_due(date(2027, 11, 21), date(2027, 11, 20), Rules(subsidy_recheck_days=0))


def test_only_an_approved_subsidy_can_be_ended():
    domain.check_can_end("approved")
    for status in ("submitted", "reviewed", "rejected", "ended"):
        with pytest.raises(DomainError):
            domain.check_can_end(status)


def test_opening_hours_spans_must_be_ordered_and_not_overlap():
    domain.validate_opening_hours({"mon": [["08:30", "11:30"], ["14:30", "17:30"]], "sun": []})
    for bad in ({"mon": [["11:30", "08:30"]]}, {"mon": [["08:00", "12:00"], ["11:00", "13:00"]]},
                {"funday": []}, {"mon": [["8:00", "12:00"]]}):
        with pytest.raises(Invalid):
            domain.validate_opening_hours(bad)
