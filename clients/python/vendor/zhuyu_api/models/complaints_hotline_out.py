from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.complaints_gap_out import ComplaintsGapOut
    from ..models.complaints_shift_figures import ComplaintsShiftFigures


T = TypeVar("T", bound="ComplaintsHotlineOut")


@_attrs_define
class ComplaintsHotlineOut:
    """
    Attributes:
        calls (int | Unset):
        answered (int | Unset):
        answer_rate (float | None | Unset):
        by_shift (list[ComplaintsShiftFigures] | Unset): The roster's shifts in the period.
        coverage_gaps (list[ComplaintsGapOut] | Unset): Where the roster left the desk short (with a roster in the
            period).
    """

    calls: int | Unset = UNSET
    answered: int | Unset = UNSET
    answer_rate: float | None | Unset = UNSET
    by_shift: list[ComplaintsShiftFigures] | Unset = UNSET
    coverage_gaps: list[ComplaintsGapOut] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        calls = self.calls

        answered = self.answered

        answer_rate: float | None | Unset
        if isinstance(self.answer_rate, Unset):
            answer_rate = UNSET
        else:
            answer_rate = self.answer_rate

        by_shift: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.by_shift, Unset):
            by_shift = []
            for by_shift_item_data in self.by_shift:
                by_shift_item = by_shift_item_data.to_dict()
                by_shift.append(by_shift_item)

        coverage_gaps: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.coverage_gaps, Unset):
            coverage_gaps = []
            for coverage_gaps_item_data in self.coverage_gaps:
                coverage_gaps_item = coverage_gaps_item_data.to_dict()
                coverage_gaps.append(coverage_gaps_item)

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if calls is not UNSET:
            field_dict["calls"] = calls
        if answered is not UNSET:
            field_dict["answered"] = answered
        if answer_rate is not UNSET:
            field_dict["answer_rate"] = answer_rate
        if by_shift is not UNSET:
            field_dict["by_shift"] = by_shift
        if coverage_gaps is not UNSET:
            field_dict["coverage_gaps"] = coverage_gaps

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.complaints_gap_out import ComplaintsGapOut
        from ..models.complaints_shift_figures import ComplaintsShiftFigures

        d = dict(src_dict)
        calls = d.pop("calls", UNSET)

        answered = d.pop("answered", UNSET)

        def _parse_answer_rate(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        answer_rate = _parse_answer_rate(d.pop("answer_rate", UNSET))

        _by_shift = d.pop("by_shift", UNSET)
        by_shift: list[ComplaintsShiftFigures] | Unset = UNSET
        if _by_shift is not UNSET:
            by_shift = []
            for by_shift_item_data in _by_shift:
                by_shift_item = ComplaintsShiftFigures.from_dict(by_shift_item_data)

                by_shift.append(by_shift_item)

        _coverage_gaps = d.pop("coverage_gaps", UNSET)
        coverage_gaps: list[ComplaintsGapOut] | Unset = UNSET
        if _coverage_gaps is not UNSET:
            coverage_gaps = []
            for coverage_gaps_item_data in _coverage_gaps:
                coverage_gaps_item = ComplaintsGapOut.from_dict(coverage_gaps_item_data)

                coverage_gaps.append(coverage_gaps_item)

        complaints_hotline_out = cls(
            calls=calls,
            answered=answered,
            answer_rate=answer_rate,
            by_shift=by_shift,
            coverage_gaps=coverage_gaps,
        )

        return complaints_hotline_out
