from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.complaints_calendar_day import ComplaintsCalendarDay


T = TypeVar("T", bound="ComplaintsCalendarYearOut")


@_attrs_define
class ComplaintsCalendarYearOut:
    """
    Attributes:
        year (int | Unset):
        source (str | Unset):
        loaded_at (datetime.datetime | Unset):
        holidays (list[ComplaintsCalendarDay] | Unset):
        workdays (list[ComplaintsCalendarDay] | Unset):
    """

    year: int | Unset = UNSET
    source: str | Unset = UNSET
    loaded_at: datetime.datetime | Unset = UNSET
    holidays: list[ComplaintsCalendarDay] | Unset = UNSET
    workdays: list[ComplaintsCalendarDay] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        year = self.year

        source = self.source

        loaded_at: str | Unset = UNSET
        if not isinstance(self.loaded_at, Unset):
            loaded_at = self.loaded_at.isoformat()

        holidays: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.holidays, Unset):
            holidays = []
            for holidays_item_data in self.holidays:
                holidays_item = holidays_item_data.to_dict()
                holidays.append(holidays_item)

        workdays: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.workdays, Unset):
            workdays = []
            for workdays_item_data in self.workdays:
                workdays_item = workdays_item_data.to_dict()
                workdays.append(workdays_item)

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
        from ..models.complaints_calendar_day import ComplaintsCalendarDay

        d = dict(src_dict)
        year = d.pop("year", UNSET)

        source = d.pop("source", UNSET)

        _loaded_at = d.pop("loaded_at", UNSET)
        loaded_at: datetime.datetime | Unset
        if isinstance(_loaded_at, Unset):
            loaded_at = UNSET
        else:
            loaded_at = datetime.datetime.fromisoformat(_loaded_at)

        _holidays = d.pop("holidays", UNSET)
        holidays: list[ComplaintsCalendarDay] | Unset = UNSET
        if _holidays is not UNSET:
            holidays = []
            for holidays_item_data in _holidays:
                holidays_item = ComplaintsCalendarDay.from_dict(holidays_item_data)

                holidays.append(holidays_item)

        _workdays = d.pop("workdays", UNSET)
        workdays: list[ComplaintsCalendarDay] | Unset = UNSET
        if _workdays is not UNSET:
            workdays = []
            for workdays_item_data in _workdays:
                workdays_item = ComplaintsCalendarDay.from_dict(workdays_item_data)

                workdays.append(workdays_item)

        complaints_calendar_year_out = cls(
            year=year,
            source=source,
            loaded_at=loaded_at,
            holidays=holidays,
            workdays=workdays,
        )

        return complaints_calendar_year_out
