from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="ComplaintsLoadedOut")


@_attrs_define
class ComplaintsLoadedOut:
    """
    Attributes:
        year (int | Unset):
        source (str | Unset):
        holidays (int | Unset):
        workdays (int | Unset):
        recounted_deadlines (int | Unset): Working-day deadlines counted again on it.
    """

    year: int | Unset = UNSET
    source: str | Unset = UNSET
    holidays: int | Unset = UNSET
    workdays: int | Unset = UNSET
    recounted_deadlines: int | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        year = self.year

        source = self.source

        holidays = self.holidays

        workdays = self.workdays

        recounted_deadlines = self.recounted_deadlines

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if year is not UNSET:
            field_dict["year"] = year
        if source is not UNSET:
            field_dict["source"] = source
        if holidays is not UNSET:
            field_dict["holidays"] = holidays
        if workdays is not UNSET:
            field_dict["workdays"] = workdays
        if recounted_deadlines is not UNSET:
            field_dict["recounted_deadlines"] = recounted_deadlines

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        year = d.pop("year", UNSET)

        source = d.pop("source", UNSET)

        holidays = d.pop("holidays", UNSET)

        workdays = d.pop("workdays", UNSET)

        recounted_deadlines = d.pop("recounted_deadlines", UNSET)

        complaints_loaded_out = cls(
            year=year,
            source=source,
            holidays=holidays,
            workdays=workdays,
            recounted_deadlines=recounted_deadlines,
        )

        return complaints_loaded_out
