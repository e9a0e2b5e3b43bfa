from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="RegistrationAssessmentIn")


@_attrs_define
class RegistrationAssessmentIn:
    """
    Attributes:
        level (int):
        assessed_on (datetime.date):
        assessor (str):
        reference (str):
    """

    level: int
    assessed_on: datetime.date
    assessor: str
    reference: str

    def to_dict(self) -> dict[str, Any]:
        level = self.level

        assessed_on = self.assessed_on.isoformat()

        assessor = self.assessor

        reference = self.reference

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "level": level,
                "assessed_on": assessed_on,
                "assessor": assessor,
                "reference": reference,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        level = d.pop("level")

        assessed_on = datetime.date.fromisoformat(d.pop("assessed_on"))

        assessor = d.pop("assessor")

        reference = d.pop("reference")

        registration_assessment_in = cls(
            level=level,
            assessed_on=assessed_on,
            assessor=assessor,
            reference=reference,
        )

        return registration_assessment_in
