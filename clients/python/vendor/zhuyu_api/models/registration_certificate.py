from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="RegistrationCertificate")


@_attrs_define
class RegistrationCertificate:
    """
    Attributes:
        number (str):
        issued_on (datetime.date):
        expires_on (datetime.date):
    """

    number: str
    issued_on: datetime.date
    expires_on: datetime.date

    def to_dict(self) -> dict[str, Any]:
        number = self.number

        issued_on = self.issued_on.isoformat()

        expires_on = self.expires_on.isoformat()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "number": number,
                "issued_on": issued_on,
                "expires_on": expires_on,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        number = d.pop("number")

        issued_on = datetime.date.fromisoformat(d.pop("issued_on"))

        expires_on = datetime.date.fromisoformat(d.pop("expires_on"))

        registration_certificate = cls(
            number=number,
            issued_on=issued_on,
            expires_on=expires_on,
        )

        return registration_certificate
