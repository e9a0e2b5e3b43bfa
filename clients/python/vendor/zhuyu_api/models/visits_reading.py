from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="VisitsReading")


@_attrs_define
class VisitsReading:
    """
    Attributes:
        measured_on (datetime.date):
        systolic (int):  Example: 146.
        diastolic (int):  Example: 88.
    """

    measured_on: datetime.date
    systolic: int
    diastolic: int

    def to_dict(self) -> dict[str, Any]:
        measured_on = self.measured_on.isoformat()

        systolic = self.systolic

        diastolic = self.diastolic

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "measured_on": measured_on,
                "systolic": systolic,
                "diastolic": diastolic,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        measured_on = datetime.date.fromisoformat(d.pop("measured_on"))

        systolic = d.pop("systolic")

        diastolic = d.pop("diastolic")

        visits_reading = cls(
            measured_on=measured_on,
            systolic=systolic,
            diastolic=diastolic,
        )

        return visits_reading
