from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="ComplaintsCalendarSummary")


@_attrs_define
class ComplaintsCalendarSummary:
    """
    Attributes:
        year (int | Unset):
        source (str | Unset):
        loaded_at (datetime.datetime | Unset):
        holidays (int | Unset): Days off of the arrangement.
        workdays (int | Unset): Make-up working days.
    """

    year: int | Unset = UNSET
    source: str | Unset = UNSET
    loaded_at: datetime.datetime | Unset = UNSET
    holidays: int | Unset = UNSET
    workdays: int | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        year = self.year

        source = self.source

        loaded_at: str | Unset = UNSET
        if not isinstance(self.loaded_at, Unset):
            loaded_at = self.loaded_at.isoformat()

        holidays = self.holidays

        workdays = self.workdays

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if year is not UNSET:
            field_dict["year"] = year
        if source is not UNSET:
            field_dict["source"] = source
        if loaded_at is not UNSET:
            field_dict["loaded_at"] = loaded_at
        if holidays is not UNSET:
            field_dict["holidays"] = holidays
        if workdays is not UNSET:
            field_dict["workdays"] = workdays

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        year = d.pop("year", UNSET)

        source = d.pop("source", UNSET)

        _loaded_at = d.pop("loaded_at", UNSET)
        loaded_at: datetime.datetime | Unset
        if isinstance(_loaded_at, Unset):
            loaded_at = UNSET
        else:
            loaded_at = datetime.datetime.fromisoformat(_loaded_at)

        holidays = d.pop("holidays", UNSET)

        workdays = d.pop("workdays", UNSET)

        complaints_calendar_summary = cls(
            year=year,
            source=source,
            loaded_at=loaded_at,
            holidays=holidays,
            workdays=workdays,
        )

        return complaints_calendar_summary
