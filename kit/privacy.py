"""Masking of personal data as CONTRACT.md fixes it, for every service and the gateway."""
from __future__ import annotations

import re


def mask_phone(phone: str | None) -> str | None:
    """Keep the first 3 and last 4 digits: `139****1234`; short numbers show only the last 2."""
    if not phone:
        return phone
    if len(phone) >= 8:
        return phone[:3] + "*" * (len(phone) - 7) + phone[-4:]
    return "*" * max(len(phone) - 2, 0) + phone[-2:]


def mask_id_number(id_number: str | None) -> str | None:
    """Keep the first 6 and last 4 characters: `321202********123X`."""
    if not id_number:
        return id_number
    if len(id_number) >= 12:
        return id_number[:6] + "*" * (len(id_number) - 10) + id_number[-4:]
    return "*" * len(id_number)


def mask_email(address: str | None) -> str | None:
    if not address or "@" not in address:
        return mask_phone(address)
    local, domain = address.split("@", 1)
    return (local[:1] + "***@" + domain) if local else "***@" + domain


# Resident ID numbers (17 digits and a check character), mobile numbers (11 digits from
# 13…19, with or without +86) and landlines with an area code, standing alone in text.
_ID_NUMBER = re.compile(r"(?<![0-9A-Za-z])\d{17}[0-9Xx](?![0-9A-Za-z])")
_MOBILE = re.compile(r"(?<![0-9A-Za-z])(?:\+?86[- ]?)?1[3-9]\d{9}(?![0-9A-Za-z])")
_LANDLINE = re.compile(r"(?<![0-9A-Za-z:\-])0\d{2,3}-\d{7,8}(?![0-9A-Za-z])")


def redact_text(text: str) -> str:
    """Mask every ID number and phone number found in free text (log lines, errors)."""
    if not any(ch.isdigit() for ch in text):
        return text
    text = _ID_NUMBER.sub(lambda m: mask_id_number(m.group()), text)
    text = _MOBILE.sub(lambda m: mask_phone(m.group()), text)
    return _LANDLINE.sub(lambda m: mask_phone(m.group()), text)
