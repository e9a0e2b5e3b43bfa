from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.complaints_gap_out import ComplaintsGapOut


T = TypeVar("T", bound="ComplaintsShiftOut")


@_attrs_define
class ComplaintsShiftOut:
    """
    Attributes:
        id (str | Unset):
        starts_at (datetime.datetime | Unset):
        ends_at (datetime.datetime | Unset):
        staff_ids (list[str] | Unset):
        seats (int | Unset):
        note (str | Unset):
        calls (int | Unset):
        answered (int | Unset):
        answer_rate (float | None | Unset):
        created_by (None | str | Unset):
        created_at (datetime.datetime | Unset):
        coverage_gaps (list[ComplaintsGapOut] | Unset): Where that day's roster leaves the desk short (on creation).
    """

    id: str | Unset = UNSET
    starts_at: datetime.datetime | Unset = UNSET
    ends_at: datetime.datetime | Unset = UNSET
    staff_ids: list[str] | Unset = UNSET
    seats: int | Unset = UNSET
    note: str | Unset = UNSET
    calls: int | Unset = UNSET
    answered: int | Unset = UNSET
    answer_rate: float | None | Unset = UNSET
    created_by: None | str | Unset = UNSET
    created_at: datetime.datetime | Unset = UNSET
    coverage_gaps: list[ComplaintsGapOut] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        starts_at: str | Unset = UNSET
        if not isinstance(self.starts_at, Unset):
            starts_at = self.starts_at.isoformat()

        ends_at: str | Unset = UNSET
        if not isinstance(self.ends_at, Unset):
            ends_at = self.ends_at.isoformat()

        staff_ids: list[str] | Unset = UNSET
        if not isinstance(self.staff_ids, Unset):
            staff_ids = self.staff_ids

        seats = self.seats

        note = self.note

        calls = self.calls

        answered = self.answered

        answer_rate: float | None | Unset
        if isinstance(self.answer_rate, Unset):
            answer_rate = UNSET
        else:
            answer_rate = self.answer_rate

        created_by: None | str | Unset
        if isinstance(self.created_by, Unset):
            created_by = UNSET
        else:
            created_by = self.created_by

        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = self.created_at.isoformat()

        coverage_gaps: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.coverage_gaps, Unset):
            coverage_gaps = []
            for coverage_gaps_item_data in self.coverage_gaps:
                coverage_gaps_item = coverage_gaps_item_data.to_dict()
                coverage_gaps.append(coverage_gaps_item)

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if starts_at is not UNSET:
            field_dict["starts_at"] = starts_at
        if ends_at is not UNSET:
            field_dict["ends_at"] = ends_at
        if staff_ids is not UNSET:
            field_dict["staff_ids"] = staff_ids
        if seats is not UNSET:
            field_dict["seats"] = seats
        if note is not UNSET:
            field_dict["note"] = note
        if calls is not UNSET:
            field_dict["calls"] = calls
        if answered is not UNSET:
            field_dict["answered"] = answered
        if answer_rate is not UNSET:
            field_dict["answer_rate"] = answer_rate
        if created_by is not UNSET:
            field_dict["created_by"] = created_by
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if coverage_gaps is not UNSET:
            field_dict["coverage_gaps"] = coverage_gaps

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.complaints_gap_out import ComplaintsGapOut

        d = dict(src_dict)
        id = d.pop("id", UNSET)

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

        staff_ids = cast(list[str], d.pop("staff_ids", UNSET))

        seats = d.pop("seats", UNSET)

        note = d.pop("note", UNSET)

        calls = d.pop("calls", UNSET)

        answered = d.pop("answered", UNSET)

        def _parse_answer_rate(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        answer_rate = _parse_answer_rate(d.pop("answer_rate", UNSET))

        def _parse_created_by(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        created_by = _parse_created_by(d.pop("created_by", UNSET))

        _created_at = d.pop("created_at", UNSET)
        created_at: datetime.datetime | Unset
        if isinstance(_created_at, Unset):
            created_at = UNSET
        else:
            created_at = datetime.datetime.fromisoformat(_created_at)

        _coverage_gaps = d.pop("coverage_gaps", UNSET)
        coverage_gaps: list[ComplaintsGapOut] | Unset = UNSET
        if _coverage_gaps is not UNSET:
            coverage_gaps = []
            for coverage_gaps_item_data in _coverage_gaps:
                coverage_gaps_item = ComplaintsGapOut.from_dict(coverage_gaps_item_data)

                coverage_gaps.append(coverage_gaps_item)

        complaints_shift_out = cls(
            id=id,
            starts_at=starts_at,
            ends_at=ends_at,
            staff_ids=staff_ids,
            seats=seats,
            note=note,
            calls=calls,
            answered=answered,
            answer_rate=answer_rate,
            created_by=created_by,
            created_at=created_at,
            coverage_gaps=coverage_gaps,
        )

        return complaints_shift_out
