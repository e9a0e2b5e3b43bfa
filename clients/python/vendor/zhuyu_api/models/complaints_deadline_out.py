from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="ComplaintsDeadlineOut")


@_attrs_define
class ComplaintsDeadlineOut:
    """
    Attributes:
        due_at (datetime.datetime | Unset):
        met_at (datetime.datetime | None | Unset):
        working_days (int | None | Unset): Counted in working days of the calendar (null: clock hours).
        provisional (bool | Unset): Counted on weekdays alone: the year's official arrangement is not loaded yet;
            counted again when it is.
    """

    due_at: datetime.datetime | Unset = UNSET
    met_at: datetime.datetime | None | Unset = UNSET
    working_days: int | None | Unset = UNSET
    provisional: bool | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        due_at: str | Unset = UNSET
        if not isinstance(self.due_at, Unset):
            due_at = self.due_at.isoformat()

        met_at: None | str | Unset
        if isinstance(self.met_at, Unset):
            met_at = UNSET
        elif isinstance(self.met_at, datetime.datetime):
            met_at = self.met_at.isoformat()
        else:
            met_at = self.met_at

        working_days: int | None | Unset
        if isinstance(self.working_days, Unset):
            working_days = UNSET
        else:
            working_days = self.working_days

        provisional = self.provisional

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if due_at is not UNSET:
            field_dict["due_at"] = due_at
        if met_at is not UNSET:
            field_dict["met_at"] = met_at
        if working_days is not UNSET:
            field_dict["working_days"] = working_days
        if provisional is not UNSET:
            field_dict["provisional"] = provisional

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _due_at = d.pop("due_at", UNSET)
        due_at: datetime.datetime | Unset
        if isinstance(_due_at, Unset):
            due_at = UNSET
        else:
            due_at = datetime.datetime.fromisoformat(_due_at)

        def _parse_met_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                met_at_type_0 = datetime.datetime.fromisoformat(data)

                return met_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        met_at = _parse_met_at(d.pop("met_at", UNSET))

        def _parse_working_days(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        working_days = _parse_working_days(d.pop("working_days", UNSET))

        provisional = d.pop("provisional", UNSET)

        complaints_deadline_out = cls(
            due_at=due_at,
            met_at=met_at,
            working_days=working_days,
            provisional=provisional,
        )

        return complaints_deadline_out
