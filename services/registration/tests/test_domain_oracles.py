"""Registration rules against hand-written oracles: resident ID numbers from the national
standard GB 11643 (its own examples and numbers worked by hand from its formula), an
elder's fields as a registration saves them, the subsidy's steps, opening-hour spans at
their edges, the contract's vocabularies and the defaults a deployment gets. No I/O."""
from __future__ import annotations

import dataclasses
import os
from datetime import date

import pytest

from services.registration import config, domain
from services.registration.domain import DomainError, Invalid, Rules

# (number, birth date, gender): the first two are GB 11643-1999's own examples; the others
# were worked by hand with its formula, so that every one of the 17 positions carries a
# digit other than 0 in at least one number (a wrong weight there changes the check).
VALID = [("11010519491231002X", date(1949, 12, 31), "female"),
         ("440524188001010014", date(1880, 1, 1), "male"),
         ("321283195607181232", date(1956, 7, 18), "male"),
         ("513427193711295676", date(1937, 11, 29), "male"),
         ("654121194506034890", date(1945, 6, 3), "male"),
         ("211402195202149987", date(1952, 2, 14), "female")]


@pytest.mark.parametrize("number,birth,gender", VALID)
def test_the_check_character_of_known_good_numbers(number, birth, gender):
    assert domain.id_check_digit(number[:17]) == number[17]
    assert domain.validate_id_number(number.lower(), birth, gender) == number


def test_region_code_000000_is_refused():
    with pytest.raises(Invalid) as error:
        domain.validate_id_number("000000194912310027", date(1949, 12, 31), "female")
    assert error.value.errors == {"id_number": ["The region code is not valid."]}


def test_a_number_whose_birth_date_is_not_a_date_is_refused():
    with pytest.raises(Invalid) as error:
        domain.validate_id_number("110105194902300020", date(1949, 2, 28), "female")
    assert error.value.errors == {"id_number": ["The birth date inside the number is not a date."]}


ELDER = {"name": "张阿姨", "birth_date": date(1949, 12, 31), "gender": "female", "citizen_card_no": "AB123456"}


def test_registering_an_elder_checks_and_normalises_the_id_number():
    saved = domain.validate_elder_fields({**ELDER, "id_number": " 11010519491231002x "})
    assert saved["id_number"] == "11010519491231002X"
    with pytest.raises(Invalid) as error:
        domain.validate_elder_fields({**ELDER, "id_number": "110105194912310021"})
    assert error.value.errors == {"id_number": ["The check digit is wrong."]}


@pytest.mark.parametrize("phone,saved,mobile", [("+86 139 1234 1234", "13912341234", True),
                                                ("(0571)-8800 1234", "0571-88001234", False),
                                                ("", None, False), (None, None, False)])
def test_an_elders_own_phone_is_saved_normalised_with_whether_it_is_a_mobile(phone, saved, mobile):
    out = domain.validate_elder_fields({**ELDER, "phone": phone})
    assert (out["phone"], out["phone_is_mobile"]) == (saved, mobile)


def test_a_wrong_phone_is_refused_on_its_field():
    with pytest.raises(Invalid) as error:
        domain.validate_elder_fields({**ELDER, "phone": "12345"})
    assert list(error.value.errors) == ["phone"]


def test_emergency_contacts_are_saved_with_normalised_phones():
    contacts = [{"name": "李明", "relation": "son", "phone": "+86 138 0000 1111"},
                {"name": "李红", "relation": "daughter", "phone": "0571 88001234"}]
    assert domain.validate_elder_fields({**ELDER, "emergency_contacts": contacts})["emergency_contacts"] == [
        {"name": "李明", "relation": "son", "phone": "13800001111"},
        {"name": "李红", "relation": "daughter", "phone": "057188001234"}]


def test_a_wrong_contact_phone_is_refused_on_that_contacts_field():
    contacts = [{"name": "李明", "phone": "13800001111"}, {"name": "李红", "phone": "555"}]
    with pytest.raises(Invalid) as error:
        domain.validate_elder_fields({**ELDER, "emergency_contacts": contacts})
    assert list(error.value.errors) == ["emergency_contacts.1.phone"]


def test_fields_not_sent_are_left_as_they_are():
    assert domain.validate_elder_fields({"name": "张阿姨"}) == {"name": "张阿姨"}


# Every step of a subsidy application, written out: (stage, step, approved) -> next stage.
SUBSIDY_STEPS = {("submitted", "review", True): "reviewed", ("submitted", "review", False): "rejected",
                 ("reviewed", "approve", True): "approved", ("reviewed", "approve", False): "rejected"}


@pytest.mark.parametrize("stage,step,approved", [(stage, step, approved)
                                                 for stage in ("submitted", "reviewed", "approved", "rejected")
                                                 for step in ("review", "approve") for approved in (True, False)])
def test_each_step_of_a_subsidy_application_follows_the_table(stage, step, approved):
    if (stage, step, approved) in SUBSIDY_STEPS:
        assert domain.subsidy_step(stage, step, approved) == SUBSIDY_STEPS[(stage, step, approved)]
    else:
        with pytest.raises(DomainError) as error:
            domain.subsidy_step(stage, step, approved)
        assert error.value.code == "INVALID_TRANSITION"


# Every change of an elder's status, written out.
ELDER_STEPS = {("active", "suspend"): "suspended", ("suspended", "reactivate"): "active", ("active", "close"): "closed",
               ("suspended", "close"): "closed", ("closed", "reopen"): "active"}


@pytest.mark.parametrize("status,action", [(status, action) for status in ("active", "suspended", "closed")
                                           for action in ("suspend", "reactivate", "close", "reopen")])
def test_each_change_of_an_elders_status_follows_the_table(status, action):
    if (status, action) in ELDER_STEPS:
        assert domain.transition(status, action) == ELDER_STEPS[(status, action)]
    else:
        with pytest.raises(DomainError) as error:
            domain.transition(status, action)
        assert error.value.code == "INVALID_TRANSITION"


@pytest.mark.parametrize("hours", [{"mon": [["08:00", "12:00"], ["12:00", "14:00"]]}, {"sun": [["00:00", "23:59"]]},
                                   {day: [["09:00", "10:00"]] for day in ("mon", "tue", "wed", "thu", "fri", "sat",
                                                                          "sun")}])
def test_spans_that_touch_and_a_whole_day_are_accepted_on_every_weekday(hours):
    assert domain.validate_opening_hours(hours) == hours


@pytest.mark.parametrize("hours", [{"mon": [[f"{h:02d}:00", f"{h:02d}:30"] for h in range(8)]},
                                   {"mon": [["19:00", "20:00"], ["00:00", "01:00"], ["20:00", "23:59"]]}])
def test_eight_spans_a_day_in_any_order_are_accepted(hours):
    assert domain.validate_opening_hours(hours) == hours


@pytest.mark.parametrize("hours,problem", [
    ({"mon": [["08:00", "08:00"]]}, 'mon: each span is ["HH:MM", "HH:MM"] with start before end.'),
    ({"mon": [["08:00", "24:00"]]}, 'mon: each span is ["HH:MM", "HH:MM"] with start before end.'),
    ({"mon": [["08:60", "09:00"]]}, 'mon: each span is ["HH:MM", "HH:MM"] with start before end.'),
    ({"mon": [["08:00"]]}, 'mon: each span is ["HH:MM", "HH:MM"] with start before end.'),
    ({"mon": [["08:00", "12:00"], ["11:59", "13:00"]]}, "mon: spans overlap."),
    ({"mon": "08:00-12:00"}, "mon: a list of [start, end] spans."),
    ({"monday": []}, "Unknown day 'monday'; use mon, tue, wed, thu, fri, sat, sun."),
])
def test_each_wrong_span_is_refused_with_its_reason(hours, problem):
    with pytest.raises(Invalid) as error:
        domain.validate_opening_hours(hours)
    assert error.value.errors == {"opening_hours": [problem]}


def test_the_vocabularies_are_the_contracts():
    assert domain.GENDERS == ("female", "male")
    assert domain.CLOSE_REASONS == ("deceased", "moved", "withdrew", "lost_contact", "other")
    assert domain.INELIGIBILITY_REASONS == ("NO_ASSESSMENT", "LEVEL", "ASSESSMENT_EXPIRED", "UNDER_AGE", "INACTIVE")
    assert domain.CONSENT_KINDS == ("health_data", "sms", "third_party_sharing")
    assert domain.SUBSIDY_CATEGORIES == ("sanwu", "dibao", "youfu", "model_worker", "age_90")
    # The contract's work-list statuses, and `ended` for a subsidy the centre ends before it lapses.
    assert domain.SUBSIDY_STATUSES == ("submitted", "reviewed", "approved", "rejected", "ended")


@pytest.mark.parametrize("value", [Rules(), domain.BathingDecision(True, True, None),
                                   domain.SubsidyClaim("age_90", True, True, True),
                                   domain.SubsidyEligibility(True, "aged_90", (), ()), domain.HeldSubsidy("approved", None)])
def test_rules_and_decisions_cannot_be_changed_once_made(value):
    with pytest.raises(dataclasses.FrozenInstanceError):
        setattr(value, dataclasses.fields(value)[0].name, None)


# DOMAIN.md sections 1 and 2, written out by hand.
# An assessment valid one year (一年一评), reminded 30 days ahead; the service from 60; a model
# worker of city level or above; a subsidy approved for a year, re-checked from 30 days ahead.
DEFAULTS = {"min_experience_years": 2.0, "certificate_warning_days": 30, "eligible_levels": frozenset({2, 3}),
            "assessment_valid_days": 365, "assessment_reminder_days": 30, "min_age": 60,
            "subsidy_min_age": 60, "subsidy_age_with_category": 70, "subsidy_age_alone": 90,
            "severe_disability_level": 3, "model_worker_min_level": "city", "subsidy_valid_days": 365,
            "subsidy_recheck_days": 30}


def test_a_deployment_without_settings_gets_the_domains_defaults(monkeypatch, tmp_path):
    for name in list(os.environ):
        if name.startswith(("ZHUYU_", "REGISTRATION_")):
            monkeypatch.delenv(name)
    monkeypatch.setenv("ZHUYU_VAR_DIR", str(tmp_path))
    assert dataclasses.asdict(config.load().rules) == dataclasses.asdict(Rules()) == DEFAULTS


@pytest.mark.parametrize("number,birth,gender,problem", [
    ("11010519491231002", date(1949, 12, 31), "female", "Must be 18 characters: 17 digits and a digit or X."),
    # digits of other scripts pass str.isdigit() and int(): only 0-9 are digits of a number
    ("²1010519491231002X", date(1949, 12, 31), "female", "Must be 18 characters: 17 digits and a digit or X."),
    ("１1010519491231002X", date(1949, 12, 31), "female", "Must be 18 characters: 17 digits and a digit or X."),
    ("11010519491231002٠", date(1949, 12, 31), "female", "Must be 18 characters: 17 digits and a digit or X."),
    ("11010519491231002XX", date(1949, 12, 31), "female", "Must be 18 characters: 17 digits and a digit or X."),
    ("11010519491231002X", date(1949, 12, 30), "female", "The birth date inside the number differs from birth_date."),
    ("11010519491231002X", date(1949, 12, 31), "male", "The gender digit differs from gender."),
])
def test_each_wrong_id_number_is_refused_with_its_reason(number, birth, gender, problem):
    with pytest.raises(Invalid) as error:
        domain.validate_id_number(number, birth, gender)
    assert error.value.errors == {"id_number": [problem]}


@pytest.mark.parametrize("fields,errors", [
    ({"phone": "12345"}, {"phone": ["Not a mainland mobile (11 digits) or landline (0 + area code + number)."]}),
    ({"citizen_card_no": "AB1"}, {"citizen_card_no": ["6 to 32 letters and digits."]}),
    ({"citizen_card_no": None}, {"citizen_card_no": ["6 to 32 letters and digits."]}),
    ({"citizen_card_no": "AB123456\n"}, {"citizen_card_no": ["6 to 32 letters and digits."]}),
    ({"citizen_card_no": "AB12345６"}, {"citizen_card_no": ["6 to 32 letters and digits."]}),
    ({"citizen_card_no": "A" * 33}, {"citizen_card_no": ["6 to 32 letters and digits."]}),
    ({"phone": "1391234123４"}, {"phone": ["Not a mainland mobile (11 digits) or landline (0 + area code + number)."]}),
    ({"phone": "139123412345"}, {"phone": ["Not a mainland mobile (11 digits) or landline (0 + area code + number)."]}),
    ({"phone": "0571-8800123４"}, {"phone": ["Not a mainland mobile (11 digits) or landline (0 + area code + number)."]}),
    ({"phone": "0571-880012345"}, {"phone": ["Not a mainland mobile (11 digits) or landline (0 + area code + number)."]}),
    ({"emergency_contacts": []}, {"emergency_contacts": ["At least one emergency contact."]}),
])
def test_each_wrong_elder_field_is_refused_with_its_reason(fields, errors):
    with pytest.raises(Invalid) as error:
        domain.validate_elder_fields(fields)
    assert error.value.errors == errors


def test_signing_another_text_than_the_one_in_force_names_the_text_in_force():
    with pytest.raises(Invalid) as error:
        domain.check_commitment_version("v1", "v2")
    assert error.value.errors == {"text_version": ["The current text is v2."]}


TODAY = date(2026, 11, 22)


def claim(category, urban=True, local=True, resides=True, evidence="证-0001", model_worker_level=None):
    return domain.SubsidyClaim(category, urban, local, resides, evidence, model_worker_level)


NOT_URBAN = "The government-paid service is for urban residents; services can be bought at own expense."


# (claim, birth date, latest level) -> (eligible, basis, problems, reasons), worked by hand from
# DOMAIN.md section 1 (seed 004) on TODAY with the default ages 60 / 70 / 90 and level 3.
@pytest.mark.parametrize("application,birth,level,decision", [
    (claim("sanwu"), date(1966, 11, 23), 3, (False, None, ("UNDER_AGE",), ("Aged 59, under 60.",))),
    (claim("age_90", urban=False, evidence=None), date(1931, 1, 1), 3, (False, None, ("NOT_URBAN",), (NOT_URBAN,))),
    (claim("age_90", evidence=None), date(1936, 11, 22), None, (True, "aged_90", (), ("Urban resident aged 90.",))),
    (claim("age_90"), date(1936, 11, 23), 3, (False, None, ("UNDER_CATEGORY_AGE",), ("Aged 89, under 90.",))),
    (claim("dibao"), date(1966, 11, 22), 3,
     (True, "severely_disabled", (), ("Urban dibao elder, severely disabled (capability level 3).",))),
    (claim("youfu"), date(1961, 5, 1), 3,
     (True, "severely_disabled", (), ("Urban youfu elder, severely disabled (capability level 3).",))),
    (claim("youfu"), date(1956, 11, 22), 1, (True, "aged_with_category", (), ("Urban youfu elder aged 70.",))),
    (claim("model_worker", model_worker_level="city"), date(1956, 11, 22), 2,
     (True, "aged_with_category", (), ("Urban model_worker elder aged 70.",))),
    (claim("model_worker", model_worker_level="national"), date(1940, 1, 1), None,
     (True, "aged_with_category", (), ("Urban model_worker elder aged 86.",))),
    (claim("model_worker", model_worker_level="provincial"), date(1957, 11, 22), 3,
     (False, None, ("UNDER_CATEGORY_AGE",), ("Model workers qualify from 70 (aged 69).",))),
    (claim("model_worker", model_worker_level="county"), date(1950, 1, 1), 2,
     (False, None, ("MODEL_WORKER_LEVEL",), ("Model workers qualify from city level (stated: county).",))),
    (claim("model_worker", evidence=None), date(1950, 1, 1), 2,
     (False, None, ("EVIDENCE_MISSING", "MODEL_WORKER_LEVEL"),
      ("A model_worker application names its certificate.", "Model workers qualify from city level (stated: none)."))),
    (claim("sanwu"), date(1957, 11, 22), 2,
     (False, None, ("UNDER_CATEGORY_AGE",),
      ("Aged 69: sanwu elders qualify from 70, or earlier when severely disabled (capability level 3).",))),
    (claim("dibao", local=False, resides=False, evidence="  "), date(1946, 3, 3), 3,
     (False, None, ("NOT_LOCAL_HOUSEHOLD", "NOT_LOCAL_RESIDENT", "EVIDENCE_MISSING"),
      ("The household registration (户籍) is not in the town.", "The elder does not live in the town.",
       "A dibao application names its certificate."))),
    (claim("sanwu", urban=False, local=False, resides=False, evidence=""), date(1967, 1, 1), 2,
     (False, None, ("UNDER_AGE", "NOT_LOCAL_HOUSEHOLD", "NOT_LOCAL_RESIDENT", "NOT_URBAN", "EVIDENCE_MISSING",
                    "UNDER_CATEGORY_AGE"),
      ("Aged 59, under 60.", "The household registration (户籍) is not in the town.",
       "The elder does not live in the town.", NOT_URBAN, "A sanwu application names its certificate.",
       "Aged 59: sanwu elders qualify from 70, or earlier when severely disabled (capability level 3)."))),
])
def test_each_subsidy_decision_with_the_reasons_staff_see(application, birth, level, decision):
    assert dataclasses.astuple(domain.subsidy_eligibility(application, birth, level, TODAY, Rules())) == decision


@pytest.mark.parametrize("level,suffices", [(None, False), ("town", False), ("county", False), ("city", True),
                                            ("provincial", True), ("national", True), ("galactic", False)])
def test_a_model_worker_qualifies_from_city_level(level, suffices):
    assert domain.model_worker_level_suffices(level, Rules()) is suffices
    assert domain.model_worker_level_suffices(level, Rules(model_worker_min_level="national")) is (level == "national")


@pytest.mark.parametrize("hours,problems", [
    ({"monday": [], "mon": [["08:00", "08:00"]]},
     ["Unknown day 'monday'; use mon, tue, wed, thu, fri, sat, sun.",
      'mon: each span is ["HH:MM", "HH:MM"] with start before end.']),
    ({"mon": "08:00-12:00", "tue": [["09:00", "08:00"]]},
     ["mon: a list of [start, end] spans.", 'tue: each span is ["HH:MM", "HH:MM"] with start before end.']),
    ({"mon": [[]]}, ['mon: each span is ["HH:MM", "HH:MM"] with start before end.']),
    ({"mon": [[800, 900]]}, ['mon: each span is ["HH:MM", "HH:MM"] with start before end.']),
    # every span's shape is checked before spans are sorted against each other
    ({"mon": [[1, 2], ["08:00", "09:00"]]}, ['mon: each span is ["HH:MM", "HH:MM"] with start before end.']),
    ({"mon": [[None, "09:00"], ["08:00", "09:00"]]}, ['mon: each span is ["HH:MM", "HH:MM"] with start before end.']),
    ({"mon": [["08:00", "09:00"], "08:00"]}, ['mon: each span is ["HH:MM", "HH:MM"] with start before end.']),
    # a time is matched whole, in ASCII digits
    ({"mon": [["00:00", "23:59\n"]]}, ['mon: each span is ["HH:MM", "HH:MM"] with start before end.']),
    ({"mon": [["０８:００", "09:00"]]}, ['mon: each span is ["HH:MM", "HH:MM"] with start before end.']),
    ({"mon": [["8:00", "09:00"]]}, ['mon: each span is ["HH:MM", "HH:MM"] with start before end.']),
    ({"mon": [["08:00", "09:00", "10:00"]]}, ['mon: each span is ["HH:MM", "HH:MM"] with start before end.']),
    ({"mon": [[f"{h:02d}:00", f"{h:02d}:30"] for h in range(9)], "tue": [["08:00", "07:00"]]},
     ["mon: at most 8 spans.", 'tue: each span is ["HH:MM", "HH:MM"] with start before end.']),
    # a day with a wrong span does not stop the days after it from being checked
    ({"mon": [["08:00", "08:00"]], "tue": [["09:00", "10:00"], ["09:30", "11:00"]]},
     ['mon: each span is ["HH:MM", "HH:MM"] with start before end.', "tue: spans overlap."]),
    ({"mon": [["11:00", "13:00"], ["09:00", "10:00"], ["08:00", "12:00"]]}, ["mon: spans overlap.", "mon: spans overlap."]),
])
def test_every_wrong_day_and_span_is_reported(hours, problems):
    with pytest.raises(Invalid) as error:
        domain.validate_opening_hours(hours)
    assert error.value.errors == {"opening_hours": problems}


@pytest.mark.parametrize("settings,problem", [
    ({"model_worker_min_level": "district"},
     "model_worker_min_level is one of town, county, city, provincial, national"),
    ({"subsidy_valid_days": 0}, "subsidy_valid_days is at least 1 and subsidy_recheck_days not negative"),
    ({"subsidy_recheck_days": -1}, "subsidy_valid_days is at least 1 and subsidy_recheck_days not negative"),
])
def test_settings_a_subsidy_cannot_work_with_are_refused(settings, problem):
    with pytest.raises(ValueError) as error:
        Rules(**settings)
    assert str(error.value) == problem


def test_the_smallest_subsidy_settings_are_accepted():
    assert (Rules(subsidy_valid_days=1, subsidy_recheck_days=0).subsidy_valid_days,
            Rules(model_worker_min_level="town").model_worker_min_level) == (1, "town")


# 一年一评: an assessment of 2025-11-23 is valid through 2026-11-22 (365 days, that day
# included); across 29 February 2024 one of 2023-03-01 is valid through 2024-02-28.
@pytest.mark.parametrize("assessed_on,due_on", [(date(2025, 11, 23), date(2026, 11, 22)),
                                                (date(2023, 3, 1), date(2024, 2, 28)),
                                                (date(2026, 11, 22), date(2027, 11, 21))])
def test_an_assessment_is_valid_for_a_year_from_its_day(assessed_on, due_on):
    assert domain.assessment_due_on(assessed_on, Rules()) == due_on


@pytest.mark.parametrize("today,reminded", [(date(2026, 10, 22), False), (date(2026, 10, 23), True),
                                            (date(2026, 11, 22), True), (date(2026, 11, 23), False)])
def test_the_point_is_reminded_from_30_days_before_the_last_valid_day_through_it(today, reminded):
    assert domain.assessment_reminder_due(date(2025, 11, 23), today, Rules()) is reminded


@pytest.mark.parametrize("birth,years,day", [(date(1950, 6, 15), 60, date(2010, 6, 15)),
                                             (date(1964, 2, 29), 60, date(2024, 2, 29)),
                                             (date(1964, 2, 29), 61, date(2025, 3, 1))])
def test_the_day_someone_turns_an_age(birth, years, day):
    assert domain.birthday(birth, years) == day


# (status, latest level, latest assessed_on, birth date, signed version) on TODAY with v1 in
# force -> the decision visits applies: worked by hand from DOMAIN.md section 1 and CONTRACT.
@pytest.mark.parametrize("status,level,assessed_on,birth,signed,decision", [
    ("active", 2, date(2025, 11, 23), date(1949, 12, 31), "v1", domain.BathingDecision(True, True, date(2026, 11, 23))),
    ("active", 3, date(2026, 11, 22), date(1966, 11, 22), "v1", domain.BathingDecision(True, True, date(2027, 11, 22))),
    ("active", 3, date(2026, 6, 1), date(1966, 12, 1), None,
     domain.BathingDecision(False, False, date(2026, 12, 1), ("UNDER_AGE",))),
    ("suspended", 1, date(2025, 11, 22), date(1970, 1, 1), "v0",
     domain.BathingDecision(False, False, date(2030, 1, 1), ("LEVEL", "ASSESSMENT_EXPIRED", "UNDER_AGE", "INACTIVE"))),
    ("closed", None, None, date(1949, 12, 31), "v1",
     domain.BathingDecision(False, True, None, ("NO_ASSESSMENT", "INACTIVE"))),
    ("active", 2, None, date(1949, 12, 31), "v1", domain.BathingDecision(False, True, None, ("NO_ASSESSMENT",))),
])
def test_each_bathing_decision_with_why_not_and_the_day_it_lapses(status, level, assessed_on, birth, signed, decision):
    assert domain.bathing_decision(status, level, assessed_on, birth, signed, TODAY, "v1", Rules()) == decision
    assert domain.ineligibility_reasons(status, level, assessed_on, birth, TODAY, Rules()) == list(
        decision.ineligibility_reasons)


def test_an_approved_subsidy_is_in_force_from_its_first_day_through_its_last():
    first, last = date(2026, 11, 22), date(2027, 11, 21)
    assert [domain.subsidy_in_force("approved", first, last, day) for day in (
        date(2026, 11, 21), first, last, date(2027, 11, 22))] == [False, True, True, False]


@pytest.mark.parametrize("status", ["submitted", "reviewed", "rejected", "ended"])
def test_only_an_approved_subsidy_is_ended(status):
    with pytest.raises(DomainError) as error:
        domain.check_can_end(status)
    assert error.value.code == "INVALID_TRANSITION"
    assert domain.check_can_end("approved") is None
