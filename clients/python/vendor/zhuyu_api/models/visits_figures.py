from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.visits_figures_refusals_by_reason import VisitsFiguresRefusalsByReason


T = TypeVar("T", bound="VisitsFigures")


@_attrs_define
class VisitsFigures:
    """
    Attributes:
        visits (int | Unset):
        checked_out (int | Unset):
        refused (int | Unset):
        refusals_by_reason (VisitsFiguresRefusalsByReason | Unset):
        incidents (int | Unset):
        average_bath_minutes (float | None | Unset):
        average_rest_minutes (float | None | Unset):
    """

    visits: int | Unset = UNSET
    checked_out: int | Unset = UNSET
    refused: int | Unset = UNSET
    refusals_by_reason: VisitsFiguresRefusalsByReason | Unset = UNSET
    incidents: int | Unset = UNSET
    average_bath_minutes: float | None | Unset = UNSET
    average_rest_minutes: float | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        visits = self.visits

        checked_out = self.checked_out

        refused = self.refused

        refusals_by_reason: dict[str, Any] | Unset = UNSET
        if not isinstance(self.refusals_by_reason, Unset):
            refusals_by_reason = self.refusals_by_reason.to_dict()

        incidents = self.incidents

        average_bath_minutes: float | None | Unset
        if isinstance(self.average_bath_minutes, Unset):
            average_bath_minutes = UNSET
        else:
            average_bath_minutes = self.average_bath_minutes

        average_rest_minutes: float | None | Unset
        if isinstance(self.average_rest_minutes, Unset):
            average_rest_minutes = UNSET
        else:
            average_rest_minutes = self.average_rest_minutes

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if visits is not UNSET:
            field_dict["visits"] = visits
        if checked_out is not UNSET:
            field_dict["checked_out"] = checked_out
        if refused is not UNSET:
            field_dict["refused"] = refused
        if refusals_by_reason is not UNSET:
            field_dict["refusals_by_reason"] = refusals_by_reason
        if incidents is not UNSET:
            field_dict["incidents"] = incidents
        if average_bath_minutes is not UNSET:
            field_dict["average_bath_minutes"] = average_bath_minutes
        if average_rest_minutes is not UNSET:
            field_dict["average_rest_minutes"] = average_rest_minutes

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.visits_figures_refusals_by_reason import (
            VisitsFiguresRefusalsByReason,
        )

        d = dict(src_dict)
        visits = d.pop("visits", UNSET)

        checked_out = d.pop("checked_out", UNSET)

        refused = d.pop("refused", UNSET)

        _refusals_by_reason = d.pop("refusals_by_reason", UNSET)
        refusals_by_reason: VisitsFiguresRefusalsByReason | Unset
        if isinstance(_refusals_by_reason, Unset):
            refusals_by_reason = UNSET
        else:
            refusals_by_reason = VisitsFiguresRefusalsByReason.from_dict(
                _refusals_by_reason
            )

        incidents = d.pop("incidents", UNSET)

        def _parse_average_bath_minutes(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        average_bath_minutes = _parse_average_bath_minutes(
            d.pop("average_bath_minutes", UNSET)
        )

        def _parse_average_rest_minutes(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        average_rest_minutes = _parse_average_rest_minutes(
            d.pop("average_rest_minutes", UNSET)
        )

        visits_figures = cls(
            visits=visits,
            checked_out=checked_out,
            refused=refused,
            refusals_by_reason=refusals_by_reason,
            incidents=incidents,
            average_bath_minutes=average_bath_minutes,
            average_rest_minutes=average_rest_minutes,
        )

        return visits_figures
