from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="ComplaintsStatsTotals")


@_attrs_define
class ComplaintsStatsTotals:
    """
    Attributes:
        complaints (int | Unset): Records received in the period.
        with_deadlines (int | Unset):
        in_time (int | Unset): Of those with deadlines, the ones that met every one.
        in_time_rate (float | None | Unset):
        responses (int | Unset): Surveys answered in the period.
        satisfied (int | Unset):
        satisfaction_rate (float | None | Unset):
    """

    complaints: int | Unset = UNSET
    with_deadlines: int | Unset = UNSET
    in_time: int | Unset = UNSET
    in_time_rate: float | None | Unset = UNSET
    responses: int | Unset = UNSET
    satisfied: int | Unset = UNSET
    satisfaction_rate: float | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        complaints = self.complaints

        with_deadlines = self.with_deadlines

        in_time = self.in_time

        in_time_rate: float | None | Unset
        if isinstance(self.in_time_rate, Unset):
            in_time_rate = UNSET
        else:
            in_time_rate = self.in_time_rate

        responses = self.responses

        satisfied = self.satisfied

        satisfaction_rate: float | None | Unset
        if isinstance(self.satisfaction_rate, Unset):
            satisfaction_rate = UNSET
        else:
            satisfaction_rate = self.satisfaction_rate

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if complaints is not UNSET:
            field_dict["complaints"] = complaints
        if with_deadlines is not UNSET:
            field_dict["with_deadlines"] = with_deadlines
        if in_time is not UNSET:
            field_dict["in_time"] = in_time
        if in_time_rate is not UNSET:
            field_dict["in_time_rate"] = in_time_rate
        if responses is not UNSET:
            field_dict["responses"] = responses
        if satisfied is not UNSET:
            field_dict["satisfied"] = satisfied
        if satisfaction_rate is not UNSET:
            field_dict["satisfaction_rate"] = satisfaction_rate

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        complaints = d.pop("complaints", UNSET)

        with_deadlines = d.pop("with_deadlines", UNSET)

        in_time = d.pop("in_time", UNSET)

        def _parse_in_time_rate(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        in_time_rate = _parse_in_time_rate(d.pop("in_time_rate", UNSET))

        responses = d.pop("responses", UNSET)

        satisfied = d.pop("satisfied", UNSET)

        def _parse_satisfaction_rate(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        satisfaction_rate = _parse_satisfaction_rate(d.pop("satisfaction_rate", UNSET))

        complaints_stats_totals = cls(
            complaints=complaints,
            with_deadlines=with_deadlines,
            in_time=in_time,
            in_time_rate=in_time_rate,
            responses=responses,
            satisfied=satisfied,
            satisfaction_rate=satisfaction_rate,
        )

        return complaints_stats_totals
