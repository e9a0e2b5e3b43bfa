from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="ComplaintsShiftFigures")


@_attrs_define
class ComplaintsShiftFigures:
    """
    Attributes:
        shift_id (str | Unset):
        starts_at (datetime.datetime | Unset):
        ends_at (datetime.datetime | Unset):
        seats (int | Unset):
        calls (int | Unset):
        answered (int | Unset):
        answer_rate (float | None | Unset):
    """

    shift_id: str | Unset = UNSET
    starts_at: datetime.datetime | Unset = UNSET
    ends_at: datetime.datetime | Unset = UNSET
    seats: int | Unset = UNSET
    calls: int | Unset = UNSET
    answered: int | Unset = UNSET
    answer_rate: float | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        shift_id = self.shift_id

        starts_at: str | Unset = UNSET
        if not isinstance(self.starts_at, Unset):
            starts_at = self.starts_at.isoformat()

        ends_at: str | Unset = UNSET
        if not isinstance(self.ends_at, Unset):
            ends_at = self.ends_at.isoformat()

        seats = self.seats

        calls = self.calls

        answered = self.answered

        answer_rate: float | None | Unset
        if isinstance(self.answer_rate, Unset):
            answer_rate = UNSET
        else:
            answer_rate = self.answer_rate

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if shift_id is not UNSET:
            field_dict["shift_id"] = shift_id
        if starts_at is not UNSET:
            field_dict["starts_at"] = starts_at
        if ends_at is not UNSET:
            field_dict["ends_at"] = ends_at
        if seats is not UNSET:
            field_dict["seats"] = seats
        if calls is not UNSET:
            field_dict["calls"] = calls
        if answered is not UNSET:
            field_dict["answered"] = answered
        if answer_rate is not UNSET:
            field_dict["answer_rate"] = answer_rate

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        shift_id = d.pop("shift_id", UNSET)

        _starts_at = d.pop("starts_at", UNSET)
        starts_at: datetime.datetime | Unset
        if isinstance(_starts_at, Unset):
            starts_at = UNSET
        else:
            starts_at = datetime.datetime.fromisoformat(_starts_at)

        _ends_at = d.pop("ends_at", UNSET)
        ends_at: datetime.datetime | Unset
        if isinstance(_ends_at, Unset):
            ends_at = UNSET
        else:
            ends_at = datetime.datetime.fromisoformat(_ends_at)

        seats = d.pop("seats", UNSET)

        calls = d.pop("calls", UNSET)

        answered = d.pop("answered", UNSET)

        def _parse_answer_rate(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        answer_rate = _parse_answer_rate(d.pop("answer_rate", UNSET))

        complaints_shift_figures = cls(
            shift_id=shift_id,
            starts_at=starts_at,
            ends_at=ends_at,
            seats=seats,
            calls=calls,
            answered=answered,
            answer_rate=answer_rate,
        )

        return complaints_shift_figures
