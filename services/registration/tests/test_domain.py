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


@pytest.mark.parametrize("level,status,eligible", [(0, "active", False), (1, "active", False), (2, "active", True),
                                                   (3, "active", True), (None, "active", False),
                                                   (3, "suspended", False), (2, "closed", False)])
def test_only_active_elders_at_level_2_or_3_are_eligible(level, status, eligible):
    assert domain.eligible_for_bathing(status, level, RULES) is eligible


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
    decision = domain.bathing_decision(status, level, signed, TODAY, "v1", RULES)
    assert (decision.eligible, decision.commitment_current) == (eligible, current)
    assert decision.lapses_on is None, "no rule of today's depends on the date"


@pytest.mark.parametrize("status", ["active", "suspended"])
def test_an_open_record_may_change(status):
    domain.check_open(status, "changed")


def test_a_closed_record_is_not_changed_assessed_or_signed_for():
    for change in ("changed", "assessed", "signed for"):
        with pytest.raises(DomainError) as error:
            domain.check_open("closed", change)
        assert error.value.code == "INVALID_TRANSITION"


@pytest.mark.parametrize("status,action,after", [("active", "suspend", "suspended"), ("suspended", "reactivate", "active"),
                                                 ("active", "close", "closed"), ("suspended", "close", "closed")])
def test_elder_status_transitions(status, action, after):
    assert domain.transition(status, action) == after


@pytest.mark.parametrize("status,action", [("active", "reactivate"), ("suspended", "suspend"), ("closed", "reactivate"),
                                           ("closed", "suspend"), ("closed", "close")])
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


@pytest.mark.parametrize("birth,eligible", [(born(70), True), (born(70, 1), False)])
def test_subsidy_for_urban_categories_from_70(birth, eligible):
    for category in ("sanwu", "dibao", "youfu", "model_worker"):
        assert domain.subsidy_eligibility(category, True, birth, 1, TODAY, RULES)[0] is eligible


@pytest.mark.parametrize("birth,eligible", [(born(90), True), (born(90, 1), False)])
def test_subsidy_for_every_urban_elder_from_90(birth, eligible):
    assert domain.subsidy_eligibility("age_90", True, birth, None, TODAY, RULES)[0] is eligible


def test_severely_disabled_sanwu_dibao_youfu_qualify_from_60_but_model_workers_do_not():
    for category in ("sanwu", "dibao", "youfu"):
        assert domain.subsidy_eligibility(category, True, born(60), 3, TODAY, RULES)[0]
    assert not domain.subsidy_eligibility("model_worker", True, born(60), 3, TODAY, RULES)[0]


@given(st.integers(0, 364))
def test_nobody_under_60_qualifies(days_short):
    birth = born(60, days_short + 1)
    assume(domain.age_on(birth, TODAY) == 59)
    for category in domain.SUBSIDY_CATEGORIES:
        assert not domain.subsidy_eligibility(category, True, birth, 3, TODAY, RULES)[0]


def test_rural_residents_are_not_covered_by_the_urban_subsidy():
    eligible, reasons = domain.subsidy_eligibility("age_90", False, born(95), 3, TODAY, RULES)
    assert not eligible and "urban" in reasons[0]


def test_subsidy_is_reviewed_then_approved_in_order():
    assert domain.subsidy_step("submitted", "review", True) == "reviewed"
    assert domain.subsidy_step("reviewed", "approve", True) == "approved"
    assert domain.subsidy_step("reviewed", "approve", False) == "rejected"


@pytest.mark.parametrize("stage,step", [("submitted", "approve"), ("reviewed", "review"), ("approved", "approve"),
                                        ("rejected", "review")])
def test_subsidy_steps_out_of_order_are_refused(stage, step):
    with pytest.raises(DomainError) as error:
        domain.subsidy_step(stage, step, True)
    assert error.value.code == "INVALID_TRANSITION"


def test_opening_hours_spans_must_be_ordered_and_not_overlap():
    domain.validate_opening_hours({"mon": [["08:30", "11:30"], ["14:30", "17:30"]], "sun": []})
    for bad in ({"mon": [["11:30", "08:30"]]}, {"mon": [["08:00", "12:00"], ["11:00", "13:00"]]},
                {"funday": []}, {"mon": [["8:00", "12:00"]]}):
        with pytest.raises(Invalid):
            domain.validate_opening_hours(bad)
