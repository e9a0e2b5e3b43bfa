"""Registration rules (DOMAIN.md sections 1, 2 and 7) as pure functions.

No framework, no database, no clock: callers pass `today`. Numbers the domain calls
defaults live in `Rules`, built from the environment by config.py; the safety commitment's
text in force is shared with visits, so callers pass it (`kit.settings.CommonSettings`).

Registration is the one owner of an elder's bathing decision (eligibility and a current
commitment, `bathing_decision`): visits applies it as carried in the elder's events.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta

from kit.errors import DomainError, Invalid

GENDERS = ("female", "male")
CLOSE_REASONS = ("deceased", "moved", "withdrew", "lost_contact", "other")  # lost_contact: 失联 (seed 003)
# Why an elder may not bathe, in the contract's order (`ineligibility_reasons`).
INELIGIBILITY_REASONS = ("NO_ASSESSMENT", "LEVEL", "ASSESSMENT_EXPIRED", "UNDER_AGE", "INACTIVE")
CONSENT_KINDS = ("health_data", "sms", "third_party_sharing")
SUBSIDY_CATEGORIES = ("sanwu", "dibao", "youfu", "model_worker", "age_90")
# Categories that rest on a status the elder proves with a certificate (低保证, 特困/三无
# certificate, 优抚证, 劳模证书): the application carries its number.
EVIDENCED_CATEGORIES = ("sanwu", "dibao", "youfu", "model_worker")
# 劳模 by the level of the body that conferred the title, lowest first (seed 004:
# 盐城市级以上劳模 = conferred by a prefecture-level city or higher).
MODEL_WORKER_LEVELS = ("town", "county", "city", "provincial", "national")

_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"
# Matched whole (`fullmatch`) and with ASCII digits only: `\d` and `str.isdigit` take any
# script's digits (and `²`), and `$` takes a trailing newline.
_ID_SHAPE = re.compile(r"[0-9]{17}[0-9X]")
_MOBILE = re.compile(r"1[3-9][0-9]{9}")
_LANDLINE = re.compile(r"0[0-9]{2,3}-?[0-9]{7,8}")
_CARD = re.compile(r"[A-Za-z0-9]{6,32}")


@dataclass(frozen=True)
class Rules:
    min_experience_years: float = 2.0
    certificate_warning_days: int = 30
    eligible_levels: frozenset[int] = field(default_factory=lambda: frozenset({2, 3}))
    assessment_valid_days: int = 365  # 一年一评 (seed 003): valid from `assessed_on` for this many days
    assessment_reminder_days: int = 30  # the point is reminded this many days before the last valid day
    min_age: int = 60  # the service is for elders (老年人, 60周岁以上: seed 004, seed 000's age bands)
    subsidy_min_age: int = 60
    subsidy_age_with_category: int = 70
    subsidy_age_alone: int = 90
    severe_disability_level: int = 3
    model_worker_min_level: str = "city"
    subsidy_valid_days: int = 365
    subsidy_recheck_days: int = 30

    def __post_init__(self):
        if self.model_worker_min_level not in MODEL_WORKER_LEVELS:
            raise ValueError(f"model_worker_min_level is one of {', '.join(MODEL_WORKER_LEVELS)}")
        if self.subsidy_valid_days < 1 or self.subsidy_recheck_days < 0:
            raise ValueError("subsidy_valid_days is at least 1 and subsidy_recheck_days not negative")


# --- Resident ID number (身份证号), phones, cards -------------------------------------

def id_check_digit(first17: str) -> str:
    """ISO 7064 MOD 11-2 check character of the first 17 digits."""
    return _ID_CHECK[sum(int(d) * w for d, w in zip(first17, _ID_WEIGHTS)) % 11]


def validate_id_number(id_number: str, birth_date: date, gender: str) -> str:
    """The normalised number (upper-case X), or Invalid on `id_number`."""
    value = (id_number or "").strip().upper()
    problems: list[str] = []
    if not _ID_SHAPE.fullmatch(value):
        problems.append("Must be 18 characters: 17 digits and a digit or X.")
    else:
        if value[:6] == "000000":
            problems.append("The region code is not valid.")
        if id_check_digit(value[:17]) != value[17]:
            problems.append("The check digit is wrong.")
        try:
            embedded = date(int(value[6:10]), int(value[10:12]), int(value[12:14]))
        except ValueError:
            embedded = None
            problems.append("The birth date inside the number is not a date.")
        if embedded is not None and embedded != birth_date:
            problems.append("The birth date inside the number differs from birth_date.")
        embedded_gender = "male" if int(value[16]) % 2 else "female"
        if embedded_gender != gender:
            problems.append("The gender digit differs from gender.")
    if problems:
        raise Invalid({"id_number": problems})
    return value


def normalise_phone(phone: str) -> tuple[str, bool]:
    """(number without spaces, is_mobile); a mainland mobile or a landline, else ValueError."""
    value = re.sub(r"[\s()]", "", phone or "")
    if value.startswith("+86"):
        value = value[3:]
    if _MOBILE.fullmatch(value):
        return value, True
    if _LANDLINE.fullmatch(value):
        return value, False
    raise ValueError("Not a mainland mobile (11 digits) or landline (0 + area code + number).")


def validate_elder_fields(fields: dict) -> dict:
    """Checks and normalises a new or changed elder's fields; Invalid lists every problem."""
    errors: dict[str, list[str]] = {}
    out = dict(fields)
    if "citizen_card_no" in fields and not _CARD.fullmatch(fields["citizen_card_no"] or ""):
        errors["citizen_card_no"] = ["6 to 32 letters and digits."]
    if fields.get("phone"):
        try:
            out["phone"], out["phone_is_mobile"] = normalise_phone(fields["phone"])
        except ValueError as exc:
            errors["phone"] = [str(exc)]
    elif "phone" in fields:
        out["phone"], out["phone_is_mobile"] = None, False
    if "emergency_contacts" in fields:
        contacts = fields["emergency_contacts"] or []
        if not contacts:
            errors["emergency_contacts"] = ["At least one emergency contact."]
        normalised = []
        for index, contact in enumerate(contacts):
            try:
                normalised.append(dict(contact, phone=normalise_phone(contact["phone"])[0]))
            except ValueError as exc:
                errors[f"emergency_contacts.{index}.phone"] = [str(exc)]
        out["emergency_contacts"] = normalised
    if "id_number" in fields:
        try:
            out["id_number"] = validate_id_number(fields["id_number"], fields["birth_date"], fields["gender"])
        except Invalid as exc:
            errors.update(exc.errors)
    if errors:
        raise Invalid(errors)
    return out


def age_on(birth_date: date, today: date) -> int:
    """Whole years; a 29 February birthday counts from 1 March in other years."""
    years = today.year - birth_date.year
    if (today.month, today.day) < (birth_date.month, birth_date.day):
        years -= 1
    return years


# --- Elder status, eligibility, safety commitment (安全承诺) --------------------------

_TRANSITIONS = {
    ("active", "suspend"): "suspended",
    ("suspended", "reactivate"): "active",
    ("active", "close"): "closed",
    ("suspended", "close"): "closed",
    ("closed", "reopen"): "active",  # 重新开案: the elder comes back, history kept
}


def transition(status: str, action: str) -> str:
    try:
        return _TRANSITIONS[(status, action)]
    except KeyError:
        raise DomainError("INVALID_TRANSITION", f"An elder who is {status} cannot be {action}ed.") from None


def check_open(status: str, change: str) -> None:
    """A closed record keeps its history: it is not changed, assessed or signed for until it
    is reopened (重新开案)."""
    if status == "closed":
        raise DomainError("INVALID_TRANSITION", f"A closed elder's record cannot be {change}.")


# --- Capability assessment (能力评估) ----------------------------------------------------

def check_assessed_on(assessed_on: date, today: date) -> None:
    """An assessment is recorded after it took place."""
    if assessed_on > today:
        raise Invalid({"assessed_on": ["An assessment cannot be dated in the future."]})


def becomes_latest(assessed_on: date, latest_on: date | None) -> bool:
    """The latest assessment is the one with the latest `assessed_on`; among equal dates, the
    last recorded. A back-dated entry does not override a newer one."""
    return latest_on is None or assessed_on >= latest_on


def assessment_due_on(assessed_on: date, rules: Rules) -> date:
    """The last day an assessment is valid (一年一评: 365 days from `assessed_on`, that day
    included), by which the elder must be assessed again."""
    return assessed_on + timedelta(days=rules.assessment_valid_days - 1)


def assessment_reminder_due(assessed_on: date, today: date, rules: Rules) -> bool:
    """The point is reminded from `assessment_reminder_days` before the last valid day
    through that day (after it, the elder is simply ineligible until re-assessed)."""
    due_on = assessment_due_on(assessed_on, rules)
    return due_on - timedelta(days=rules.assessment_reminder_days) <= today <= due_on


def birthday(birth_date: date, years: int) -> date:
    """The day someone turns `years` (a 29 February birthday counts from 1 March)."""
    try:
        return birth_date.replace(year=birth_date.year + years)
    except ValueError:
        return date(birth_date.year + years, 3, 1)


def ineligibility_reasons(status: str, latest_level: int | None, latest_on: date | None, birth_date: date,
                          today: date, rules: Rules) -> list[str]:
    """Why an elder may not bathe today (empty: eligible). Assisted bathing is for 半失能 (2)
    and 失能 (3) elders, on an assessment still valid, aged at least `min_age`, and active."""
    reasons = []
    if latest_level is None or latest_on is None:
        reasons.append("NO_ASSESSMENT")
    else:
        if latest_level not in rules.eligible_levels:
            reasons.append("LEVEL")
        if today > assessment_due_on(latest_on, rules):
            reasons.append("ASSESSMENT_EXPIRED")
    if age_on(birth_date, today) < rules.min_age:
        reasons.append("UNDER_AGE")
    if status != "active":
        reasons.append("INACTIVE")
    return reasons


def commitment_current(signed_version: str | None, version_in_force: str) -> bool:
    """A new text version requires re-signing before the next bath."""
    return signed_version is not None and signed_version == version_in_force


def check_commitment_version(text_version: str, version_in_force: str) -> None:
    if text_version != version_in_force:
        raise Invalid({"text_version": [f"The current text is {version_in_force}."]})


def check_witness(witness: dict | None, elder_point_id: str) -> None:
    """安全承诺 is witnessed by a member of staff: active, of the elder's point (or of none)."""
    if witness is None or not witness["active"] or witness["service_point_id"] not in (None, elder_point_id):
        raise Invalid({"witness_staff_id": ["The witness must be an active member of staff of the elder's point."]})


@dataclass(frozen=True)
class BathingDecision:
    """Whether an elder may be let in for a bath (准入), as registration decides it."""

    eligible: bool
    commitment_current: bool
    # The first day this decision no longer holds, when a rule depends on the date (an
    # assessment that lapses, a birthday); None while only a change of record changes it.
    lapses_on: date | None
    ineligibility_reasons: tuple[str, ...] = ()


def bathing_decision(status: str, latest_level: int | None, latest_on: date | None, birth_date: date,
                     signed_version: str | None, today: date, version_in_force: str,
                     rules: Rules) -> BathingDecision:
    """The decision visits applies at check-in, carried in every event about the elder.
    `today` is the day it is made on: the rules about dates set `lapses_on` from it (the
    day after the assessment's last valid day, the birthday the elder comes of age)."""
    reasons = ineligibility_reasons(status, latest_level, latest_on, birth_date, today, rules)
    changes = [day for day in (
        assessment_due_on(latest_on, rules) + timedelta(days=1) if latest_on else None,
        birthday(birth_date, rules.min_age),
    ) if day is not None and day > today]
    return BathingDecision(not reasons, commitment_current(signed_version, version_in_force),
                           min(changes) if changes else None, tuple(reasons))


# --- Staff qualification (spec 5.1) -------------------------------------------------

def qualification_problems(certificate: dict | None, experience_years: float, training: dict | None,
                           today: date, rules: Rules) -> list[str]:
    """Codes of what keeps a person from being assigned to a bath; empty = qualified.
    A certificate is valid through its `expires_on` day."""
    problems = []
    if not certificate:
        problems.append("HEALTH_CERTIFICATE_MISSING")
    elif certificate["expires_on"] < today:
        problems.append("HEALTH_CERTIFICATE_EXPIRED")
    if experience_years < rules.min_experience_years:
        problems.append("EXPERIENCE_TOO_SHORT")
    if not training or not training.get("completed_on"):
        problems.append("TRAINING_MISSING")
    return problems


def certificate_change(expires_on: date | None, today: date, rules: Rules) -> str | None:
    """What a daily check reports about a certificate: `expired`, `expiring_soon` or nothing."""
    if expires_on is None:
        return None
    if expires_on < today:
        return "expired"
    if (expires_on - today).days <= rules.certificate_warning_days:
        return "expiring_soon"
    return None


# --- Home-care subsidy (居家养老补贴, government-purchased service 政府购买服务) ---------------

# An application's states: 审核 by the community station, 审批 by the centre; an approved
# subsidy can be ended by the centre before its validity runs out.
SUBSIDY_STATUSES = ("submitted", "reviewed", "approved", "rejected", "ended")
OPEN_SUBSIDY_STATUSES = ("submitted", "reviewed")


@dataclass(frozen=True)
class SubsidyClaim:
    """What an application states about the elder (the rest is read from the record)."""

    category: str
    urban: bool
    household_registered_locally: bool
    resides_locally: bool
    evidence_reference: str | None = None
    model_worker_level: str | None = None


@dataclass(frozen=True)
class SubsidyEligibility:
    eligible: bool
    # The rule an eligible claim meets: `severely_disabled` (城区三无/低保/重点优抚中的重度失能),
    # `aged_with_category` (城区70周岁以上三无/低保/优抚/劳模) or `aged_90` (城区90周岁以上).
    basis: str | None
    problems: tuple[str, ...]  # codes of every condition not met; empty when eligible
    reasons: tuple[str, ...]  # one sentence per problem, or the basis met


def subsidy_eligibility(claim: SubsidyClaim, birth_date: date, latest_level: int | None, today: date,
                        rules: Rules) -> SubsidyEligibility:
    """Seed 004: household registration and residence in the town and 60+ for everyone;
    then, in the urban area, a severely disabled 三无/低保/优抚 elder, a 70+ 三无/低保/优抚
    elder or model worker of city level or above, or anyone 90+. Every condition not met
    is named, so the station sees all that is missing at once."""
    age = age_on(birth_date, today)
    problems: list[tuple[str, str]] = []
    if age < rules.subsidy_min_age:
        problems.append(("UNDER_AGE", f"Aged {age}, under {rules.subsidy_min_age}."))
    if not claim.household_registered_locally:
        problems.append(("NOT_LOCAL_HOUSEHOLD", "The household registration (户籍) is not in the town."))
    if not claim.resides_locally:
        problems.append(("NOT_LOCAL_RESIDENT", "The elder does not live in the town."))
    if not claim.urban:
        problems.append(("NOT_URBAN", "The government-paid service is for urban residents; "
                                      "services can be bought at own expense."))
    if claim.category in EVIDENCED_CATEGORIES and not (claim.evidence_reference or "").strip():
        problems.append(("EVIDENCE_MISSING", f"A {claim.category} application names its certificate."))
    if claim.category == "model_worker" and not model_worker_level_suffices(claim.model_worker_level, rules):
        problems.append(("MODEL_WORKER_LEVEL", f"Model workers qualify from {rules.model_worker_min_level} level "
                                               f"(stated: {claim.model_worker_level or 'none'})."))
    basis = _subsidy_basis(claim.category, age, latest_level, rules)
    if basis is None:
        problems.append(("UNDER_CATEGORY_AGE", _category_shortfall(claim.category, age, rules)))
    if problems:
        return SubsidyEligibility(False, None, tuple(code for code, _ in problems),
                                  tuple(text for _, text in problems))
    return SubsidyEligibility(True, basis, (), (_BASIS_TEXT[basis].format(category=claim.category, age=age,
                                                                          level=latest_level),))


def model_worker_level_suffices(level: str | None, rules: Rules) -> bool:
    return level in MODEL_WORKER_LEVELS and (
        MODEL_WORKER_LEVELS.index(level) >= MODEL_WORKER_LEVELS.index(rules.model_worker_min_level))


def _subsidy_basis(category: str, age: int, latest_level: int | None, rules: Rules) -> str | None:
    if category == "age_90":
        return "aged_90" if age >= rules.subsidy_age_alone else None
    if category in ("sanwu", "dibao", "youfu") and latest_level == rules.severe_disability_level:
        return "severely_disabled"
    if age >= rules.subsidy_age_with_category:
        return "aged_with_category"
    return None


def _category_shortfall(category: str, age: int, rules: Rules) -> str:
    if category == "age_90":
        return f"Aged {age}, under {rules.subsidy_age_alone}."
    if category == "model_worker":
        return f"Model workers qualify from {rules.subsidy_age_with_category} (aged {age})."
    return (f"Aged {age}: {category} elders qualify from {rules.subsidy_age_with_category}, or earlier when "
            f"severely disabled (capability level {rules.severe_disability_level}).")


_BASIS_TEXT = {
    "severely_disabled": "Urban {category} elder, severely disabled (capability level {level}).",
    "aged_with_category": "Urban {category} elder aged {age}.",
    "aged_90": "Urban resident aged {age}.",
}


_SUBSIDY_STEPS = {
    ("submitted", "review", True): "reviewed",
    ("submitted", "review", False): "rejected",
    ("reviewed", "approve", True): "approved",
    ("reviewed", "approve", False): "rejected",
}


def subsidy_step(stage: str, step: str, approved: bool, eligible: bool = True) -> str:
    """Elder applies → community station reviews (审核) → the centre approves (审批). An
    application that does not meet the conditions is passed by neither."""
    try:
        status = _SUBSIDY_STEPS[(stage, step, approved)]
    except KeyError:
        raise DomainError("INVALID_TRANSITION", f"An application that is {stage} cannot be {step}ed now.") from None
    if approved and not eligible:
        raise DomainError("NOT_ELIGIBLE", "The application does not meet the conditions; it can only be refused.")
    return status


@dataclass(frozen=True)
class HeldSubsidy:
    """An application of the same elder and category already on file."""

    status: str
    valid_until: date | None


def check_not_duplicate(held: list[HeldSubsidy], today: date, rules: Rules) -> None:
    """One open or approved application per elder and category. An approved subsidy may be
    applied for again once it is due for its yearly re-check (复核)."""
    for application in held:
        if application.status in OPEN_SUBSIDY_STATUSES or (
                application.status == "approved" and not recheck_due(application.valid_until, today, rules)):
            raise DomainError("DUPLICATE_APPLICATION",
                              "The elder already has an open or approved application in this category.")


def subsidy_validity(decided_on: date, rules: Rules) -> tuple[date, date]:
    """An approved subsidy holds from the day of approval for `subsidy_valid_days`
    (first and last day, both inclusive)."""
    return decided_on, decided_on + timedelta(days=rules.subsidy_valid_days - 1)


def subsidy_in_force(status: str, valid_from: date | None, valid_until: date | None, today: date) -> bool:
    return status == "approved" and valid_from is not None and valid_until is not None and \
        valid_from <= today <= valid_until


def recheck_due(valid_until: date | None, today: date, rules: Rules) -> bool:
    """Due for the yearly re-check from `subsidy_recheck_days` before its last day, that
    day counted as the assessment reminder counts it (30 days before: due), and once
    lapsed. One approved before validity periods were kept has none: due now."""
    return valid_until is None or (valid_until - today).days <= rules.subsidy_recheck_days


def check_can_end(status: str) -> None:
    if status != "approved":
        raise DomainError("INVALID_TRANSITION", f"Only an approved subsidy can be ended (this one is {status}).")


# --- Service point opening hours -----------------------------------------------------

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
MAX_SPANS_PER_DAY = 8
_HHMM = re.compile(r"([01][0-9]|2[0-3]):[0-5][0-9]")


def _is_span(span: object) -> bool:
    """`["HH:MM", "HH:MM"]`, start before end (times matched whole, ASCII digits only)."""
    return (isinstance(span, list) and len(span) == 2
            and all(isinstance(t, str) and _HHMM.fullmatch(t) for t in span) and span[0] < span[1])


def validate_opening_hours(hours: dict) -> dict:
    """Each day a list of at most `MAX_SPANS_PER_DAY` spans that do not overlap; every span
    is checked for its shape before any is compared with another."""
    errors = []
    for day, spans in hours.items():
        if day not in WEEKDAYS:
            errors.append(f"Unknown day {day!r}; use {', '.join(WEEKDAYS)}.")
            continue
        if not isinstance(spans, list):
            errors.append(f"{day}: a list of [start, end] spans.")
            continue
        if len(spans) > MAX_SPANS_PER_DAY:
            errors.append(f"{day}: at most {MAX_SPANS_PER_DAY} spans.")
            continue
        if not all(_is_span(span) for span in spans):
            errors.append(f'{day}: each span is ["HH:MM", "HH:MM"] with start before end.')
            continue
        previous_end = ""
        for start, end in sorted(spans):
            if start < previous_end:
                errors.append(f"{day}: spans overlap.")
            previous_end = max(previous_end, end)
    if errors:
        raise Invalid({"opening_hours": errors})
    return hours
