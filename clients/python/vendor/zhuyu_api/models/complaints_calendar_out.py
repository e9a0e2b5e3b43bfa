from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.complaints_calendar_summary import ComplaintsCalendarSummary


T = TypeVar("T", bound="ComplaintsCalendarOut")


@_attrs_define
class ComplaintsCalendarOut:
    """
    Attributes:
        years (list[ComplaintsCalendarSummary] | Unset):
        timezone (str | Unset):
        unloaded_behaviour (str | Unset):
    """

    years: list[ComplaintsCalendarSummary] | Unset = UNSET
    timezone: str | Unset = UNSET
    unloaded_behaviour: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        years: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.years, Unset):
            years = []
            for years_item_data in self.years:
                years_item = years_item_data.to_dict()
                years.append(years_item)

        timezone = self.timezone

        unloaded_behaviour = self.unloaded_behaviour

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if years is not UNSET:
            field_dict["years"] = years
        if timezone is not UNSET:
            field_dict["timezone"] = timezone
        if unloaded_behaviour is not UNSET:
            field_dict["unloaded_behaviour"] = unloaded_behaviour

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.complaints_calendar_summary import ComplaintsCalendarSummary

        d = dict(src_dict)
        _years = d.pop("years", UNSET)
        years: list[ComplaintsCalendarSummary] | Unset = UNSET
        if _years is not UNSET:
            years = []
            for years_item_data in _years:
                years_item = ComplaintsCalendarSummary.from_dict(years_item_data)

                years.append(years_item)

        timezone = d.pop("timezone", UNSET)

        unloaded_behaviour = d.pop("unloaded_behaviour", UNSET)

        complaints_calendar_out = cls(
            years=years,
            timezone=timezone,
            unloaded_behaviour=unloaded_behaviour,
        )

        return complaints_calendar_out
