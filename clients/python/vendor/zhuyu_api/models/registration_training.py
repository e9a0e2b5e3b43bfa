from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="RegistrationTraining")


@_attrs_define
class RegistrationTraining:
    """
    Attributes:
        completed_on (datetime.date):
    """

    completed_on: datetime.date

    def to_dict(self) -> dict[str, Any]:
        completed_on = self.completed_on.isoformat()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "completed_on": completed_on,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        completed_on = datetime.date.fromisoformat(d.pop("completed_on"))

        registration_training = cls(
            completed_on=completed_on,
        )

        return registration_training
