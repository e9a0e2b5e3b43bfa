from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="VisitsPointDay")


@_attrs_define
class VisitsPointDay:
    """
    Attributes:
        date (datetime.date | Unset):
        visits (int | Unset):
        incidents (int | Unset):
    """

    date: datetime.date | Unset = UNSET
    visits: int | Unset = UNSET
    incidents: int | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        date: str | Unset = UNSET
        if not isinstance(self.date, Unset):
            date = self.date.isoformat()

        visits = self.visits

        incidents = self.incidents

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if date is not UNSET:
            field_dict["date"] = date
        if visits is not UNSET:
            field_dict["visits"] = visits
        if incidents is not UNSET:
            field_dict["incidents"] = incidents

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _date = d.pop("date", UNSET)
        date: datetime.date | Unset
        if isinstance(_date, Unset):
            date = UNSET
        else:
            date = datetime.date.fromisoformat(_date)

        visits = d.pop("visits", UNSET)

        incidents = d.pop("incidents", UNSET)

        visits_point_day = cls(
            date=date,
            visits=visits,
            incidents=incidents,
        )

        return visits_point_day
