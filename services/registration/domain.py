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
from datetime import date

from kit.errors import DomainError, Invalid

GENDERS = ("female", "male")
CLOSE_REASONS = ("deceased", "moved", "withdrew", "other")
CONSENT_KINDS = ("health_data", "sms", "third_party_sharing")
SUBSIDY_CATEGORIES = ("sanwu", "dibao", "youfu", "model_worker", "age_90")

_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"
_MOBILE = re.compile(r"^1[3-9]\d{9}$")
_LANDLINE = re.compile(r"^0\d{2,3}-?\d{7,8}$")
_CARD = re.compile(r"^[A-Za-z0-9]{6,32}$")


@dataclass(frozen=True)
class Rules:
    min_experience_years: float = 2.0
    certificate_warning_days: int = 30
    eligible_levels: frozenset[int] = field(default_factory=lambda: frozenset({2, 3}))
    subsidy_min_age: int = 60
    subsidy_age_with_category: int = 70
    subsidy_age_alone: int = 90
    severe_disability_level: int = 3


# --- Resident ID number (身份证号), phones, cards -------------------------------------

def id_check_digit(first17: str) -> str:
    """ISO 7064 MOD 11-2 check character of the first 17 digits."""
    return _ID_CHECK[sum(int(d) * w for d, w in zip(first17, _ID_WEIGHTS)) % 11]


def validate_id_number(id_number: str, birth_date: date, gender: str) -> str:
    """The normalised number (upper-case X), or Invalid on `id_number`."""
    value = (id_number or "").strip().upper()
    problems: list[str] = []
    if len(value) != 18 or not value[:17].isdigit() or not (value[17].isdigit() or value[17] == "X"):
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
    if _MOBILE.match(value):
        return value, True
    if _LANDLINE.match(value):
        return value, False
    raise ValueError("Not a mainland mobile (11 digits) or landline (0 + area code + number).")


def validate_elder_fields(fields: dict) -> dict:
    """Checks and normalises a new or changed elder's fields; Invalid lists every problem."""
    errors: dict[str, list[str]] = {}
    out = dict(fields)
    if "citizen_card_no" in fields and not _CARD.match(fields["citizen_card_no"] or ""):
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


def eligible_for_bathing(status: str, latest_level: int | None, rules: Rules) -> bool:
    """Assisted bathing is for 半失能 (2) and 失能 (3) elders who are active."""
    return status == "active" and latest_level in rules.eligible_levels


def commitment_current(signed_version: str | None, version_in_force: str) -> bool:
    """A new text version requires re-signing before the next bath."""
    return signed_version is not None and signed_version == version_in_force


def check_commitment_version(text_version: str, version_in_force: str) -> None:
    if text_version != version_in_force:
        raise Invalid({"text_version": [f"The current text is {version_in_force}."]})


@dataclass(frozen=True)
class BathingDecision:
    """Whether an elder may be let in for a bath (准入), as registration decides it."""

    eligible: bool
    commitment_current: bool
    # The first day this decision no longer holds, when a rule depends on the date (an
    # assessment that lapses, a birthday); None while only a change of record changes it.
    lapses_on: date | None


def bathing_decision(status: str, latest_level: int | None, signed_version: str | None, today: date,
                     version_in_force: str, rules: Rules) -> BathingDecision:
    """The decision visits applies at check-in, carried in every event about the elder.
    `today` is the day it is made on: a rule about dates sets `lapses_on` from it."""
    return BathingDecision(eligible_for_bathing(status, latest_level, rules),
                           commitment_current(signed_version, version_in_force), None)


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


# --- Home-care subsidy (居家养老补贴) -------------------------------------------------

def subsidy_eligibility(category: str, urban: bool, birth_date: date, latest_level: int | None,
                        today: date, rules: Rules) -> tuple[bool, list[str]]:
    """(eligible, reasons) under the urban home-care subsidy rules of the handbook."""
    age = age_on(birth_date, today)
    if age < rules.subsidy_min_age:
        return False, [f"Under {rules.subsidy_min_age} ({age})."]
    if not urban:
        return False, ["The government-paid subsidy applies to urban residents; services can be bought at own expense."]
    severe = latest_level == rules.severe_disability_level
    if category == "age_90":
        if age >= rules.subsidy_age_alone:
            return True, [f"Urban resident aged {age} (≥ {rules.subsidy_age_alone})."]
        return False, [f"Aged {age}, under {rules.subsidy_age_alone}."]
    if category in ("sanwu", "dibao", "youfu") and severe:
        return True, [f"Urban {category} elder, severely disabled (capability level {latest_level})."]
    if category in ("sanwu", "dibao", "youfu", "model_worker") and age >= rules.subsidy_age_with_category:
        return True, [f"Urban {category} elder aged {age} (≥ {rules.subsidy_age_with_category})."]
    if category == "model_worker":
        return False, [f"Model workers qualify from {rules.subsidy_age_with_category} (aged {age})."]
    return False, [f"Aged {age}: {category} elders qualify from {rules.subsidy_age_with_category}, "
                   "or earlier when severely disabled (level 3)."]


_SUBSIDY_STEPS = {
    ("submitted", "review", True): "reviewed",
    ("submitted", "review", False): "rejected",
    ("reviewed", "approve", True): "approved",
    ("reviewed", "approve", False): "rejected",
}


def subsidy_step(stage: str, step: str, approved: bool) -> str:
    """Elder applies → community station reviews (审核) → street centre approves (审批)."""
    try:
        return _SUBSIDY_STEPS[(stage, step, approved)]
    except KeyError:
        raise DomainError("INVALID_TRANSITION", f"An application that is {stage} cannot be {step}ed now.") from None


# --- Service point opening hours -----------------------------------------------------

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_HHMM = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")


def validate_opening_hours(hours: dict) -> dict:
    errors = []
    for day, spans in hours.items():
        if day not in WEEKDAYS:
            errors.append(f"Unknown day {day!r}; use {', '.join(WEEKDAYS)}.")
            continue
        if not isinstance(spans, list):
            errors.append(f"{day}: a list of [start, end] spans.")
            continue
        previous_end = ""
        for span in sorted(spans, key=lambda s: s[0] if isinstance(s, list) and s else ""):
            if (not isinstance(span, list) or len(span) != 2
                    or not all(isinstance(t, str) and _HHMM.match(t) for t in span) or span[0] >= span[1]):
                errors.append(f'{day}: each span is ["HH:MM", "HH:MM"] with start before end.')
            elif span[0] < previous_end:
                errors.append(f"{day}: spans overlap.")
            else:
                previous_end = span[1]
    if errors:
        raise Invalid({"opening_hours": errors})
    return hours
