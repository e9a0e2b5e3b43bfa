"""Masking of personal data as CONTRACT.md fixes it, for every service and the gateway."""
from __future__ import annotations


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
