from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.complaints_arrangement_in_holidays_item import (
        ComplaintsArrangementInHolidaysItem,
    )
    from ..models.complaints_arrangement_in_workdays_item import (
        ComplaintsArrangementInWorkdaysItem,
    )


T = TypeVar("T", bound="ComplaintsArrangementIn")


@_attrs_define
class ComplaintsArrangementIn:
    """
    Attributes:
        year (int):
        source (str): The notice: its title, date and address.
        holidays (list[ComplaintsArrangementInHolidaysItem]): [{"name": "春节", "from": "2026-02-15", "to": "2026-02-23"},
            ...]
        workdays (list[ComplaintsArrangementInWorkdaysItem] | Unset): Make-up working days (调休上班): [{"name": "春节",
            "date": "2026-02-14"}, ...]
    """

    year: int
    source: str
    holidays: list[ComplaintsArrangementInHolidaysItem]
    workdays: list[ComplaintsArrangementInWorkdaysItem] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        year = self.year

        source = self.source

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

        field_dict.update(
            {
                "year": year,
                "source": source,
                "holidays": holidays,
            }
        )
        if workdays is not UNSET:
            field_dict["workdays"] = workdays

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.complaints_arrangement_in_holidays_item import (
            ComplaintsArrangementInHolidaysItem,
        )
        from ..models.complaints_arrangement_in_workdays_item import (
            ComplaintsArrangementInWorkdaysItem,
        )

        d = dict(src_dict)
        year = d.pop("year")

        source = d.pop("source")

        holidays = []
        _holidays = d.pop("holidays")
        for holidays_item_data in _holidays:
            holidays_item = ComplaintsArrangementInHolidaysItem.from_dict(
                holidays_item_data
            )

            holidays.append(holidays_item)

        _workdays = d.pop("workdays", UNSET)
        workdays: list[ComplaintsArrangementInWorkdaysItem] | Unset = UNSET
        if _workdays is not UNSET:
            workdays = []
            for workdays_item_data in _workdays:
                workdays_item = ComplaintsArrangementInWorkdaysItem.from_dict(
                    workdays_item_data
                )

                workdays.append(workdays_item)

        complaints_arrangement_in = cls(
            year=year,
            source=source,
            holidays=holidays,
            workdays=workdays,
        )

        return complaints_arrangement_in
